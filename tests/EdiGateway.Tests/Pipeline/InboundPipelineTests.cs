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

    [Fact]
    public async Task Drop_MixedFile_997RejectsTheBadSetAndQueueNamesEachProblem()
    {
        var monitor = Host.Get<PipelineMonitor>();
        var first = WaitForSetsAsync(monitor, 2);
        Host.Drop("amazon-vc-test", "po-101.edi", await File.ReadAllBytesAsync(Repository.Fixture("Pipeline", "Fixtures", "850-two-valid.edi")));
        await first;
        var processed = monitor.WaitForAsync(e => e is PipelineEvent.DocumentProcessed, Wait);
        var handled = WaitForSetsAsync(monitor, 2);

        Host.Drop("amazon-vc-test", "mixed.edi", await File.ReadAllBytesAsync(Repository.Fixture("Pipeline", "Fixtures", "850-mixed.edi")));
        var result = ((PipelineEvent.DocumentProcessed)await processed).Result;
        await handled;

        Assert.Equal(3, result.Interchanges);
        Assert.Equal(2, result.SetsAccepted);
        Assert.Equal(1, result.SetsRejected);
        Assert.Equal(1, result.Duplicates);
        await using var db = await Host.Get<IDbContextFactory<GatewayDbContext>>().CreateDbContextAsync();
        var queue = await db.Exceptions.OrderBy(e => e.Id).ToListAsync();
        var rejected = Assert.Single(queue, e => e.ReasonCode.StartsWith("x12.", StringComparison.Ordinal) && e.Severity >= Severity.Error);
        Assert.Contains("850 for PO T8237653", rejected.Message, StringComparison.Ordinal);
        Assert.Contains("PO103", rejected.Message, StringComparison.Ordinal);
        Assert.Contains("'CS'", rejected.Message, StringComparison.Ordinal);
        Assert.Equal("PO1", rejected.SegmentId);
        Assert.Equal(3, rejected.ElementPosition);
        Assert.Equal(63.00m, rejected.ValueAtRisk);
        Assert.NotNull(rejected.SlaDeadline);
        var duplicate = Assert.Single(queue, e => e.ReasonCode == "x12.duplicate-interchange");
        Assert.Contains("interchange 000000101 from ZZ/AMAZON was already received", duplicate.Message, StringComparison.Ordinal);
        var unknown = Assert.Single(queue, e => e.ReasonCode == "partner.unknown");
        Assert.Contains("ISA sender ZZ/STRANGER, receiver ZZ/ACMEVENDOR", unknown.Message, StringComparison.Ordinal);
        Assert.Equal("onboarding", unknown.Queue);

        var acks = Directory.GetFiles(Host.Outbox("amazon-vc-test"), "*.edi").Select(File.ReadAllText).ToList();
        var mixedAck = Assert.Single(acks, a => a.Contains("AK1*PO*201", StringComparison.Ordinal));
        Assert.Contains("AK2*850*0003", mixedAck, StringComparison.Ordinal);
        Assert.Contains("AK5*R", mixedAck, StringComparison.Ordinal);
        Assert.Contains("AK9*P*3*3*2", mixedAck, StringComparison.Ordinal);
        Assert.Equal(2, acks.Count);
        var ready = await db.Lineage.CountAsync(e => e.Kind == LineageKind.TransactionSet && e.State == LineageStates.ReadyToPost);
        Assert.Equal(4, ready);
    }

    private static Task WaitForSetsAsync(PipelineMonitor monitor, int count)
    {
        var seen = 0;
        return monitor.WaitForAsync(e => e is PipelineEvent.SetHandled && Interlocked.Increment(ref seen) >= count, Wait);
    }
}
