using EdiGateway.Edi.Writing;
using EdiGateway.Flows.Amazon;
using EdiGateway.Flows.Common;

namespace EdiGateway.Flows.Tests.Amazon;

public class InvoiceTests
{
    private static readonly Dictionary<string, StockPosition> Stock = new()
    {
        ["MUG001"] = new StockPosition(40m, 10m),
        ["TEA002"] = new StockPosition(100m, 70m),
    };

    private static readonly ResolvedOrder Order = TestData.Resolve("850-original.edi");

    private static AcknowledgementDecision Ack() => AcknowledgementDecider.Decide(Order, Stock, TestData.Settings, TestData.Clock());

    private static SageInvoice Invoice(decimal teaPrice = 2.50m, DateOnly? date = null, decimal net = 280.50m) =>
        new("SI-100234", date ?? new DateOnly(2026, 12, 2), net,
            [new SageInvoiceLine("1", "MUG001", 24m, 9.00m), new SageInvoiceLine("2", "TEA002", 24m, teaPrice)],
            [new SageInvoiceCharge("Freight", false, 6.00m), new SageInvoiceCharge("Discount", true, 1.50m)]);

    private static FlowResult<OutboundDocument> Build(SageInvoice invoice, IReadOnlyDictionary<string, decimal>? shipped = null) =>
        InvoiceBuilder.Build(invoice, Order, Ack(), shipped, TestData.Settings, TestData.Envelope, new SequentialControlNumbers(), TestData.Clock());

    [Fact]
    public void Build_SageInvoice_PoBasisAckedCostAndN2TotalValidAgainstGuide()
    {
        var doc = Build(Invoice(), new Dictionary<string, decimal> { ["1"] = 24m, ["2"] = 2m });

        Assert.True(doc.IsSuccess, string.Join("; ", doc.Problems));
        Assert.Empty(TestData.GuideErrors(doc.Value!.Text));
        var lines = TestData.SetLines(doc.Value.Text);
        Assert.Equal("BIG*20261202*SI-100234*20261201*4Q7XK2PO", lines[1]);
        Assert.Contains("CUR*SE*GBP", lines);
        Assert.Contains("IT1*1*24*EA*9.00*PE*BP*B0EXAMPLE1*VN*ACME-MUG-01", lines);
        Assert.Contains("IT1*2*2*CA*30.00*PE*BP*B0EXAMPLE2", lines); // 24 eaches = 2 cases at the acknowledged case cost
        Assert.Contains("TDS*28050", lines); // 216.00 + 60.00 + 6.00 - 1.50
        Assert.Contains("SAC*C*G830***600", lines);
        Assert.Contains("SAC*A*C310***150", lines);
        Assert.Contains("CTT*2", lines);
    }

    [Fact]
    public void Build_SageCostDiffersFromThe855_RefusedWithAmz81005()
    {
        var result = Build(Invoice(teaPrice: 2.45m, net: 279.30m));
        Assert.Contains(result.Problems, p => p.Code == "AMZ-810-05" && p.Line == "2");
    }

    [Fact]
    public void Build_InvoiceDateBeforePoOrInFuture_RefusedWithAmz81006()
    {
        Assert.Contains(Build(Invoice(date: new DateOnly(2026, 11, 30))).Problems, p => p.Code == "AMZ-810-06");
        Assert.Contains(Build(Invoice(date: new DateOnly(2026, 12, 3))).Problems, p => p.Code == "AMZ-810-06");
    }

    [Fact]
    public void Build_TotalNotTyingToSageOrUnknownChargeOrNotShipped_Refused()
    {
        var invoice = Invoice(net: 281.00m) with { Charges = [new SageInvoiceCharge("Freight", false, 6.00m), new SageInvoiceCharge("Packing", false, 2m)] };

        var codes = Build(invoice, new Dictionary<string, decimal> { ["1"] = 12m, ["2"] = 2m }).Problems.Select(p => p.Code).ToList();

        Assert.Contains("AMZ-810-02", codes);
        Assert.Contains("AMZ-810-08", codes);
        Assert.Contains("AMZ-810-07", codes);
    }

    [Fact]
    public void Build_RejectedLineOrMoreThanAcknowledged_RefusedWithAmz81007()
    {
        var invoice = Invoice() with { Lines = [new SageInvoiceLine("2", "TEA002", 72m, 2.50m), new SageInvoiceLine("3", "X", 1m, 1m)] };
        var problems = Build(invoice).Problems;
        Assert.Contains(problems, p => p.Code == "AMZ-810-07" && p.Line == "2"); // 6 cases > 5 acknowledged
        Assert.Contains(problems, p => p.Code == "AMZ-810-07" && p.Line == "3"); // rejected R2
    }

    [Fact]
    public void Build_ZeroValue_RefusedWithAmz81003()
    {
        var invoice = new SageInvoice("SI-1", new DateOnly(2026, 12, 2), 0m, [new SageInvoiceLine("1", "MUG001", 0m, 9.00m)], []);
        Assert.Contains(Build(invoice).Problems, p => p.Code == "AMZ-810-03");
    }
}
