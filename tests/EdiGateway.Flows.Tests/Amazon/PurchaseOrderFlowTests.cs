using EdiGateway.Edi.Writing;
using EdiGateway.Flows.Amazon;

namespace EdiGateway.Flows.Tests.Amazon;

public class PurchaseOrderFlowTests
{
    private static AmazonPartnerData Partner() => AmazonPartnerData.Load(
        new Dictionary<string, string> { ["vendorCode"] = "ACME1", ["channelPrefix"] = "AMZ" },
        new Dictionary<string, IReadOnlyDictionary<string, string>>(), TestData.Csv("items.csv"), TestData.Csv("ship-to.csv")).Value!;

    [Fact]
    public void Accept_New850_OrderDraftInAcceptedEachesAndDecision()
    {
        var stock = new Dictionary<string, StockPosition> { ["MUG001"] = new(10m, 0m), ["TEA002"] = new(100m, 0m) };

        var result = PurchaseOrderFlow.Accept(TestData.ReadSet("850-no-backorder.edi"), Partner(), TestData.SagePrices, stock, TestData.Clock());

        var accepted = result.Value!;
        Assert.Equal("IQ", accepted.Acknowledgement.Line("1")!.Statuses[0].Code); // 10 of 24, no backorder
        Assert.Equal([("MUG001", 10m), ("TEA002", 60m)], accepted.SalesOrder!.Lines.Select(l => (l.ProductCode, l.LineQuantity)));
        Assert.Equal("AMZ-4Q7XK2NB", accepted.SalesOrder.CustomerDocumentNo);
    }

    [Fact]
    public void Accept_NothingInStockNoBackorder_NoSalesOrderButAnAcknowledgement()
    {
        var result = PurchaseOrderFlow.Accept(TestData.ReadSet("850-no-backorder.edi"), Partner(), TestData.SagePrices, new Dictionary<string, StockPosition>(), TestData.Clock());

        Assert.True(result.IsSuccess);
        Assert.Null(result.Value!.SalesOrder);
        Assert.All(result.Value.Acknowledgement.Lines, l => Assert.True(l.IsRejected));
    }

    [Fact]
    public void Accept_UnknownFc_Fails()
    {
        var result = PurchaseOrderFlow.Accept(TestData.ReadSet("850-unknown-fc.edi"), Partner(), TestData.SagePrices, new Dictionary<string, StockPosition>(), TestData.Clock());
        Assert.Equal("UnknownShipTo", Assert.Single(result.Problems).Code);
    }

    [Fact]
    public void Load_ItemsWithoutSageCodeColumn_Problem()
    {
        var rows = new[] { (IReadOnlyDictionary<string, string>)new Dictionary<string, string> { ["asin"] = "B0X" } };
        var result = AmazonPartnerData.Load(new Dictionary<string, string> { ["vendorCode"] = "V" }, new Dictionary<string, IReadOnlyDictionary<string, string>>(), rows, TestData.Csv("ship-to.csv"));
        Assert.Equal("MissingColumn", Assert.Single(result.Problems).Code);
    }

    [Fact]
    public void CarryRejections_AmendedPoRedecided_ChangeAckKeepsTheRejection()
    {
        var stock = new Dictionary<string, StockPosition> { ["MUG001"] = new(100m, 0m), ["TEA002"] = new(100m, 0m), ["PAN003"] = new(100m, 0m) };
        var first = AcknowledgementDecider.Decide(TestData.Resolve("850-original.edi"), stock, TestData.Settings, TestData.Clock());
        var amendedPo = TestData.ReadPo("850-amended.edi");
        var items = new ItemCrossReference([.. TestData.Csv("items.csv"),
            new Dictionary<string, string> { ["upc"] = "012345678929", ["sageProductCode"] = "NEW003" }], TestData.Settings);
        var resolved = PurchaseOrderResolver.Resolve(amendedPo, TestData.Settings, items, TestData.ShipTo(), TestData.SagePrices).Value!;
        stock["NEW003"] = new(100m, 0m);
        var redecided = AcknowledgementDecider.Decide(resolved, stock, TestData.Settings, TestData.Clock());
        Assert.Equal("IA", redecided.Line("3")!.Statuses[0].Code); // the item is known now ...

        var revised = AcknowledgementDecider.CarryRejections(first, redecided);
        var clock = TestData.Clock();
        var doc = AcknowledgementWriter.BuildChange(amendedPo, first, revised, clock.GetUtcNow(), TestData.Settings, TestData.Envelope, new SequentialControlNumbers(), clock);

        Assert.Equal("R2", revised.Line("3")!.Statuses[0].Code); // ... but the line stays rejected
        Assert.True(doc.IsSuccess, string.Join("; ", doc.Problems));
        Assert.Empty(TestData.GuideErrors(doc.Value!.Text));
    }
}
