using EdiGateway.Flows.Warehouse;
using Microsoft.Extensions.Time.Testing;
using static EdiGateway.Flows.Tests.Warehouse.WarehouseTestData;

namespace EdiGateway.Flows.Tests.Warehouse;

public class ShippingOrderTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero));

    internal static FulfilmentOrder Order(params FulfilmentLine[] extra) => new()
    {
        OrderNumber = "SO-10045",
        CustomerPurchaseOrder = "4Q7XK2PO",
        ShipTo = new DeliveryAddress("Amazon LBA4", "Unit 1 Doncaster Road", null, "Doncaster", "South Yorkshire", "DN4 5NL", "GB", "LBA4"),
        RequestedShipDate = new DateOnly(2026, 12, 3),
        RequestedDeliveryDate = new DateOnly(2026, 12, 8),
        Carrier = new CarrierService("UPSN", "M", "PP", "UPS Standard"),
        IsAmazonOrder = true,
        Lines =
        [
            new FulfilmentLine("101", FulfilmentLineType.Stock, "MUG001", 12m, "Stoneware mug", "1"),
            new FulfilmentLine("102", FulfilmentLineType.Stock, "TEA002", 24m, "Breakfast tea", "2"),
            .. extra,
        ],
    };

    private static readonly FulfilmentLine Memo = new("103", FulfilmentLineType.FreeText, null, 0m, "Gift message: happy birthday Sam");
    private static readonly FulfilmentLine NonStock = new("104", FulfilmentLineType.NonStock, "GIFTCARD", 2m, "Gift card 10 GBP");
    private static readonly FulfilmentLine Carriage = new("105", FulfilmentLineType.Charge, "CARR", 1m, "Carriage");

    [Fact]
    public void Build_StockLines_ValidAgainstGuideWithReferencesDatesAndCarrier()
    {
        var r = ShippingOrderBuilder.Build(Order(), Items, Settings(), Envelope, Numbers(), Clock);

        Assert.True(r.IsSuccess, Describe(r.Problems));
        Assert.Empty(GuideErrors(r.Value!.Document.Text));
        var lines = SetLines(r.Value.Document.Text);
        Assert.Equal("W05*N*SO-10045*4Q7XK2PO", lines[1]);
        Assert.Contains("N1*ST*Amazon LBA4*92*LBA4", lines);
        Assert.Contains("N4*Doncaster**DN4 5NL*GB", lines);
        Assert.Contains("N1*WH*Acme Logistics Leeds*ZZ*LEEDS1", lines);
        Assert.Contains("N1*SF*Acme Homeware Ltd", lines);
        Assert.Contains("N9*CO*SO-10045", lines);
        Assert.Contains("N9*PO*4Q7XK2PO", lines);
        Assert.Contains("G62*10*20261203", lines);
        Assert.Contains("G62*02*20261208", lines);
        Assert.Contains("W66*PP*M***UPS Standard*****UPSN", lines);
        Assert.Equal(["LX*1", "W01*12*EA**VN*MUG001*UP*012345678905", "N9*LI*101", "LX*2", "W01*24*EA**VN*TEA002*UP*012345678912", "N9*LI*102"],
            lines.SkipWhile(l => !l.StartsWith("LX*", StringComparison.Ordinal)).TakeWhile(l => !l.StartsWith("W76", StringComparison.Ordinal)));
        Assert.Contains("W76*36", lines);
        Assert.Contains("GS*OW*", r.Value.Document.Text, StringComparison.Ordinal);
        Assert.Equal(36m, r.Value.Released.TotalQuantity);
    }

    [Fact]
    public void Build_CaseUnits_WholeCasesInCasesAndLooseUnitsInEachesWithWarning()
    {
        var order = Order() with { Lines = [new("101", FulfilmentLineType.Stock, "MUG001", 8m), new("102", FulfilmentLineType.Stock, "TEA002", 24m)] };

        var r = ShippingOrderBuilder.Build(order, Items, Settings(s => s["warehouseUnit"] = "CA"), Envelope, Numbers(), Clock);

        Assert.True(r.IsSuccess, Describe(r.Problems));
        Assert.Empty(GuideErrors(r.Value!.Document.Text));
        var lines = SetLines(r.Value.Document.Text);
        Assert.Contains("W01*8*EA**VN*MUG001*UP*012345678905", lines);
        Assert.Contains("W01*2*CA**VN*TEA002*UP*012345678912", lines);
        Assert.Contains("W76*10", lines); // 8 EA + 2 CA: the sum of what is sent
        Assert.Equal("LooseUnits", Assert.Single(r.Value.Warnings).Code);
        Assert.Equal(24m, r.Value.Released.Lines[1].StockQuantity);
    }

    [Fact]
    public void Build_MemoNonStockAndChargeOmitted_TotalsCountOnlyWhatIsSent()
    {
        var r = ShippingOrderBuilder.Build(Order(Memo, NonStock, Carriage), Items, Settings(), Envelope, Numbers(), Clock);

        Assert.True(r.IsSuccess, Describe(r.Problems));
        Assert.Empty(GuideErrors(r.Value!.Document.Text));
        Assert.Equal(["103", "104", "105"], r.Value.Omitted.Select(o => o.SageLineId));
        Assert.Contains("W76*36", SetLines(r.Value.Document.Text));
        Assert.Equal(2, r.Value.Released.Lines.Length);
    }

    [Fact]
    public void Build_MemoAndNonStockAsNotes_SentAsW01WithNoteAndCounted()
    {
        var settings = Settings(s => { s["memoLines"] = "note"; s["nonStockLines"] = "note"; });

        var r = ShippingOrderBuilder.Build(Order(Memo, NonStock, Carriage), Items, settings, Envelope, Numbers(), Clock);

        Assert.True(r.IsSuccess, Describe(r.Problems));
        Assert.Empty(GuideErrors(r.Value!.Document.Text));
        var lines = SetLines(r.Value.Document.Text);
        Assert.Contains("W01*1*EA**VN*MEMO", lines);
        Assert.Contains("G69*Gift message: happy birthday Sam", lines);
        Assert.Contains("NTE*LIN*Gift message: happy birthday Sam", lines);
        Assert.Contains("W01*2*EA**VN*GIFTCARD", lines);
        Assert.Contains("LX*4", lines);
        Assert.Contains("W76*39", lines); // 12 + 24 + 1 memo + 2 non-stock
        Assert.Equal("105", Assert.Single(r.Value.Omitted).SageLineId);
    }

    [Fact]
    public void Build_UnknownProduct_FailsNamingTheProduct()
    {
        var r = ShippingOrderBuilder.Build(Order(new FulfilmentLine("106", FulfilmentLineType.Stock, "KETTLE9", 1m)), Items, Settings(), Envelope, Numbers(), Clock);

        Assert.False(r.IsSuccess);
        var p = Assert.Single(r.Problems);
        Assert.Equal("UnknownItem", p.Code);
        Assert.Equal("106", p.Line);
        Assert.Contains("KETTLE9", p.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2.5)]
    public void Build_ZeroOrFractionalQuantity_Fails(double quantity)
    {
        var order = Order() with { Lines = [new("101", FulfilmentLineType.Stock, "MUG001", (decimal)quantity)] };

        var r = ShippingOrderBuilder.Build(order, Items, Settings(), Envelope, Numbers(), Clock);

        Assert.Equal("BadQuantity", Assert.Single(r.Problems).Code);
    }

    [Fact]
    public void Build_NoAddressNoLocation_Fails()
    {
        var order = Order() with { ShipTo = new DeliveryAddress("Someone", null, null, null, null, null, null) };

        var r = ShippingOrderBuilder.Build(order, Items, Settings(), Envelope, Numbers(), Clock);

        Assert.Equal("ShipTo", Assert.Single(r.Problems).Code);
    }

    [Fact]
    public void Build_OnlyCharges_FailsNothingToShip()
    {
        var order = Order() with { Lines = [Carriage] };

        var r = ShippingOrderBuilder.Build(order, Items, Settings(), Envelope, Numbers(), Clock);

        Assert.Equal("NothingToShip", Assert.Single(r.Problems).Code);
    }

    [Fact]
    public void Build_Cancel_SendsW0501F()
    {
        var r = ShippingOrderBuilder.Build(Order() with { Action = FulfilmentAction.Cancel }, Items, Settings(), Envelope, Numbers(), Clock);

        Assert.Empty(GuideErrors(r.Value!.Document.Text));
        Assert.Equal("W05*F*SO-10045*4Q7XK2PO", SetLines(r.Value.Document.Text)[1]);
    }
}

public class ShippingOrderGuideTests
{
    [Fact]
    public void GuideErrors_TamperedFreightTerms_AreReported()
    {
        var doc = ShippingOrderBuilder.Build(ShippingOrderTests.Order(), Items, Settings(), Envelope, Numbers(),
            new FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero))).Value!.Document.Text;

        Assert.NotEmpty(GuideErrors(doc.Replace("W66*PP*", "W66*XX*", StringComparison.Ordinal)));
    }
}
