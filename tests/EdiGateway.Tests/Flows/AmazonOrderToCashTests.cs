using System.Collections.Immutable;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using EdiGateway.Flows;
using EdiGateway.Flows.Amazon;
using EdiGateway.Flows.Common;
using EdiGateway.Flows.Warehouse;
using EdiGateway.Storage;
using EdiGateway.Storage.Entities;
using EdiGateway.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EdiGateway.Tests.Flows;

/// <summary>
/// The Amazon order after its 855: a despatch Sage has recorded becomes an 856, the Sage invoice becomes an 810, and each
/// rule that guards them refuses what breaks it (over-shipment, a reused invoice number, an invoice price that is not
/// the acknowledged cost), with an entry on the queue and nothing sent.
/// </summary>
public sealed class AmazonOrderToCashTests
{
    private const string Partner = "amazon-vc-test";

    [Fact]
    public async Task A_recorded_despatch_becomes_an_856_and_the_Sage_invoice_an_810_linked_to_the_PO()
    {
        await using var host = await StartAsync();
        var order = await AcknowledgedOrderAsync(host, "T9100001", 9101);

        await DespatchAsync(host, order, mugs: 120, towels: 20);
        var asnFile = Assert.Single(host.Sent(Partner, "amazon-856"));
        var asn = AmazonPurchaseOrderTests.ReadSet(File.ReadAllText(asnFile));
        Assert.Equal(["S", "O", "P", "I", "P", "I", "I"], asn.Segments.Where(s => s.Id == "HL").Select(s => s[3]).ToArray()); // SOPI, one P per carton
        Assert.Equal(2, asn.Segments.Count(s => s.Id == "MAN"));
        var sn1 = asn.Segments.Where(s => s.Id == "SN1").Select(s => (s[2], s[3])).ToList();
        Assert.Equal([("5", "CA"), ("5", "CA"), ("20", "EA")], sn1);

        var company = host.Company();
        await company.WriteAsync(company.InvoiceDespatched, default);
        Assert.Equal(1, await host.Get<InvoiceFlow>().CheckAsync(default));
        var invoiceFile = Assert.Single(host.Sent(Partner, "amazon-810"));
        var invoice = AmazonPurchaseOrderTests.ReadSet(File.ReadAllText(invoiceFile));
        Assert.Equal("70980", invoice.Segments.Single(s => s.Id == "TDS")[1]); // 10 CA x 51.00 + 20 EA x 9.99
        Assert.Equal([("10", "CA", "51.00"), ("20", "EA", "9.99")], invoice.Segments.Where(s => s.Id == "IT1").Select(s => (s[2], s[3], s[4])).ToList());
        Assert.Equal(0, await host.Get<InvoiceFlow>().CheckAsync(default)); // once

        var tree = await host.Get<LineageLog>().FindTreeAsync("T9100001", default);
        Assert.Equal(["810", "850", "855", "856"], tree.Where(e => e.DocumentType is "850" or "855" or "856" or "810").Select(e => e.DocumentType!).Order(StringComparer.Ordinal).ToArray());
        Assert.Contains(tree, e => e.DocumentType == "810" && e.InvoiceNumber is not null && e.Amount == 709.80m);
        Assert.Equal(AmazonOrderStates.Invoiced, (await host.Get<AmazonOrders>().FindAsync(Partner, "T9100001", default))!.State);
    }

