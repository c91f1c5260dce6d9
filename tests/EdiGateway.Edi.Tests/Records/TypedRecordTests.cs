using System.Text;
using EdiGateway.Edi.Model;
using EdiGateway.Edi.Records;
using EdiGateway.Edi.Tests.TestSupport;
using EdiGateway.Edi.Writing;

namespace EdiGateway.Edi.Tests.Records;

public class TypedRecordTests
{
    private static X12TransactionSet Set(string fixture) =>
        X12DocumentReader.Parse(TestData.FixtureText(fixture)).Document.Interchanges[0].Groups[0].Sets[0];

    private static string Text(IEnumerable<X12Segment> segments)
    {
        var sb = new StringBuilder();
        foreach (var s in segments)
        {
            X12Writer.AppendSegment(sb, s, X12Delimiters.Default);
            sb.Append('\n');
        }
        return sb.ToString();
    }

    [Theory]
    [InlineData("valid_850_4010.edi")]
    [InlineData("valid_855_4010.edi")]
    [InlineData("valid_856_5010_sotpi.edi")]
    [InlineData("valid_810_4010.edi")]
    [InlineData("valid_997_4010.edi")]
    [InlineData("valid_940_4010.edi")]
    [InlineData("valid_945_4010.edi")]
    [InlineData("valid_846_4010.edi")]
    [InlineData("valid_820_4010.edi")]
    public void FromSet_ToBody_ReproducesTheFixtureBody(string fixture)
    {
        var set = Set(fixture);
        IReadOnlyList<X12Segment> body = set.SetId switch
        {
            "850" => PurchaseOrder850.FromSet(set).ToBody(),
            "855" => PurchaseOrderAck855.FromSet(set).ToBody(),
            "856" => ShipNotice856.FromSet(set).ToBody(),
            "810" => Invoice810.FromSet(set).ToBody(),
            "940" => ShippingOrder940.FromSet(set).ToBody(),
            "945" => ShippingAdvice945.FromSet(set).ToBody(),
            "846" => InventoryAdvice846.FromSet(set).ToBody(),
            "820" => Remittance820.FromSet(set).ToBody(),
            _ => FunctionalAck997.FromSet(set).ToBody(),
        };
        Assert.Equal(Text(set.Body), Text(body));
    }

    [Fact]
    public void PurchaseOrder850_FromSet_MapsHeaderAndLines()
    {
        var po = PurchaseOrder850.FromSet(Set("valid_850_4010.edi"));
        Assert.Equal(("NE", "4X5Y6Z7A", "20261201"), (po.OrderType, po.PurchaseOrderNumber, po.OrderDate));
        Assert.Equal(2, po.Lines.Count);
        Assert.Equal(new ProductId("BP", "B0EXAMPLE1"), po.Lines[0].ProductIds[0]);
        Assert.Equal(("CA", 10m, 48.00m), (po.Lines[1].Unit, po.Lines[1].Quantity, po.Lines[1].UnitPrice));
        Assert.Equal("FCAB1", po.Parties.Single().Id);
    }

    [Fact]
    public void ShipNotice856_FromSet_KeepsSotpiHierarchy()
    {
        var asn = ShipNotice856.FromSet(Set("valid_856_5010_sotpi.edi"));
        Assert.Equal("SOTPIPI", string.Concat(asn.Levels.Select(l => l.Level)));
        Assert.Equal("00050123450000000015", asn.Levels.Single(l => l.Level == "T").Marks);
        Assert.Equal("4X5Y6Z7A", asn.Levels.Single(l => l.Level == "O").PurchaseOrderNumber);
    }

    [Fact]
    public void ShippingAdvice945_FromSet_ReadsOrderedAndShipped()
    {
        var line = ShippingAdvice945.FromSet(Set("valid_945_4010.edi")).Lines.Single();
        Assert.Equal(("CC", 24m, 24m, "EA"), (line.Status, line.Ordered, line.Shipped, line.Unit));
        Assert.Equal(new ProductId("VN", "SKU-123"), line.ProductId);
    }

    [Fact]
    public void Remittance820_FromSet_ReadsPaymentAndInvoices()
    {
        var r = Remittance820.FromSet(Set("valid_820_4010.edi"));
        Assert.Equal((696.00m, "12345678", "20261210"), (r.Amount, r.TraceNumber, r.PaymentDate));
        Assert.Equal(("INV0001", 696.00m), (r.Lines.Single().Reference, r.Lines.Single().AmountPaid));
    }

    [Fact]
    public void Invoice810_Total_IsComputedFromLinesAndCharges()
    {
        var inv = Invoice810.FromSet(Set("valid_810_4010.edi"));
        Assert.Equal(716.00m, inv.Total);
        Assert.Equal(25.00m, inv.Charges.Single(c => c.Indicator == "C").Amount);
    }

    [Fact]
    public void FunctionalAck997_FromGeneratedAck_ReadsErrors()
    {
        var ack = X12DocumentReader.Parse(File.ReadAllText(Path.Combine(TestData.ProjectDir, "Approved", "invalid_el_code_not_in_guide.approved.edi")))
            .Document.Interchanges[0].Groups[0].Sets[0];
        var fa = FunctionalAck997.FromSet(ack);
        Assert.Equal(("R", 0), (fa.GroupStatus, fa.Accepted));
        var note = fa.Sets.Single().Segments.Single();
        Assert.Equal(("PO1", 10, "8"), (note.SegmentId, note.Position, note.Code));
        Assert.Equal(("355", "7", "CS"), (note.Elements.Single().Reference, note.Elements.Single().Code, note.Elements.Single().BadData));
    }

    [Fact]
    public void PurchaseOrderAck855_ToBody_BuildsValidAmazonAck()
    {
        var ack = new PurchaseOrderAck855
        {
            Purpose = "00", AckType = "AC", PurchaseOrderNumber = "4X5Y6Z7A", AckDate = "20261202",
            Lines = [new AckLine("1", 24, "EA", 9.00m, null, [new ProductId("BP", "B0EXAMPLE1")], [new LineStatus("IA", 24, "EA", "068", "20261208")])],
        };
        var interchange = X12Envelope.Build(new X12EnvelopeOptions { SenderId = "VENDOR1", ReceiverId = "AMAZON" }, new SequentialControlNumbers(),
            FixedClock.Default, [new X12GroupContent("PR", "004010", [new X12SetContent("855", ack.ToBody())])]);
        var report = TestData.ValidateBytes(Encoding.UTF8.GetBytes(X12Writer.ToText(interchange)));
        Assert.True(report.IsValid, string.Join("\n", report.AllErrors));
    }
}
