using EdiGateway.Flows.Warehouse;
using Microsoft.Extensions.Time.Testing;
using static EdiGateway.Flows.Tests.Warehouse.WarehouseTestData;

namespace EdiGateway.Flows.Tests.Warehouse;

public class StockTransferTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero));

    private static StockTransferExpectation Expectation() => new()
    {
        Reference = "TR-5501",
        ShippedOn = new DateOnly(2026, 11, 30),
        ExpectedDelivery = new DateOnly(2026, 12, 2),
        ShipmentId = "CONT42",
        ShipFromName = "Stoke Pottery Ltd",
        CarrierScac = "DHLX",
        Lines = [new("1", "MUG001", 60m), new("2", "TEA002", 120m)],
    };

    private static GoodsReceivedPlan Receipt(string fixture) => GoodsReceiptPlanner.Plan(ReadSet(fixture), Expectation(), Items, Settings()).Value!;

    [Fact]
    public void Build943_Expectation_ValidAgainstGuideWithHashTotal()
    {
        var r = StockTransferBuilder.Build(Expectation(), Items, Settings(s => s["warehouseUnit"] = "CA"), Envelope, Numbers(), Clock);

        Assert.True(r.IsSuccess, Describe(r.Problems));
        Assert.Empty(GuideErrors(r.Value!.Document.Text));
        var lines = SetLines(r.Value.Document.Text);
        Assert.Equal("W06*N*TR-5501*20261130*CONT42", lines[1]);
        Assert.Contains("N1*WH*Acme Logistics Leeds*ZZ*LEEDS1", lines);
        Assert.Contains("G62*17*20261202", lines);
        Assert.Contains("W27*M*DHLX", lines);
        Assert.Contains("W04*10*CA**VN*MUG001*UP*012345678905", lines); // 60 = 10 cases of 6
        Assert.Contains("W04*10*CA**VN*TEA002*UP*012345678912", lines);
        Assert.Contains("W03*20", lines);
        Assert.Contains("GS*AR*", r.Value.Document.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Build943_NoCarrier_RoutingInsteadOfScac()
    {
        var r = StockTransferBuilder.Build(Expectation() with { CarrierScac = null }, Items, Settings(), Envelope, Numbers(), Clock);

        Assert.Empty(GuideErrors(r.Value!.Document.Text));
        Assert.Contains("W27*M**BEST WAY", SetLines(r.Value.Document.Text));
    }

    [Fact]
    public void Build943_UnknownProduct_Fails()
    {
        var r = StockTransferBuilder.Build(Expectation() with { Lines = [new("1", "KETTLE9", 5m)] }, Items, Settings(), Envelope, Numbers(), Clock);

        Assert.Equal("UnknownItem", Assert.Single(r.Problems).Code);
    }

    [Theory]
    [InlineData("944-receipt.edi")]
    [InlineData("944-exact.edi")]
    public void Fixtures944_ValidAgainstGuide(string fixture) => Assert.Empty(FixtureGuideErrors(fixture));

    [Fact]
    public void Plan944_AsExpected_NoDifferences()
    {
        var plan = Receipt("944-exact.edi");

        Assert.False(plan.HasDifferences);
        Assert.Equal([("MUG001", 60m, 60m), ("TEA002", 120m, 120m)], plan.Products.Select(p => (p.ProductCode, p.Expected, p.Good)));
        Assert.Equal(("RCV7789", "3PL", new DateOnly(2026, 12, 2)), (plan.WarehouseReceiptNumber, plan.SageWarehouse, plan.ReceivedOn));
    }

    [Fact]
    public void Plan944_ShortDamagedUnexpected_Flagged()
    {
        var plan = Receipt("944-receipt.edi");

        Assert.True(plan.HasDifferences);
        var mug = plan.Products.Single(p => p.ProductCode == "MUG001");
        Assert.Equal((60m, 48m, -12m), (mug.Expected, mug.Received, mug.Difference));
        Assert.Equal(new[] { ReceiptFlag.Short }, mug.Flags.ToArray());
        var tea = plan.Products.Single(p => p.ProductCode == "TEA002");
        Assert.Equal((120m, 12m, 108m), (tea.Received, tea.Damaged, tea.Good)); // 10 CA of 12, 12 EA damaged
        Assert.Equal(new[] { ReceiptFlag.Damaged }, tea.Flags.ToArray());
        var pan = plan.Products.Single(p => p.ProductCode == "PAN003");
        Assert.Equal(new[] { ReceiptFlag.Unexpected }, pan.Flags.ToArray());
    }

    [Fact]
    public void Plan944_NothingReceivedForALine_NotReceived()
    {
        var expected = Expectation() with { Lines = [.. Expectation().Lines, new("3", "PAN003", 16m)] };

        var plan = GoodsReceiptPlanner.Plan(ReadSet("944-exact.edi"), expected, Items, Settings()).Value!;

        Assert.Equal(new[] { ReceiptFlag.NotReceived }, plan.Products.Single(p => p.ProductCode == "PAN003").Flags.ToArray());
    }

    [Fact]
    public void Plan944_OtherTransfer_Fails()
    {
        var r = GoodsReceiptPlanner.Plan(ReadSet("944-exact.edi"), Expectation() with { Reference = "TR-9999" }, Items, Settings());

        Assert.Equal("WrongTransfer", Assert.Single(r.Problems).Code);
    }

    [Fact]
    public void Plan944_UnknownProduct_FailsNamingIt()
    {
        Assert.Empty(FixtureGuideErrors("944-unknown.edi"));

        var r = GoodsReceiptPlanner.Plan(ReadSet("944-unknown.edi"), Expectation(), Items, Settings());

        var p = Assert.Single(r.Problems);
        Assert.Equal("UnknownProduct", p.Code);
        Assert.Contains("KETTLE9", p.Message, StringComparison.Ordinal);
    }
}
