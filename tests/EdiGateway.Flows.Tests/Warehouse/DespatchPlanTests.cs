using EdiGateway.Flows.Amazon;
using EdiGateway.Flows.Warehouse;
using Microsoft.Extensions.Time.Testing;
using static EdiGateway.Flows.Tests.Warehouse.WarehouseTestData;

namespace EdiGateway.Flows.Tests.Warehouse;

public class DespatchPlanTests
{
    private static ReleasedOrder Released(bool amazon = true) => ShippingOrderBuilder.Build(ShippingOrderTests.Order() with { IsAmazonOrder = amazon },
        Items, Settings(), Envelope, Numbers(), new FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero))).Value!.Released;

    private static readonly DespatchableLine[] Open = [new("101", "MUG001", 12m), new("102", "TEA002", 24m)];

    private static DespatchPlan Plan(string fixture, WarehouseSettings? settings = null, bool amazon = true, IReadOnlyList<DespatchableLine>? open = null)
    {
        var advice = ShippingAdviceReader.Read(ReadSet(fixture), settings ?? Settings());
        Assert.True(advice.IsSuccess, Describe(advice.Problems));
        var plan = DespatchPlanner.Plan(advice.Value!, Released(amazon), open ?? Open, Items);
        Assert.True(plan.IsSuccess, Describe(plan.Problems));
        return plan.Value!;
    }

    [Theory]
    [InlineData("945-complete.edi")]
    [InlineData("945-short.edi")]
    [InlineData("945-backorder.edi")]
    [InlineData("945-over.edi")]
    [InlineData("945-unmatched.edi")]
    public void Fixtures_ValidAgainstGuide(string fixture) => Assert.Empty(FixtureGuideErrors(fixture));

    [Fact]
    public void Fixture_BadSsccCheckDigit_GuideAlsoRejects() => Assert.NotEmpty(FixtureGuideErrors("945-bad-sscc.edi"));

    [Fact]
    public void Plan_Complete_EveryLineDespatchedInStockUnitsWithCartonsAndCarrier()
    {
        var plan = Plan("945-complete.edi");

        Assert.True(plan.IsComplete);
        Assert.False(plan.HasShortages);
        Assert.Equal([("101", 12m), ("102", 24m)], plan.Lines.Select(l => (l.SageLineId, l.Despatched))); // 2 CA of 12 = 24 eaches
        Assert.Empty(plan.LineUpdates);
        Assert.Equal(("UPSN", "ACME1200000777", "PRO555"), (plan.CarrierScac, plan.BillOfLading, plan.CarrierPro));
        Assert.Equal(new DateOnly(2026, 12, 2), plan.ShipDate);
        Assert.Equal(["005012340000000014", "005012340000000021"], plan.Cartons.Select(c => c.Sscc));
        Assert.NotNull(plan.Amazon);
        Assert.False(plan.Amazon!.NeedsAcknowledgementChange);
        Assert.True(plan.Amazon.CanShip, Describe(plan.Amazon.Problems));
    }

    [Fact]
    public void Plan_ShortShip_ShortQuantityWithReasonAndLineUpdate()
    {
        var plan = Plan("945-short.edi");

        var tea = plan.Lines.Single(l => l.SageLineId == "102");
        Assert.Equal((24m, 12m, 12m, false), (tea.Ordered, tea.Despatched, tea.Short, tea.Backordered));
        Assert.Contains("W1219 reason 01", tea.ShortReason, StringComparison.Ordinal);
        Assert.Contains("CP", tea.ShortReason, StringComparison.Ordinal);
        var update = Assert.Single(plan.LineUpdates);
        Assert.Equal(("102", 12m), (update.SageLineId, update.ReduceBy));
        Assert.True(plan.IsComplete);
    }

    [Fact]
    public void Plan_ShortShipAmazonOrder_LinesAndCartonsForThe855ChangeAnd856()
    {
        var plan = Plan("945-short.edi");

        var amazon = plan.Amazon!;
        Assert.True(amazon.NeedsAcknowledgementChange);
        Assert.Equal("4Q7XK2PO", amazon.PurchaseOrderNumber);
        var tea = amazon.Lines.Single(l => l.LineNumber == "2");
        Assert.Equal((24m, 12m, 12m), (tea.OrderedEaches, tea.ShippedEaches, tea.ShortEaches));
        Assert.Equal([("005012340000000014", "1", 12m), ("005012340000000021", "2", 12m)],
            amazon.Cartons.Select(c => (c.Sscc, c.Items.Single().LineNumber, c.Items.Single().QuantityEaches)));
        var despatch = amazon.ToDespatch(plan, new ShipFrom("Acme Logistics", "2 Dock Road", "Leeds", null, "LS2 2BB", "GB"), "LBA4", new DateOnly(2026, 12, 5));
        Assert.True(despatch.IsSuccess, Describe(despatch.Problems));
        Assert.Equal(12m, despatch.Value!.Cartons.Sum(c => c.Items.Where(i => i.LineNumber == "2").Sum(i => i.QuantityEaches)));
        Assert.Equal("UPSN", despatch.Value.CarrierScac);
    }

    [Fact]
    public void Plan_NotAmazon_NoAmazonUpdate() => Assert.Null(Plan("945-short.edi", amazon: false).Amazon);

    [Fact]
    public void Plan_Backorder_ShortStaysOpenWithoutLineUpdate()
    {
        var plan = Plan("945-backorder.edi");

        var mug = plan.Lines.Single(l => l.SageLineId == "101");
        Assert.Equal((8m, 4m, true), (mug.Despatched, mug.Short, mug.Backordered));
        Assert.Empty(plan.LineUpdates);
    }

    [Fact]
    public void Plan_OverDespatch_LineUnpostableWithReasonOthersPost()
    {
        var plan = Plan("945-over.edi");

        var u = Assert.Single(plan.Unpostable);
        Assert.Equal(("OverDespatch", "101"), (u.Code, u.SageLineId));
        Assert.Contains("18", u.Message, StringComparison.Ordinal);
        Assert.False(plan.IsComplete);
        Assert.Equal(["102"], plan.Lines.Select(l => l.SageLineId));
        Assert.DoesNotContain(plan.Cartons, c => c.Contents.Any(x => x.SageLineId == "101"));
        Assert.False(plan.Amazon!.CanShip); // no 856 for something Sage has not recorded
    }

    [Fact]
    public void Plan_SageHasLessOutstanding_OverDespatchNamesSage()
    {
        var plan = Plan("945-complete.edi", open: [new("101", "MUG001", 6m), new("102", "TEA002", 24m)]);

        var u = Assert.Single(plan.Unpostable);
        Assert.Contains("Sage has only 6 outstanding", u.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_UnknownProductAndUnknownOrderLine_UnpostableWithPlainReasons()
    {
        var plan = Plan("945-unmatched.edi");

        Assert.Equal(["UnknownProduct", "OrderLineNotFound"], plan.Unpostable.Select(u => u.Code));
        Assert.Contains("KETTLE9", plan.Unpostable[0].Message, StringComparison.Ordinal);
        Assert.Contains("999", plan.Unpostable[1].Message, StringComparison.Ordinal);
        Assert.Equal(["101"], plan.Lines.Select(l => l.SageLineId)); // line 102 is held back with its unknown W12
        Assert.False(plan.IsComplete);
    }

    [Fact]
    public void Plan_SageLineGone_OrderLineNotFound()
    {
        var plan = Plan("945-complete.edi", open: [new("102", "TEA002", 24m)]);

        var u = Assert.Single(plan.Unpostable);
        Assert.Equal(("OrderLineNotFound", "101"), (u.Code, u.SageLineId));
    }

    [Fact]
    public void Plan_BadSsccCheckDigit_ProblemAndNo856ButSageDespatchStands()
    {
        var plan = Plan("945-bad-sscc.edi");

        Assert.Contains(plan.Problems, p => p.Code == "BadSscc" && p.Message.Contains("check digit", StringComparison.Ordinal));
        Assert.True(plan.IsComplete);
        Assert.Equal(2, plan.Lines.Length);
        Assert.False(plan.Amazon!.CanShip);
        Assert.False(plan.Amazon.ToDespatch(plan, new ShipFrom("A", "B", "C", null, "D", "GB"), "LBA4", new DateOnly(2026, 12, 5)).IsSuccess);
    }

    [Fact]
    public void Read_N9LvCarriage_SsccPerW12AndCartonsSplit()
    {
        var plan = Plan("945-lv.edi", Settings(s => s["ssccSource"] = "LV"));

        Assert.Empty(FixtureGuideErrors("945-lv.edi"));
        Assert.Equal(12m, plan.Lines.Single(l => l.SageLineId == "101").Despatched);
        Assert.Equal(3, plan.Cartons.Length);
        Assert.All(plan.Cartons, c => Assert.NotNull(c.Sscc));
        Assert.True(plan.Amazon!.CanShip, Describe(plan.Amazon.Problems));
    }

    [Fact]
    public void Read_SsccInTheOtherPlace_CarriageProblem()
    {
        var advice = ShippingAdviceReader.Read(ReadSet("945-lv.edi"), Settings()).Value!;

        Assert.Contains(advice.Problems, p => p.Code == "SsccCarriage");
        Assert.All(advice.Lines, l => Assert.Null(l.Sscc));
    }

    [Fact]
    public void Read_NotA945_Fails() => Assert.False(ShippingAdviceReader.Read(ReadSet("947-adjust.edi"), Settings()).IsSuccess);

    [Fact]
    public void Plan_AnotherOrder_Fails()
    {
        var advice = ShippingAdviceReader.Read(ReadSet("945-complete.edi"), Settings()).Value! with { OrderNumber = "SO-99999" };

        Assert.Equal("WrongOrder", Assert.Single(DespatchPlanner.Plan(advice, Released(), Open, Items).Problems).Code);
    }

    [Fact]
    public void Plan_UnitThatIsNotEachesOrCases_Unpostable()
    {
        var advice = ShippingAdviceReader.Read(ReadSet("945-complete.edi"), Settings()).Value!;
        advice = advice with { Lines = [advice.Lines[0] with { Unit = "PL" }, advice.Lines[1]] };

        var plan = DespatchPlanner.Plan(advice, Released(), Open, Items).Value!;

        Assert.Equal(("UnknownUnit", "101"), (plan.Unpostable.Single().Code, plan.Unpostable.Single().SageLineId));
        Assert.Equal(["102"], plan.Lines.Select(l => l.SageLineId));
    }
}
