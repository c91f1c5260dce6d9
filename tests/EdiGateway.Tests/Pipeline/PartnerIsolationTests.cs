using System.Diagnostics;
using System.Text;
using EdiGateway.Pipeline;
using EdiGateway.Storage;
using EdiGateway.Storage.Entities;
using EdiGateway.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EdiGateway.Tests.Pipeline;

/// <summary>
/// One partner's huge interchange does not hold up another partner: while partner B's 200 MB interchange is
/// still being read, partner A's small 850 is stored, acknowledged and ready to post within the stated bound.
/// </summary>
[Collection(TimingSensitive.Name)]
public sealed class PartnerIsolationTests(Xunit.Abstractions.ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>The bound: a small 850 from another partner is ready to post within this time of being dropped.</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);

    private GatewayHost? host;

    public async Task InitializeAsync() => host = await GatewayHost.StartAsync(
        home =>
        {
            GatewayHost.CopyDirectory(Path.Combine(Repository.Root, "partners"), home.Combine("partners"));
            GatewayHost.CopyDirectory(home.Combine("partners", "amazon-vc-test"), home.Combine("partners", "amazon-vc-bulk"));
            var profile = home.Combine("partners", "amazon-vc-bulk", "partner.yaml");
            File.WriteAllText(profile, File.ReadAllText(profile)
                .Replace("id: amazon-vc-test", "id: amazon-vc-bulk", StringComparison.Ordinal)
                .Replace("id: AMAZON }", "id: AMAZONBULK }", StringComparison.Ordinal)
                .Replace("amazon-vc-test/", "amazon-vc-bulk/", StringComparison.Ordinal));
        },
        "--Gateway:SpecsDirectory", Path.Combine(Repository.Root, "edi-specs"),
        "--Pipeline:PollIntervalMilliseconds", "100", "--Pipeline:StableForMilliseconds", "50");

    public async Task DisposeAsync() => await host!.DisposeAsync();

    [Fact]
    public async Task SmallPurchaseOrder_WhileAnotherPartnerSends200MegabytesOfX12_ReadyWithinTheBound()
    {
        var monitor = host!.Get<PipelineMonitor>();
        var bulkFile = WriteBulkInterchange(host.Home.Combine("bulk.edi"), 200L << 20);
        var inbound = host.Home.Combine("data", "dropbox", "amazon-vc-bulk", "in");
        Directory.CreateDirectory(inbound);
        File.Move(bulkFile, Path.Combine(inbound, "bulk.edi"));
        await WaitUntilStoredAsync("amazon-vc-bulk");

        var small = monitor.WaitForAsync(e => e is PipelineEvent.SetHandled { PartnerId: "amazon-vc-test" }, TimeSpan.FromMinutes(1));
        var watch = Stopwatch.StartNew();
        host.Drop("amazon-vc-test", "small.edi", Encoding.ASCII.GetBytes(X12Fixtures.Interchange(42, [X12Fixtures.PurchaseOrder("0001", "SMALL001", 2)])));
        await small;
        var latency = watch.Elapsed;
        output.WriteLine($"small 850 ready to post {latency.TotalMilliseconds:0} ms after it was dropped, while the 200 MB interchange was in progress");

        await using var db = await host.Get<IDbContextFactory<GatewayDbContext>>().CreateDbContextAsync();
        var bulkTransport = await db.Lineage.SingleAsync(e => e.Kind == LineageKind.TransportMessage && e.PartnerId == "amazon-vc-bulk");
        Assert.NotEqual(LineageStates.Processed, bulkTransport.State);
        Assert.Equal(LineageStates.ReadyToPost, (await db.Lineage.SingleAsync(e => e.PurchaseOrderNumber == "SMALL001")).State);
        Assert.True(latency < Bound, $"the small 850 took {latency.TotalSeconds:0.00} s, over the {Bound.TotalSeconds} s bound");
    }

    /// <summary>Waits until the partner's file has been picked up and stored, so its processing is under way.</summary>
    private async Task WaitUntilStoredAsync(string partnerId)
    {
        var factory = host!.Get<IDbContextFactory<GatewayDbContext>>();
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            await using var db = await factory.CreateDbContextAsync();
            if (await db.Lineage.AnyAsync(e => e.Kind == LineageKind.TransportMessage && e.PartnerId == partnerId))
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"{partnerId}'s file was not stored within 2 minutes");
    }

    /// <summary>Writes about <paramref name="bytes"/> of 850s (10 lines each) from the bulk partner, in one interchange.</summary>
    private static string WriteBulkInterchange(string path, long bytes)
    {
        using var writer = new StreamWriter(path, false, Encoding.ASCII, 1 << 20);
        writer.Write("ISA*00*          *00*          *ZZ*AMAZONBULK     *ZZ*ACMEVENDOR     *261201*0930*U*00401*000000777*0*T*>~\n");
        writer.Write("GS*PO*AMAZONBULK*ACMEVENDOR*20261201*0930*777*X*004010~\n");
        var sets = 0;
        while (writer.BaseStream.Position < bytes)
        {
            sets++;
            writer.Write(X12Fixtures.PurchaseOrder((sets % 10000).ToString("D4", System.Globalization.CultureInfo.InvariantCulture), $"B{sets:D7}", 10));
        }

        writer.Write($"GE*{sets}*777~\nIEA*1*000000777~\n");
        return path;
    }
}
