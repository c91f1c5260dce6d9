using EdiGateway.Flows.Amazon;

namespace EdiGateway.Flows.Tests.Amazon;

public class PurchaseOrderResolverTests
{
    [Fact]
    public void Resolve_EachLine_KeepsAmazonCostAndEaches()
    {
        var order = TestData.Resolve("850-original.edi");

        var l1 = order.Line("1")!;
        Assert.Equal(("MUG001", 1, 24m, 9.00m, 216.00m), (l1.SageProductCode, l1.UnitsPerCase, l1.QuantityEaches, l1.SellingUnitPrice, l1.LineTotal));
        Assert.Equal("AMZLBA4", order.ShipTo.SageAccount);
        Assert.Equal("Doncaster", order.ShipTo.Address.City);
    }

    [Fact]
    public void Resolve_CaseLineWithPo4_BecomesEachesAtCaseCostOverCaseSize()
    {
        var l2 = TestData.Resolve("850-original.edi").Line("2")!;

        Assert.Equal(12, l2.UnitsPerCase);
        Assert.Equal(60m, l2.QuantityEaches);
        Assert.Equal(2.50m, l2.SellingUnitPrice);
        Assert.Equal(150.00m, l2.LineTotal);
        Assert.Equal(("CA", 5m, 30.00m), (l2.Ordered.Unit, l2.Ordered.Quantity, l2.AcknowledgedUnitCost));
    }

    [Fact]
    public void Resolve_UnknownUpc_RejectedR2WithReasonNotDropped()
    {
        var order = TestData.Resolve("850-original.edi");

        var rejected = Assert.Single(order.Rejected);
        Assert.Equal(("3", AckCodes.InvalidProduct), (rejected.LineNumber, rejected.AckCode));
        Assert.Contains("UP 012345678929", rejected.Reason, StringComparison.Ordinal);
        Assert.Null(order.Line("3"));
    }

    [Fact]
    public void Resolve_CaseSizeFromTableAndThirds_TotalTiesToThePenny()
    {
        var order = TestData.Resolve("850-cases.edi");

        var l1 = order.Line("1")!; // 7 CA of PAN003 (3 per case in the table) at 10.00 a case
        Assert.Equal((3, 21m, 70.00m), (l1.UnitsPerCase, l1.QuantityEaches, l1.LineTotal));
        Assert.Equal(3.33333m, l1.SellingUnitPrice);
        Assert.Equal(70.00m, EdiGateway.Flows.Common.Money.Penny(l1.SellingUnitPrice * l1.QuantityEaches));
    }

    [Fact]
    public void Resolve_UnknownUnit_RejectedR3()
    {
        var r = Assert.Single(TestData.Resolve("850-cases.edi").Rejected);
        Assert.Equal(("2", AckCodes.InvalidUnit), (r.LineNumber, r.AckCode));
    }

    [Fact]
    public void Resolve_PerEachBasisSetting_CaseCostIsUnitCostTimesCaseSize()
    {
        var s = TestData.Settings with { CasePriceBasis = CasePriceBasis.PerEach };
        var l2 = TestData.Resolve("850-original.edi", s).Line("2")!;
        Assert.Equal((30.00m, 360.00m, 1800.00m), (l2.SellingUnitPrice, l2.CostPerOrderUnit, l2.LineTotal));
    }

    [Fact]
    public void Resolve_UnknownFc_FailsWithReason()
    {
        var result = PurchaseOrderResolver.Resolve(TestData.ReadPo("850-unknown-fc.edi"), TestData.Settings, TestData.Items(), TestData.ShipTo(), TestData.SagePrices);

        Assert.False(result.IsSuccess);
        var p = Assert.Single(result.Problems);
        Assert.Equal("UnknownShipTo", p.Code);
        Assert.Contains("ZZZ9", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_CostOutsideTolerance_WarnsAndKeepsAmazonCost()
    {
        var prices = new Dictionary<string, decimal> { ["MUG001"] = 10.00m, ["TEA002"] = 2.52m };
        var order = PurchaseOrderResolver.Resolve(TestData.ReadPo("850-original.edi"), TestData.Settings, TestData.Items(), TestData.ShipTo(), prices).Value!;

        var w = Assert.Single(order.Warnings, w => w.Code == "PriceMismatch");
        Assert.Equal("1", w.Line); // 10% off; line 2 is 0.8% off, inside 2%
        Assert.Equal(9.00m, order.Line("1")!.SellingUnitPrice);
    }

    [Fact]
    public void Resolve_QualifierPriority_VendorSkuFirstWhenConfigured()
    {
        var rows = new[]
        {
            (IReadOnlyDictionary<string, string>)new Dictionary<string, string> { ["asin"] = "B0EXAMPLE1", ["vendorSku"] = "OTHER", ["sageProductCode"] = "BY-ASIN" },
            new Dictionary<string, string> { ["asin"] = "B0NOTHING", ["vendorSku"] = "ACME-MUG-01", ["sageProductCode"] = "BY-SKU" },
        };
        var s = TestData.Settings with { ItemQualifierPriority = ["VN", "BP"] };
        var ids = new[] { new ProductIdentifier("BP", "B0EXAMPLE1"), new ProductIdentifier("VN", "ACME-MUG-01") };

        Assert.Equal("BY-SKU", new ItemCrossReference(rows, s).Find(ids)!.SageProductCode);
        Assert.Equal("BY-ASIN", new ItemCrossReference(rows, TestData.Settings).Find(ids)!.SageProductCode);
    }

    [Fact]
    public void Find_RenamedColumnsFromSettings_Matches()
    {
        var s = AmazonSettings.FromProfile(new Dictionary<string, string>
        {
            ["vendorCode"] = "ACME1", ["itemColumn.BP"] = "ASIN", ["itemColumn.sageProductCode"] = "StockCode", ["itemColumn.caseSize"] = "Pack",
        }).Value!;
        var rows = new[] { (IReadOnlyDictionary<string, string>)new Dictionary<string, string> { ["ASIN"] = "b0example9", ["StockCode"] = "X9", ["Pack"] = "8" } };

        var m = new ItemCrossReference(rows, s).Find([new ProductIdentifier("BP", "B0EXAMPLE9")]);

        Assert.Equal(("X9", 8), (m!.SageProductCode, m.CaseSize));
    }
}
