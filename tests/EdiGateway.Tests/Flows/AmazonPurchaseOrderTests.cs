using System.Text;
using EdiGateway.Edi.Model;
using EdiGateway.Flows.Amazon;
using EdiGateway.Sandbox.Sage;
using EdiGateway.Storage;
using EdiGateway.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace EdiGateway.Tests.Flows;

/// <summary>An Amazon 850 through the real pipeline into the Sage SANDBOX and the 855 back, on drop folders.</summary>
public sealed class AmazonPurchaseOrderTests
{
    /// <summary>CSH Y (backorder allowed); line 1 ten cases of 12 mugs (PO104 per case); line 2 an ASIN nobody knows;
    /// line 3 five cases of 6 gift sets, which the 3PL warehouse has none of; line 4 towels in eaches.</summary>
    internal static string PurchaseOrder(string po, long control, string fc = "BHX4") =>
        $"""
        ISA*00*          *00*          *ZZ*AMAZON         *ZZ*ACMEVENDOR     *261201*0930*U*00401*{control:D9}*0*T*>~
        GS*PO*AMAZON*ACMEVENDOR*20261201*0930*{control}*X*004010~
        ST*850*0001~
        BEG*00*NE*{po}**20261201~
        REF*CR*ACME1~
        CSH*Y~
        DTM*064*20261205~
        DTM*063*20261212~
        N1*ST**92*{fc}~
        PO1*1*10*CA*51.00*PE*BP*B0EXAMPLE1*VN*ACME-MUG-01~
        PO4*12~
        PO1*2*3*EA*9.00*PE*BP*B0NOSUCH99~
        PO1*3*5*CA*75.00*PE*BP*B0EXAMPLE3~
        PO4*6~
        PO1*4*20*EA*9.99*PE*BP*B0EXAMPLE4~
        CTT*4*38~
        SE*15*0001~
        GE*1*{control}~
        IEA*1*{control:D9}~

        """;

