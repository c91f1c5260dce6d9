using EdiGateway.Flows.Amazon;

namespace EdiGateway.Flows.Tests.Amazon;

public class PurchaseOrderAmendmentsTests
{
    private static readonly CurrentSalesOrder Current = new("AMZ-4Q7XK2PO", "AMZLBA4",
        [new CurrentOrderLine("1", "MUG001", 24m, 9.00m, 501), new CurrentOrderLine("2", "TEA002", 60m, 2.50m, 502)]);

    [Fact]
    public void Plan_ResentPo_QuantityChangeCancelAndAdd()
    {
        var plan = PurchaseOrderAmendments.Plan(TestData.Resolve("850-amended.edi"), Current, new HashSet<string> { "3" }, TestData.Settings).Value!;

        Assert.Equal("AMZ-4Q7XK2PO", plan.CustomerDocumentNo);
        Assert.Equal(3, plan.Changes.Length);
        var q = Assert.IsType<LineQuantityChanged>(plan.Changes[0]);
        Assert.Equal(("1", 501L, 24m, 12m), (q.LineReference, q.SageLineId, q.FromEaches, q.ToEaches));
        var c = Assert.IsType<LineCancelled>(plan.Changes[1]);
        Assert.Equal(("2", 502L), (c.LineReference, c.SageLineId));
        var a = Assert.IsType<LineAdded>(plan.Changes[2]);
        Assert.Equal(("4", "PAN003", 8m, 15.50m), (a.Line.LineReference, a.Line.ProductCode, a.Line.LineQuantity, a.Line.SellingUnitPrice));
    }

    [Fact]
    public void Plan_LineRejectedIn855ResentWithQuantity_StaysRejected()
    {
        var plan = PurchaseOrderAmendments.Plan(TestData.Resolve("850-amended.edi"), Current, new HashSet<string> { "3" }, TestData.Settings).Value!;

        Assert.DoesNotContain(plan.Changes, ch => ch.LineReference == "3");
        Assert.Contains(plan.Notes, n => n.Code == "StaysRejected" && n.Line == "3");
        Assert.Empty(plan.NewlyRejected);
    }

    [Fact]
    public void Plan_PreviouslyAcceptedLineNowUnknownItemOrMissing_CancelledAndReported()
    {
        var current = Current with { Lines = [.. Current.Lines, new CurrentOrderLine("9", "OLD009", 5m, 1m, 509)] };

        var plan = PurchaseOrderAmendments.Plan(TestData.Resolve("850-amended.edi"), current, new HashSet<string>(), TestData.Settings).Value!;

        Assert.Contains(plan.Changes, ch => ch is LineCancelled { LineReference: "9" });
        Assert.Contains(plan.NewlyRejected, r => r.LineNumber == "3" && r.AckCode == AckCodes.InvalidProduct);
    }

    [Fact]
    public void Plan_SamePoAgain_Empty()
    {
        var plan = PurchaseOrderAmendments.Plan(TestData.Resolve("850-original.edi"), Current, new HashSet<string> { "3" }, TestData.Settings).Value!;
        Assert.True(plan.IsEmpty);
    }

    [Fact]
    public void Plan_OrderOnAnotherAccount_FailsNeverASecondOrder()
    {
        var result = PurchaseOrderAmendments.Plan(TestData.Resolve("850-amended.edi"), Current with { CustomerReference = "AMZBHX4" }, new HashSet<string>(), TestData.Settings);
        Assert.Equal("ShipToChanged", Assert.Single(result.Problems).Code);
    }
}
