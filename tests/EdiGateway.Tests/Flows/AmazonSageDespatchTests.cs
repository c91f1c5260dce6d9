using System.Text;
using EdiGateway.Flows.Amazon;
using EdiGateway.Sage;
using EdiGateway.Sage200.Models;
using EdiGateway.Storage;
using EdiGateway.Tests.Support;

namespace EdiGateway.Tests.Flows;

/// <summary>An Amazon order despatched in Sage itself (no 3PL): the despatch views become the 856.</summary>
public sealed class AmazonSageDespatchTests
{
    private const string Partner = "amazon-vc-test";

    private static Task<GatewayHost> StartAsync(string extraSettings = "") => AmazonHost.StartAsync(partners =>
    {
        var file = Path.Combine(partners, Partner, "partner.yaml");
        File.WriteAllText(file, File.ReadAllText(file).Replace("  fulfilmentPartner: acme-3pl-test\n",
            "  despatchSource: sage\n  defaultScac: UPSN\n" + extraSettings, StringComparison.Ordinal));
    }, "--Pipeline:DespatchPollSeconds", "3600");

    private static async Task<AmazonOrderRecord> AcknowledgedOrderAsync(GatewayHost host, string po, long control)
    {
        host.Drop(Partner, $"{po}.edi", Encoding.ASCII.GetBytes(AmazonPurchaseOrderTests.PurchaseOrder(po, control)));
        await host.EventuallyAsync(() => Task.FromResult(host.Sent(Partner, "amazon-855").FirstOrDefault()), "the 855");
        return await host.EventuallyAsync(async () => await host.Get<AmazonOrders>().FindAsync(Partner, po, default) is { State: AmazonOrderStates.Acknowledged } r ? r : null, "the order acknowledged");
    }

    /// <summary>A Sage user confirms the despatch of the mugs and towels (the gift sets are backordered), with a consignment number.</summary>
    private static async Task ConfirmInSageAsync(GatewayHost host, AmazonOrderRecord order, decimal mugs, decimal towels, string consignment)
    {
        var sage = host.Get<SagePosting>().Connection!.Client;
        var open = await sage.GetDespatchableLinesAsync(order.SageDocumentNo!, default);
        var items = open.SelectMany(d => d.Items).Where(i => i.ItemCode is "MUG-BLU-350" or "TOWEL-GRY-L")
            .Select(i => new SageDespatchItem { Id = i.Id, Quantity = i.ItemCode == "MUG-BLU-350" ? mugs : towels }).ToList();
        var done = await sage.ConfirmDespatchAsync(new SageConfirmDespatch
        {
            SopOrderReturnId = order.SageOrderId!.Value,
            Items = items,
            TrackingItems = [new SageDespatchTracking { SopOrderReturnId = order.SageOrderId!.Value, ConsignmentNo = consignment }],
        }, default);
        Assert.False(done.IsRefused);
    }