    [Fact]
    public async Task An_850_becomes_one_Sage_order_in_eaches_and_an_855_in_cases()
    {
        await using var host = await AmazonHost.StartAsync();
        host.Drop("amazon-vc-test", "po-1.edi", Encoding.ASCII.GetBytes(PurchaseOrder("T9000001", 9001)));

        var ack = await host.EventuallyAsync(() => Task.FromResult(host.Sent("amazon-vc-test", "amazon-855").FirstOrDefault()), "the 855");
        var company = host.Company();
        var orders = await company.ReadAsync(() => company.Store.All("sop_orders").Where(o => (string?)o["customer_document_no"] == "AMZ-T9000001").ToList(), default);
        var order = Assert.Single(orders);
        var lines = order["lines"]!.AsArray().Select(l => (Code: (string?)l!["code"], Qty: (decimal)l["line_quantity"]!)).ToList();
        Assert.Equal([("MUG-BLU-350", 120m), ("GIFT-SET-01", 30m), ("TOWEL-GRY-L", 20m)], lines);

        var set = ReadSet(File.ReadAllText(ack));
        var acks = set.Segments.Where(s => s.Id == "ACK").Select(s => (Code: s[1], Qty: s[2], Unit: s[3])).ToList();
        Assert.Equal([("IA", "10", "CA"), ("R2", "3", "EA"), ("IB", "5", "CA"), ("IA", "20", "EA")], acks);

        // the 3PL that ships from the order's warehouse on creation gets the 940, one per order, under the 850 set
        var documentNo = (string)order["document_no"]!;
        _ = await host.EventuallyAsync(() => Task.FromResult(host.Sent("acme-3pl-test", "warehouse-940")
            .FirstOrDefault(f => File.ReadAllText(f).Contains($"W05*N*{documentNo}*", StringComparison.Ordinal))), "the 940");
        Assert.Single(host.Sent("acme-3pl-test", "warehouse-940"));
        Assert.Equal("AC", set.Segments.Single(s => s.Id == "BAK")[2]);
        Assert.Equal(["51.00", "9.00", "75.00", "9.99"], set.Segments.Where(s => s.Id == "PO1").Select(s => s[4]).ToArray());

        var lineage = host.Get<LineageLog>();
        var tree = await lineage.FindTreeAsync("T9000001", default);
        var po850 = tree.Single(e => e.Kind == LineageKind.TransactionSet && e.DocumentType == "850");
        Assert.Equal(LineageStates.Acknowledged, po850.State);
        Assert.Contains(tree, e => e.ParentId == po850.Id && e.DocumentType == "855" && e.State == LineageStates.Sent);
        Assert.Contains(tree, e => e.ParentId == po850.Id && e.Kind == LineageKind.ErpPosting);

        var queue = await host.Get<IDbContextFactory<GatewayDbContext>>().CreateDbContext().Exceptions.AsNoTracking()
            .Where(e => e.ReasonCode == "amazon.850.line-rejected").ToListAsync();
        var rejected = Assert.Single(queue);
        Assert.Contains("line 2", rejected.Message, StringComparison.Ordinal);
        Assert.Contains("R2", rejected.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_replayed_or_resent_850_never_makes_a_second_Sage_order()
    {
        await using var host = await AmazonHost.StartAsync();
        host.Drop("amazon-vc-test", "po-1.edi", Encoding.ASCII.GetBytes(PurchaseOrder("T9000002", 9002)));
        await host.EventuallyAsync(() => Task.FromResult(host.Sent("amazon-vc-test", "amazon-855").FirstOrDefault()), "the 855");

        host.Drop("amazon-vc-test", "po-1-again.edi", Encoding.ASCII.GetBytes(PurchaseOrder("T9000002", 9002))); // same interchange
        host.Drop("amazon-vc-test", "po-1-resent.edi", Encoding.ASCII.GetBytes(PurchaseOrder("T9000002", 9003))); // same PO, new interchange
        var db = host.Get<IDbContextFactory<GatewayDbContext>>();
        await host.EventuallyAsync(async () => await db.CreateDbContext().Exceptions.AsNoTracking().FirstOrDefaultAsync(e => e.ReasonCode == "amazon.850.resent"), "the re-sent PO entry");

        var company = host.Company();
        Assert.Equal(1, await company.ReadAsync(() => company.Store.All("sop_orders").Count(o => (string?)o["customer_document_no"] == "AMZ-T9000002"), default));
        Assert.Single(host.Sent("amazon-vc-test", "amazon-855"));
        Assert.NotNull(await host.Get<AmazonOrders>().FindAsync("amazon-vc-test", "T9000002", default));
    }

    [Fact]
    public async Task A_resent_850_amends_the_Sage_order_line_by_line_and_sends_a_change_855()
    {
        await using var host = await AmazonHost.StartAsync();
        host.Drop("amazon-vc-test", "po-1.edi", Encoding.ASCII.GetBytes(PurchaseOrder("T9000004", 9005)));
        await host.EventuallyAsync(() => Task.FromResult(host.Sent("amazon-vc-test", "amazon-855").FirstOrDefault()), "the first 855");

        // Amazon cuts line 1 from 10 to 8 cases and drops line 4
        var changed = PurchaseOrder("T9000004", 9006)
            .Replace("PO1*1*10*CA", "PO1*1*8*CA", StringComparison.Ordinal)
            .Replace("PO1*4*20*EA*9.99*PE*BP*B0EXAMPLE4~\n", "", StringComparison.Ordinal)
            .Replace("CTT*4*38~", "CTT*3*16~", StringComparison.Ordinal)
            .Replace("SE*15*0001~", "SE*14*0001~", StringComparison.Ordinal);
        host.Drop("amazon-vc-test", "po-1-changed.edi", Encoding.ASCII.GetBytes(changed));
        var acks = await host.EventuallyAsync(() => Task.FromResult(host.Sent("amazon-vc-test", "amazon-855") is { Length: 2 } both ? both : null), "the change-855");

        var company = host.Company();
        var orders = await company.ReadAsync(() => company.Store.All("sop_orders").Where(o => (string?)o["customer_document_no"] == "AMZ-T9000004").ToList(), default);
        var order = Assert.Single(orders);
        var lines = order["lines"]!.AsArray().Select(l => (Code: (string?)l!["code"], Qty: (decimal)l["line_quantity"]!)).ToList();
        Assert.Equal([("MUG-BLU-350", 96m), ("GIFT-SET-01", 30m)], lines);

        var change = acks.Select(a => ReadSet(File.ReadAllText(a))).Single(set => set.Segments.Any(s => s.Id == "PO1" && s[2] == "8"));
        Assert.Equal("AC", change.Segments.Single(s => s.Id == "BAK")[2]);
        var answered = change.Segments.Where(s => s.Id == "ACK").Select(s => (Code: s[1], Qty: s[2], Unit: s[3])).ToList();
        Assert.Equal([("IA", "8", "CA"), ("R2", "3", "EA"), ("IB", "5", "CA")], answered);

        // the order row follows the re-sent set and both sets end acknowledged, just after the change-855 went
        var sets = await host.EventuallyAsync(async () => (await host.Get<LineageLog>().FindTreeAsync("T9000004", default))
            .Where(e => e.Kind == LineageKind.TransactionSet && e.DocumentType == "850").ToList() is { } all && all.All(s => s.State == LineageStates.Acknowledged) ? all : null, "both 850 sets acknowledged");
        var record = await host.Get<AmazonOrders>().FindAsync("amazon-vc-test", "T9000004", default);
        Assert.Equal(2, sets.Count);
        Assert.Equal(sets.Max(s => s.Id), record!.SetLineageId);
        Assert.All(sets, s => Assert.Equal(LineageStates.Acknowledged, s.State));
        var amended = await AmazonOrderToCashTests.SingleEntryAsync(host, "amazon.850.amended");
        Assert.Contains("line 1 120 -> 96 each", amended.Message, StringComparison.Ordinal);
        Assert.Contains("line 4 cancelled", amended.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_855_waits_while_Sage_is_locked_and_the_deadline_shows_it_late()
    {
        // an 855 window of about 2 seconds (sla hours), so the locked order makes the 855 late
        await using var host = await AmazonHost.StartAsync(
            partners => File.WriteAllText(Path.Combine(partners, "amazon-vc-test", "partner.yaml"),
                File.ReadAllText(Path.Combine(partners, "amazon-vc-test", "partner.yaml")).Replace("poAcknowledgementHours: 24", "poAcknowledgementHours: 0.0006", StringComparison.Ordinal)),
            "--Sage200:Posting:ParkLockedAfter", "00:00:00.200", "--Sage200:Posting:ParkedRetryInterval", "00:00:01");
        var faults = (SandboxFaultInjector)host.Get<EdiGateway.Sage.SagePosting>().Connection!.Sandbox!.Services.GetService(typeof(SandboxFaultInjector))!;
        faults.LockRecord("Customer AMZBHX4", TimeSpan.FromSeconds(10));
        host.Drop("amazon-vc-test", "po-locked.edi", Encoding.ASCII.GetBytes(PurchaseOrder("T9000003", 9004)));

        var lineage = host.Get<LineageLog>();
        var set = await host.EventuallyAsync(async () => (await lineage.FindTreeAsync("T9000003", default))
            .FirstOrDefault(e => e.DocumentType == "850" && e.State == LineageStates.Posting && e.Error == null), "the set posting", 60);
        Assert.Empty(host.Sent("amazon-vc-test", "amazon-855"));
        Assert.NotNull(set.DueAt);
        await Task.Delay(set.DueAt!.Value - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(200));
        Assert.Empty(host.Sent("amazon-vc-test", "amazon-855")); // Sage is still locked (10 s)
        Assert.True(await host.Get<EdiGateway.Pipeline.DeadlineWatcher>().CheckAsync(default) >= 1);
        var late = await AmazonOrderToCashTests.SingleEntryAsync(host, "sla.response-overdue");
        Assert.Equal(set.Id, late.LineageEntryId);

        await host.EventuallyAsync(() => Task.FromResult(host.Sent("amazon-vc-test", "amazon-855").FirstOrDefault()), "the 855 after the lock", 60);
        // the set becomes acknowledged just after its 855 is handed to the transport
        await host.EventuallyAsync(async () => (await lineage.GetAsync(set.Id, default)) is { State: LineageStates.Acknowledged } done ? done : null, "the set acknowledged");
    }

    internal static X12TransactionSet ReadSet(string x12) =>
        X12DocumentReader.Read(new MemoryStream(Encoding.ASCII.GetBytes(x12))).Document.Interchanges.Single().Groups.Single().Sets.Single();
}
