using EdiGateway.Edi.Writing;
using EdiGateway.Flows.Amazon;
using EdiGateway.Flows.Common;

namespace EdiGateway.Flows.Tests.Amazon;

/// <summary>Outbound documents compared byte for byte with approved files (fake clock, sequential control numbers).</summary>
public class ApprovedDocumentsTests
{
    private static readonly Dictionary<string, StockPosition> Stock = new()
    {
        ["MUG001"] = new StockPosition(40m, 10m),
        ["TEA002"] = new StockPosition(100m, 70m),
    };

    private static readonly ResolvedOrder Order = TestData.Resolve("850-original.edi");

    private static AcknowledgementDecision Ack() => AcknowledgementDecider.Decide(Order, Stock, TestData.Settings, TestData.Clock());

    private static string Approved(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Amazon", "Approved", name));

    [Fact]
    public void Build855_Original_MatchesApprovedFile()
    {
        var doc = AcknowledgementWriter.Build(Order.Order, Ack(), TestData.Envelope, new SequentialControlNumbers(1001, 1001, 1), TestData.Clock()).Value!;
        Assert.Equal(Approved("855-original.edi"), doc.Text);
        Assert.Empty(TestData.GuideErrors(doc.Text));
    }

    [Fact]
    public void Build856_Sotpi_MatchesApprovedFile()
    {
        var despatch = new Despatch
        {
            ShipmentId = "SHP-0001",
            ShippedAt = new DateTimeOffset(2026, 12, 2, 8, 30, 0, TimeSpan.Zero),
            EstimatedDelivery = new DateOnly(2026, 12, 9),
            CarrierScac = "UPSN",
            CarrierPro = "PRO12345",
            BillOfLading = "ACME1193939393",
            ShipFrom = new ShipFrom("Acme Warehouse", "2 Dock Road", "Leeds", null, "LS2 2BB", "GB"),
            ShipToFc = "LBA4",
            GrossWeight = 31.5m,
            Pallets = [new Pallet("P1", Sscc.Create(0, "0501234", 100, out _))],
            Cartons =
            [
                new Carton(Sscc.Create(0, "0501234", 1, out _)!, [new CartonItem("4Q7XK2PO", "1", 24m)], "P1"),
                new Carton(Sscc.Create(0, "0501234", 2, out _)!, [new CartonItem("4Q7XK2PO", "2", 24m)], "P1"),
            ],
        };
        var doc = ShipNoticeBuilder.Build(despatch, [new ShipmentOrder(Order, Ack())], TestData.Settings, TestData.Envelope,
            new SequentialControlNumbers(1002, 1002, 1), TestData.Clock()).Value!;
        Assert.Equal(Approved("856-sotpi.edi"), doc.Text);
        Assert.Empty(TestData.GuideErrors(doc.Text));
    }

    [Fact]
    public void Build810_Invoice_MatchesApprovedFile()
    {
        var invoice = new SageInvoice("SI-100234", new DateOnly(2026, 12, 2), 280.50m,
            [new SageInvoiceLine("1", "MUG001", 24m, 9.00m), new SageInvoiceLine("2", "TEA002", 24m, 2.50m)],
            [new SageInvoiceCharge("Freight", false, 6.00m), new SageInvoiceCharge("Discount", true, 1.50m)]);
        var doc = InvoiceBuilder.Build(invoice, Order, Ack(), null, TestData.Settings, TestData.Envelope,
            new SequentialControlNumbers(1003, 1003, 1), TestData.Clock()).Value!;
        Assert.Equal(Approved("810-invoice.edi"), doc.Text);
        Assert.Empty(TestData.GuideErrors(doc.Text));
    }
}
