using EdiGateway.Edi.Reading;
using EdiGateway.Flows.Amazon;
using EdiGateway.Flows.Common;

namespace EdiGateway.Flows.Tests.Common;

public class RawSetsTests
{
    [Fact]
    public void ToTree_StreamedSet_ReadsTheSamePurchaseOrder()
    {
        var raw = X12Reader.ReadFile(TestData.FixturePath("850-original.edi")).OfType<X12SetRead>().Single().Set;

        var po = PurchaseOrderReader.Read(RawSets.ToTree(raw)).Value!;

        static IEnumerable<string> Shape(PurchaseOrder p) => p.Lines.Select(l => $"{l.LineNumber}|{l.Quantity}|{l.Unit}|{l.UnitCost}|{l.UnitsPerCase}|{string.Join(",", l.ProductIds)}");
        Assert.Equal(Shape(TestData.ReadPo("850-original.edi")), Shape(po));
        Assert.Equal("4Q7XK2PO", po.Number);
    }

    [Fact]
    public void FromText_Fixture_OneSet()
    {
        Assert.Equal("820", Assert.Single(RawSets.FromText(File.ReadAllText(TestData.FixturePath("820-ties.edi")))).SetId);
    }
}