    [Fact]
    public async Task Order_to_cash_850_to_820_ties_to_the_penny_with_deductions_on_their_nominals()
    {
        await using var host = await StartAsync();
        var order = await AcknowledgedOrderAsync(host, "T9100009", 9109);
        await DespatchAsync(host, order, mugs: 120, towels: 20);
        var company = host.Company();
        await company.WriteAsync(company.InvoiceDespatched, default);
        Assert.Equal(1, await host.Get<InvoiceFlow>().CheckAsync(default));
        var view = await company.ReadAsync(() => company.InvoiceCreditViews().Single(), default);
        var number = (string)view["sop_invoice_credit_document_no"]!;
        var gross = (decimal)view["sop_invoice_credit_total_gross_value"]!;
        Assert.Equal(851.76m, gross); // 709.80 net + 20% VAT

        // Amazon pays the invoice less a shortage claim on it and a co-op agreement invoice
        var paid = gross - 25.50m - 40.00m;
        var remittance = string.Join("~\n",
            string.Create(CultureInfo.InvariantCulture, $"ST*820*0001"), string.Create(CultureInfo.InvariantCulture, $"BPR*C*{paid:0.00}*C*ACH*CTX***********20261215"),
            "TRN*1*PAY9109", "DTM*097*20261215", "N1*PR*AMAZON.COM SERVICES", "N1*PE*ACME HOMEWARE*92*ACME1", "ENT*1",
            string.Create(CultureInfo.InvariantCulture, $"RMR*IV*{number}**{gross:0.00}*{gross:0.00}"), $"RMR*IV*{number}SC**-25.50", "RMR*IV*ABCD-12345678**-40.00",
            "SE*11*0001") + "~\n";
        host.Drop(Partner, "remit.edi", RemittanceFlowTests.Interchange(9110, remittance));
        var lineage = host.Get<LineageLog>();
        var remit = await host.EventuallyAsync(async () => (await lineage.FindTreeAsync("PAY9109", default))
            .FirstOrDefault(e => e.DocumentType == "820" && e.State == LineageStates.Posted), "the 820 posted");

        var clearing = await company.ReadAsync(() => (decimal)company.Store.Get("banks", 1002)!["balance"]!, default);
        Assert.Equal(paid, clearing);
        var invoiceTran = await company.ReadAsync(() => company.Store.All("sales_posted_transactions").Single(t => (string?)t["trader_transaction_type"] == "TradingAccountEntryTypeInvoice"), default);
        Assert.Equal(0m, (decimal)invoiceTran["document_outstanding_value"]!);
        var payments = await company.ReadAsync(() => company.Store.All("bank_posted_transactions").OrderBy(t => (long)t["id"]!)
            .Select(t => ((string)t["nominal_analysis_items"]![0]!["code"]!, (decimal)t["cheque_value"]!)).ToList(), default);
        Assert.Equal([("4010", 25.50m), ("7900", 40.00m)], payments); // shortage and co-op nominals from the profile

        var fromInvoice = await lineage.FindTreeAsync(number, default);
        Assert.Contains(fromInvoice, e => e.Id == remit.Id);
        Assert.Contains(fromInvoice, e => e.DocumentType == "850" && e.PurchaseOrderNumber == "T9100009");
        Assert.Contains(fromInvoice, e => e.DocumentType == "855");
        Assert.Contains(fromInvoice, e => e.DocumentType == "810");
        Assert.Contains(await lineage.FindTreeAsync("T9100009", default), e => e.DocumentType == "856");
    }