    [Fact]
    public async Task A_despatch_confirmed_in_Sage_becomes_one_856_with_a_numbered_carton_per_case()
    {
        await using var host = await StartAsync();
        var order = await AcknowledgedOrderAsync(host, "T9200001", 9201);
        await ConfirmInSageAsync(host, order, mugs: 120, towels: 20, consignment: "ACME100012345");

        var watcher = host.Get<SageDespatchWatcher>();
        Assert.Equal(1, await watcher.CheckAsync(default));
        var asn = AmazonPurchaseOrderTests.ReadSet(File.ReadAllText(Assert.Single(host.Sent(Partner, "amazon-856"))));
        var ssccs = asn.Segments.Where(s => s.Id == "MAN").Select(s => s[2]).ToList();
        Assert.Equal(11, ssccs.Count); // 10 cases of mugs, one carton of 20 towels
        Assert.Equal(ssccs.Count, ssccs.Distinct().Count());
        Assert.All(ssccs, s => Assert.Null(EdiGateway.Flows.Common.Sscc.Check(s)));
        Assert.All(ssccs, s => Assert.StartsWith("0015012345", s, StringComparison.Ordinal)); // AI 00, extension 1, the profile's GS1 prefix
        var sn1 = asn.Segments.Where(s => s.Id == "SN1").Select(s => (s[2], s[3])).ToList();
        Assert.Equal([.. Enumerable.Repeat(("1", "CA"), 10), ("20", "EA")], sn1);
        Assert.Contains(asn.Segments, s => s.Id == "REF" && s[1] == "BM" && s[2] == "ACME100012345");
        Assert.Contains(asn.Segments, s => s.Id == "TD5" && Enumerable.Range(1, s.Elements.Length).Any(i => s[i] == "UPSN"));
        Assert.Single(host.Sent(Partner, "amazon-855")); // the gift sets stay backordered: nothing to change

        Assert.Equal(0, await watcher.CheckAsync(default)); // each Sage despatch once
        Assert.Single(host.Sent(Partner, "amazon-856"));
        Assert.Equal(AmazonOrderStates.Shipped, (await host.Get<AmazonOrders>().FindAsync(Partner, "T9200001", default))!.State);
        var tree = await host.Get<LineageLog>().FindTreeAsync("T9200001", default);
        var step = Assert.Single(tree, e => e.DocumentType == "sage-despatch");
        Assert.Equal(LineageStates.Processed, step.State);
        Assert.Contains(tree, e => e.ParentId == step.Id && e.DocumentType == "856");
        Assert.Contains(tree, e => e.ParentId == step.Id && e.DocumentType == ShipNoticeFlow.ShipNoticeDue && e.State == LineageStates.Processed && e.DueAt != null);
    }

    [Fact]
    public async Task A_Sage_despatch_with_no_carrier_is_queued_and_no_856_is_sent()
    {
        await using var host = await AmazonHost.StartAsync(partners =>
        {
            var file = Path.Combine(partners, Partner, "partner.yaml");
            File.WriteAllText(file, File.ReadAllText(file).Replace("  fulfilmentPartner: acme-3pl-test\n", "  despatchSource: sage\n", StringComparison.Ordinal)
                .Replace("asnMinutesAfterDespatch: 30", "asnMinutesAfterDespatch: 0.001", StringComparison.Ordinal));
        }, "--Pipeline:DespatchPollSeconds", "3600");
        var order = await AcknowledgedOrderAsync(host, "T9200002", 9202);
        await ConfirmInSageAsync(host, order, mugs: 60, towels: 20, consignment: "ACME100012346");

        Assert.Equal(1, await host.Get<SageDespatchWatcher>().CheckAsync(default));
        Assert.Empty(host.Sent(Partner, "amazon-856"));
        var entry = await AmazonOrderToCashTests.SingleEntryAsync(host, "amazon.856.refused");
        Assert.Contains("SCAC", entry.Message, StringComparison.Ordinal);
        Assert.Contains("T9200002", entry.Message, StringComparison.Ordinal);

        // the ASN was due within the profile's minutes of the despatch: it shows in the deadlines and, late, on the queue
        var deadlines = await host.Client.GetStringAsync("/api/deadlines");
        Assert.Contains("The 856 ASN for PO T9200002", deadlines, StringComparison.Ordinal);
        await Task.Delay(200);
        Assert.True(await host.Get<EdiGateway.Pipeline.DeadlineWatcher>().CheckAsync(default) >= 1);
        var late = await AmazonOrderToCashTests.SingleEntryAsync(host, "sla.response-overdue");
        Assert.Contains("The 856 ASN for PO T9200002", late.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_a_3PL_the_945_reports_the_despatch_not_the_Sage_views()
    {
        await using var host = await AmazonHost.StartAsync("--Pipeline:DespatchPollSeconds", "3600");
        var order = await AcknowledgedOrderAsync(host, "T9200003", 9203);
        await ConfirmInSageAsync(host, order, mugs: 120, towels: 20, consignment: "ACME100012347");
        Assert.Equal(0, await host.Get<SageDespatchWatcher>().CheckAsync(default));
    }
}
