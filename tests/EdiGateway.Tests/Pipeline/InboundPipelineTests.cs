using EdiGateway.Pipeline;
using EdiGateway.Storage;
using EdiGateway.Storage.Entities;
using EdiGateway.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EdiGateway.Tests.Pipeline;

/// <summary>The inbound path end to end over a drop folder: store, duplicate check, partner, 997, validation, routing.</summary>
public sealed class InboundPipelineTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private GatewayHost? host;

    private GatewayHost Host => host!;

    public async Task InitializeAsync() => host = await GatewayHost.StartWithSamplePartnersAsync();

    public async Task DisposeAsync() => await host!.DisposeAsync();

    [Fact]
    public async Task Drop_TwoValid850s_AcknowledgedWith997AndBothReadyToPost()
    {
        var monitor = Host.Get<PipelineMonitor>();
        var handled = WaitForSetsAsync(monitor, 2);
        Host.Drop("amazon-vc-test", "po-101.edi", await File.ReadAllBytesAsync(Repository.Fixture("Pipeline", "Fixtures", "850-two-valid.edi")));

        await handled;

        await using var db = await Host.Get<IDbContextFactory<GatewayDbContext>>().CreateDbContextAsync();
        var sets = await db.Lineage.Where(e => e.Kind == LineageKind.TransactionSet).OrderBy(e => e.Ordinal).ToListAsync();
        Assert.Equal(["T8237651", "T8237652"], sets.Select(s => s.PurchaseOrderNumber));
        Assert.All(sets, s => Assert.Equal(LineageStates.ReadyToPost, s.State));
        Assert.Equal(540.00m + 74.40m, sets[0].Amount);
        var ack = await db.Lineage.SingleAsync(e => e.Kind == LineageKind.Acknowledgement);
        Assert.Equal(LineageStates.Sent, ack.State);
        var ackFile = Assert.Single(Directory.GetFiles(Host.Outbox("amazon-vc-test"), "*.edi"));
        var text = await File.ReadAllTextAsync(ackFile);
        Assert.Contains("AK1*PO*101", text, StringComparison.Ordinal);
        Assert.Contains("AK9*A*2*2*2", text, StringComparison.Ordinal);
        Assert.Empty(await db.Exceptions.ToListAsync());
    }

    private static Task WaitForSetsAsync(PipelineMonitor monitor, int count)
    {
        var seen = 0;
        return monitor.WaitForAsync(e => e is PipelineEvent.SetHandled && Interlocked.Increment(ref seen) >= count, Wait);
    }
}
