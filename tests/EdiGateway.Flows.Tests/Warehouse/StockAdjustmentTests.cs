using EdiGateway.Flows.Warehouse;
using static EdiGateway.Flows.Tests.Warehouse.WarehouseTestData;

namespace EdiGateway.Flows.Tests.Warehouse;

public class StockAdjustmentTests
{
    [Theory]
    [InlineData("947-adjust.edi")]
    [InlineData("947-unknown-reason.edi")]
    public void Fixtures_ValidAgainstGuide(string fixture) => Assert.Equal("", string.Join("\n", FixtureGuideErrors(fixture)));

    [Fact]
    public void Plan_MappedReasons_SignedStockUnitsPerDirection()
    {
        var r = StockAdjustmentPlanner.Plan(ReadSet("947-adjust.edi"), Items, Settings());

        Assert.True(r.IsSuccess, Describe(r.Problems));
        Assert.Equal(("ADJ-3001", new DateOnly(2026, 12, 2)), (r.Value!.AdjustmentNumber, r.Value.Date));
        Assert.Equal(
            [("MUG001", -3m, "DAMAGED"), ("TEA002", 12m, "FOUND"), ("PAN003", 4m, "CYCLECOUNT"), ("MUG001", 2m, "CYCLECOUNT")],
            r.Value.Lines.Select(l => (l.ProductCode, l.Quantity, l.Reason))); // 01 decrease, 05 increase (1 CA = 12), 07 signed
        Assert.All(r.Value.Lines, l => Assert.Equal("3PL", l.Warehouse));
    }

    [Fact]
    public void Plan_UnknownReason_FailsNamingTheCode()
    {
        var r = StockAdjustmentPlanner.Plan(ReadSet("947-unknown-reason.edi"), Items, Settings());

        var p = Assert.Single(r.Problems);
        Assert.Equal("UnknownAdjustmentReason", p.Code);
        Assert.Contains("'AB'", p.Message, StringComparison.Ordinal);
        Assert.Contains("adjustmentReasons.AB", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_NoDirectionForPositiveQuantity_FailsRatherThanGuess()
    {
        var settings = WarehouseSettings.FromProfile(ProfileSettings(), new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            ["adjustmentReasons"] = ProfileCodeMaps()["adjustmentReasons"],
        }).Value!;

        var r = StockAdjustmentPlanner.Plan(ReadSet("947-signed.edi"), Items, settings);

        Assert.False(r.IsSuccess);
        Assert.Equal(2, r.Problems.Count); // +1 on 05 and +2 on 07 are ambiguous; -3 and -4 are decreases either way
        Assert.All(r.Problems, p => Assert.Equal("UnknownAdjustmentDirection", p.Code));
    }

    [Fact]
    public void Plan_NegativeOnIncreaseOnlyReason_SignConflict()
    {
        var settings = Settings() with { AdjustmentDirections = Settings().AdjustmentDirections.SetItem("07", AdjustmentDirection.Increase) };

        var r = StockAdjustmentPlanner.Plan(ReadSet("947-signed.edi"), Items, settings);

        Assert.Equal("AdjustmentSignConflict", Assert.Single(r.Problems).Code);
    }

    [Fact]
    public void Plan_SignedQuantities_NegativeIsADecrease()
    {
        var r = StockAdjustmentPlanner.Plan(ReadSet("947-signed.edi"), Items, Settings());

        Assert.True(r.IsSuccess, Describe(r.Problems));
        Assert.Equal([-3m, 12m, -4m, 2m], r.Value!.Lines.Select(l => l.Quantity));
    }

    [Fact]
    public void Fixture_SignedQuantities_RejectedByTheGuideRule() =>
        Assert.Contains(FixtureGuideErrors("947-signed.edi"), e => e.Contains("W1902", StringComparison.Ordinal));
}
