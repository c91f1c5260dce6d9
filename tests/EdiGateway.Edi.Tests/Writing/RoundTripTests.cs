using System.Text;
using EdiGateway.Edi.Model;
using EdiGateway.Edi.Processing;
using EdiGateway.Edi.Tests.TestSupport;
using EdiGateway.Edi.Writing;

namespace EdiGateway.Edi.Tests.Writing;

public class RoundTripTests
{
    public static TheoryData<string> WellFormed() => [.. TestData.FixtureNames("valid_"), "fixture_123_valid.edi", "invalid_el_code_not_in_guide.edi"];

    [Theory]
    [MemberData(nameof(WellFormed))]
    public void Write_ReadWellFormedFile_ReproducesIt(string fixture)
    {
        var text = TestData.FixtureText(fixture);
        var read = X12DocumentReader.Parse(text);
        Assert.Empty(read.Errors);
        Assert.Equal(text, X12Writer.ToText(read.Document));
    }

    [Theory]
    [MemberData(nameof(WellFormed))]
    public void ToJson_FromJson_IsLosslessBothWays(string fixture)
    {
        var doc = X12DocumentReader.Parse(TestData.FixtureText(fixture)).Document;
        var json = X12Json.Serialize(doc);
        var back = X12Json.Deserialize(json);
        Assert.Equal(X12Writer.ToText(doc), X12Writer.ToText(back));
        Assert.Equal(json, X12Json.Serialize(back));
    }

    [Fact]
    public void ToJson_CompositesAndRepetitions_UseArraysAndRep()
    {
        var json = X12Json.Serialize(X12DocumentReader.Parse(TestData.FixtureText("fixture_123_valid.edi")).Document, indented: false);
        Assert.Contains("""["BBB",["ONE","TWO"],"20261201","1200",{"rep":["A","B","C"]}]""", json, StringComparison.Ordinal);
    }

    [Fact]
    public void FromJson_BadShape_ThrowsFormatExceptionWithPath()
    {
        var ex = Assert.Throws<FormatException>(() => X12Json.Deserialize("""{"interchanges":[{"delimiters":{"element":"*"}}]}"""));
        Assert.Contains("$.interchanges[0]", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_LineBreakNone_WritesOneLine()
    {
        var doc = X12DocumentReader.Parse(TestData.FixtureText("valid_850_4010.edi")).Document;
        var text = X12Writer.ToText(doc, new X12WriteOptions(""));
        Assert.DoesNotContain("\n", text, StringComparison.Ordinal);
        Assert.Equal(TestData.FixtureText("valid_850_4010.edi").Replace("\n", "", StringComparison.Ordinal), text);
    }

    [Fact]
    public void Envelope_Build_CountsAndControlNumbersAreConsistent()
    {
        var body = new[] { X12Segment.Of("BEG", "00", "NE", "PO1", null, "20261201"), X12Segment.Of("CTT", "0") };
        var options = new X12EnvelopeOptions { SenderId = "VENDOR1", ReceiverId = "AMAZON", InterchangeVersion = "00501" };
        var interchange = X12Envelope.Build(options, new SequentialControlNumbers(42, 7, 3), FixedClock.Default,
            [new X12GroupContent("PO", "005010", [new X12SetContent("850", body), new X12SetContent("850", body)])]);
        var text = X12Writer.ToText(interchange);
        Assert.StartsWith("ISA*00*          *00*          *ZZ*VENDOR1        *ZZ*AMAZON         *261202*0830*^*00501*000000042*0*P*>~", text, StringComparison.Ordinal);
        Assert.Contains("GS*PO*VENDOR1*AMAZON*20261202*0830*7*X*005010~", text, StringComparison.Ordinal);
        Assert.Contains("ST*850*0003~", text, StringComparison.Ordinal);
        Assert.Contains("SE*4*0004~", text, StringComparison.Ordinal);
        Assert.EndsWith("GE*2*7~\nIEA*1*000000042~\n", text, StringComparison.Ordinal);
        var report = new X12Processor(TestData.Real.Library).Validate(new MemoryStream(Encoding.UTF8.GetBytes(text)));
        Assert.DoesNotContain(report.AllErrors, e => e.Level is Errors.X12ErrorLevel.Interchange or Errors.X12ErrorLevel.Group);
        Assert.All(report.AllErrors, e => Assert.NotEqual(Errors.X12ErrorLevel.TransactionSet, e.Level));
    }

    [Fact]
    public void Split_TwoSetInterchange_OneInterchangePerSetWithEnvelopesIntact()
    {
        var good = TestData.FixtureText("valid_850_4010.edi");
        var second = good[good.IndexOf("ST*850", StringComparison.Ordinal)..good.IndexOf("GE*", StringComparison.Ordinal)].Replace("0001", "0002", StringComparison.Ordinal);
        var merged = good.Replace("GE*1*101~", second + "GE*2*101~", StringComparison.Ordinal);
        var parts = X12Splitter.Split(new MemoryStream(Encoding.UTF8.GetBytes(merged))).ToList();
        Assert.Equal(["0001", "0002"], parts.Select(p => p.ControlNumber));
        Assert.Equal(good, Encoding.UTF8.GetString(parts[0].Content));
        foreach (var p in parts)
        {
            var report = TestData.ValidateBytes(p.Content);
            Assert.True(report.IsValid, string.Join("\n", report.AllErrors));
        }
    }
}
