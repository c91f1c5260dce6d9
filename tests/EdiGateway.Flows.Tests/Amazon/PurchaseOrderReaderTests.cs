using EdiGateway.Edi.Model;
using EdiGateway.Flows.Amazon;

namespace EdiGateway.Flows.Tests.Amazon;

public class PurchaseOrderReaderTests
{
    [Fact]
    public void Fixture_ValidatesAgainstAmazonGuide_NoErrors()
    {
        Assert.Empty(TestData.GuideErrors(File.ReadAllText(TestData.FixturePath("850-original.edi"))));
    }

    [Fact]
    public void Read_Original850_MapsHeaderAndLines()
    {
        var po = TestData.ReadPo("850-original.edi");

        Assert.Equal("4Q7XK2PO", po.Number);
        Assert.Equal("NE", po.OrderType);
        Assert.Equal(new DateOnly(2026, 12, 1), po.OrderDate);
        Assert.Equal("LBA4", po.ShipToFc);
        Assert.True(po.BackorderAllowed);
        Assert.Equal(new DeliveryWindow(new DateOnly(2026, 12, 8), new DateOnly(2026, 12, 15)), po.DeliveryWindow);
        Assert.Equal("PP", po.PaymentMethod);
        Assert.Equal(3, po.Lines.Length);
        var l1 = po.Lines[0];
        Assert.Equal(("1", 24m, "EA", 9.00m, "PE"), (l1.LineNumber, l1.Quantity, l1.Unit, l1.UnitCost, l1.PriceBasis));
        Assert.Equal("B0EXAMPLE1", l1.Id("BP"));
        Assert.Equal("ACME-MUG-01", l1.Id("VN"));
        var l2 = po.Lines[1];
        Assert.Equal(("CA", 12), (l2.Unit, l2.UnitsPerCase));
        Assert.Equal("012345678929", po.Lines[2].Id("UP"));
    }

    [Fact]
    public void Read_NoBackorderFlag_BackorderNotAllowed()
    {
        Assert.False(TestData.ReadPo("850-no-backorder.edi").BackorderAllowed);
    }

    [Fact]
    public void Read_MissingShipToAndBadDate_ReturnsProblemsNotException()
    {
        var set = new X12TransactionSet([
            X12Segment.Of("ST", "850", "0001"), X12Segment.Of("BEG", "00", "NE", "PO1", null, "2026130X"), X12Segment.Of("CSH", "Q"),
            X12Segment.Of("PO1", "1", "1", "EA", "1.00", "PE", "BP", "B0X"), X12Segment.Of("PO1", "1", "1", "EA"), X12Segment.Of("SE", "6", "0001")]);

        var result = PurchaseOrderReader.Read(set);

        Assert.False(result.IsSuccess);
        var codes = result.Problems.Select(p => p.Code).ToList();
        Assert.Contains("BadPoDate", codes);
        Assert.Contains("MissingShipTo", codes);
        Assert.Contains("BadBackorderFlag", codes);
        Assert.Contains("DuplicateLineNumber", codes);
        Assert.Contains("MissingUnitCost", codes);
    }

    [Fact]
    public void Read_Not850_ReturnsProblem()
    {
        var set = new X12TransactionSet([X12Segment.Of("ST", "810", "0001"), X12Segment.Of("SE", "2", "0001")]);
        Assert.Equal("NotAPurchaseOrder", Assert.Single(PurchaseOrderReader.Read(set).Problems).Code);
    }
}
