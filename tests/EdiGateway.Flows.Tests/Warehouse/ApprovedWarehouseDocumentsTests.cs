using EdiGateway.Flows.Warehouse;
using Microsoft.Extensions.Time.Testing;
using static EdiGateway.Flows.Tests.Warehouse.WarehouseTestData;

namespace EdiGateway.Flows.Tests.Warehouse;

/// <summary>The 940 and 943 compared byte for byte with approved files (fake clock, sequential control numbers). To approve a
/// deliberate change, set EDIGW_APPROVE=1 once and review the diff of the Approved folder.</summary>
public class ApprovedWarehouseDocumentsTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero));

    private static void Verify(string name, string text)
    {
        var path = FixturePath(Path.Combine("..", "Approved", name));
        if (Environment.GetEnvironmentVariable("EDIGW_APPROVE") == "1") File.WriteAllText(path, text);
        Assert.Equal(File.ReadAllText(path), text);
        Assert.Empty(GuideErrors(text));
    }

    [Fact]
    public void Build940_OrderWithMemoNote_MatchesApprovedFile()
    {
        var order = ShippingOrderTests.Order(new FulfilmentLine("103", FulfilmentLineType.FreeText, null, 0m, "Gift message: happy birthday Sam"),
            new FulfilmentLine("105", FulfilmentLineType.Charge, "CARR", 1m, "Carriage"));

        var doc = ShippingOrderBuilder.Build(order, Items, Settings(s => s["memoLines"] = "note"), Envelope, Numbers(), Clock).Value!;

        Verify("940-order.edi", doc.Document.Text);
    }

    [Fact]
    public void Build943_Transfer_MatchesApprovedFile()
    {
        var expectation = new StockTransferExpectation
        {
            Reference = "TR-5501", ShippedOn = new DateOnly(2026, 11, 30), ExpectedDelivery = new DateOnly(2026, 12, 2), ShipmentId = "CONT42",
            ShipFromName = "Stoke Pottery Ltd", CarrierScac = "DHLX", Lines = [new("1", "MUG001", 60m), new("2", "TEA002", 120m), new("3", "PAN003", 6m)],
        };

        var doc = StockTransferBuilder.Build(expectation, Items, Settings(s => s["warehouseUnit"] = "CA"), Envelope, Numbers(), Clock).Value!;

        Verify("943-transfer.edi", doc.Document.Text);
    }
}