    [Fact]
    public async Task An_over_shipping_ASN_is_refused_and_queued_never_sent()
    {
        await using var host = await StartAsync();
        var order = await AcknowledgedOrderAsync(host, "T9100002", 9102);

        await DespatchAsync(host, order, mugs: 120, towels: 25, confirmInSage: false); // 20 towels were ordered and accepted
        Assert.Empty(host.Sent(Partner, "amazon-856"));
        var entry = await SingleEntryAsync(host, "amazon.856.refused");
        Assert.Contains("T9100002", entry.Message, StringComparison.Ordinal);
        Assert.Contains("over", entry.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_reused_invoice_number_is_refused_and_queued()
    {
        await using var host = await StartAsync();
        var order = await AcknowledgedOrderAsync(host, "T9100003", 9103);
        await DespatchAsync(host, order, mugs: 120, towels: 20);
        var company = host.Company();
        await company.WriteAsync(company.InvoiceDespatched, default);
        var number = await company.ReadAsync(() => (string)company.InvoiceCreditViews().Single()["sop_invoice_credit_document_no"]!, default);
        var orders = host.Get<AmazonOrders>();
        Assert.True((await orders.ClaimInvoiceNumberAsync(Partner, number, orderId: 424242, default)).Claimed); // sent before, for another PO

        Assert.Equal(0, await host.Get<InvoiceFlow>().CheckAsync(default));
        Assert.Empty(host.Sent(Partner, "amazon-810"));
        var entry = await SingleEntryAsync(host, "amazon.810.duplicate-number");
        Assert.Contains(number, entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invoice_price_that_is_not_the_acknowledged_cost_is_refused()
    {
        await using var host = await StartAsync();
        var order = await AcknowledgedOrderAsync(host, "T9100004", 9104);
        await DespatchAsync(host, order, mugs: 120, towels: 20);
        var company = host.Company();
        await company.WriteAsync(() =>
        {
            var sageOrder = company.Store.Get("sop_orders", order.SageOrderId!.Value)!;
            var towels = sageOrder["lines"]!.AsArray().OfType<JsonObject>().Single(l => (string?)l["code"] == "TOWEL-GRY-L");
            towels["selling_unit_price"] = 10.49m; // someone re-priced the line in Sage after the 855 went
            company.Store.Put("sop_orders", order.SageOrderId!.Value, sageOrder);
            return company.InvoiceDespatched();
        }, default);

        Assert.Equal(0, await host.Get<InvoiceFlow>().CheckAsync(default));
        Assert.Empty(host.Sent(Partner, "amazon-810"));
        var entry = await SingleEntryAsync(host, "amazon.810.refused");
        Assert.Contains("AMZ-810-05", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_shipped_order_with_no_Sage_invoice_past_the_window_is_overdue()
    {
        await using var host = await AmazonHost.StartAsync(
            partners => File.WriteAllText(Path.Combine(partners, Partner, "partner.yaml"),
                File.ReadAllText(Path.Combine(partners, Partner, "partner.yaml")).Replace("invoiceDaysAfterAsn: 3", "invoiceDaysAfterAsn: 0.00001", StringComparison.Ordinal)),
            "--Pipeline:InvoicePollSeconds", "3600");
        var order = await AcknowledgedOrderAsync(host, "T9100005", 9105);
        await DespatchAsync(host, order, mugs: 120, towels: 20);
        await Task.Delay(1500);

        var deadlines = await host.Client.GetFromJsonAsync<JsonArray>("/api/deadlines?overdueOnly=true");
        Assert.Contains(deadlines!, d => (string?)d!["flow"] == "amazon-810" && (string?)d["purchaseOrderNumber"] == "T9100005" && (bool)d["overdue"]!);
        Assert.Equal(0, await host.Get<InvoiceFlow>().CheckAsync(default));
        var entry = await SingleEntryAsync(host, "sla.invoice-overdue");
        Assert.Contains("T9100005", entry.Message, StringComparison.Ordinal);
        Assert.Equal(order.SetLineageId, entry.LineageEntryId);
    }

    private static Task<GatewayHost> StartAsync() => AmazonHost.StartAsync("--Pipeline:InvoicePollSeconds", "3600");

    /// <summary>Drops the standard test 850 and waits for its 855; returns the order row (with its Sage order).</summary>
    internal static async Task<AmazonOrderRecord> AcknowledgedOrderAsync(GatewayHost host, string po, long control)
    {
        host.Drop(Partner, $"{po}.edi", Encoding.ASCII.GetBytes(AmazonPurchaseOrderTests.PurchaseOrder(po, control)));
        await host.EventuallyAsync(() => Task.FromResult(host.Sent(Partner, "amazon-855").FirstOrDefault()), "the 855");
        return (await host.Get<AmazonOrders>().FindAsync(Partner, po, default))!;
    }

    /// <summary>
    /// The order ships from the 3PL: mugs in two cartons of 5 cases, the towels with the second; the backordered gift sets
    /// stay open. With <paramref name="confirmInSage"/> it goes the real way (940 out, 945 in, Sage despatch, 856); without,
    /// the despatch is handed to the Amazon flow directly as a warehouse flow would (Sage has not recorded it: an
    /// over-shipment the 945 flow would never let through).
    /// </summary>
    internal static async Task DespatchAsync(GatewayHost host, AmazonOrderRecord order, decimal mugs, decimal towels, bool confirmInSage = true)
    {
        if (confirmInSage)
        {
            // the real thing: the order goes to the 3PL as a 940, its 945 is recorded in Sage, and the warehouse flow hands it here
            var lines = WarehouseHost.Lines940(File.ReadAllText(await WarehouseHost.ReleaseAsync(host, order.SageOrderId!.Value, order.SageDocumentNo!)));
            string Line(string sku) => lines.Single(l => l.Sku == sku).LineId;
            var (mugCases, towelCases) = (mugs / 12, towels / 10);
            host.Drop(WarehouseHost.Tpl, $"945-{order.PurchaseOrderNumber}.edi", WarehouseHost.ShippingAdvice(order.Id + 8000, order.SageDocumentNo!, order.PurchaseOrderNumber,
                "ACME1" + (10_000_000 + order.Id).ToString(CultureInfo.InvariantCulture), DateOnly.FromDateTime(DateTime.UtcNow),
                (Sscc.Create(0, "5012345", order.Id * 10 + 1, out _), [("CP", 10, mugCases / 2, "CA", "ACL-MUG350", Line("ACL-MUG350"), null)]),
                (Sscc.Create(0, "5012345", order.Id * 10 + 2, out _), [("CP", 10, mugCases / 2, "CA", "ACL-MUG350", Line("ACL-MUG350"), null),
                    ("CC", 2, towelCases, "CA", "ACL-TOWELL", Line("ACL-TOWELL"), null), ("BP", 5, 0, "CA", "ACL-GIFT01", Line("ACL-GIFT01"), null)])));
            await host.EventuallyAsync(() => Task.FromResult(host.Sent(Partner, "amazon-856").FirstOrDefault(f => File.ReadAllText(f).Contains(order.PurchaseOrderNumber, StringComparison.Ordinal))),
                "the 856 of " + order.PurchaseOrderNumber);
            // the 856 file goes out before the order row records the shipment: wait for the row, which the invoice flow reads
            await host.EventuallyAsync(async () => await host.Get<AmazonOrders>().FindAsync(Partner, order.PurchaseOrderNumber, default) is { State: AmazonOrderStates.Shipped or AmazonOrderStates.Invoiced } r ? r : null,
                "PO " + order.PurchaseOrderNumber + " recorded as shipped");
            return;
        }

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        string NewSscc(long serial) => Sscc.Create(0, "5012345", serial, out _)!;
        var first = NewSscc(order.Id * 10 + 1);
        var second = NewSscc(order.Id * 10 + 2);
        var plan = new DespatchPlan
        {
            OrderNumber = order.SageDocumentNo!,
            ShipDate = today,
            CarrierScac = "UPSN",
            BillOfLading = "ACME1" + (10_000_000 + order.Id).ToString(CultureInfo.InvariantCulture),
            Lines = [],
            LineUpdates = [],
            Unpostable = [],
            Cartons = [],
            Amazon = new AmazonShipmentUpdate(order.PurchaseOrderNumber,
                [new("1", 120, mugs, 120 - mugs, false, null), new("3", 30, 0, 30, true, "backordered"), new("4", 20, towels, Math.Max(0, 20 - towels), false, null)],
                [new Carton(first, [new CartonItem(order.PurchaseOrderNumber, "1", mugs / 2)]),
                 new Carton(second, [new CartonItem(order.PurchaseOrderNumber, "1", mugs / 2), new CartonItem(order.PurchaseOrderNumber, "4", towels)])],
                ImmutableArray<FlowProblem>.Empty),
        };
        var source = await host.Get<LineageLog>().AddAsync(new LineageEntry
        {
            Kind = LineageKind.Document,
            Direction = Direction.Inbound,
            PartnerId = "acme-3pl-test",
            Flow = "warehouse-945",
            State = LineageStates.Processed,
            PurchaseOrderNumber = order.PurchaseOrderNumber,
            CreatedAt = default,
            UpdatedAt = default,
        }, null, default);
        await host.Get<IAmazonDespatchNotifier>().DespatchedAsync(new AmazonDespatchNotice("acme-3pl-test", order.CustomerDocumentNo, plan, source), default);
    }

    internal static async Task<ExceptionEntry> SingleEntryAsync(GatewayHost host, string reason)
    {
        await using var db = await host.Get<IDbContextFactory<GatewayDbContext>>().CreateDbContextAsync();
        return await db.Exceptions.AsNoTracking().SingleAsync(e => e.ReasonCode == reason);
    }
}
