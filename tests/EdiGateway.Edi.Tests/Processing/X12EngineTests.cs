using System.Text;
using EdiGateway.Edi.Processing;
using EdiGateway.Edi.Tests.TestSupport;
using EdiGateway.Edi.Validation;
using EdiGateway.Edi.Writing;

namespace EdiGateway.Edi.Tests.Processing;

public class X12EngineTests
{
    private static X12Engine Engine(int parallelism = 1) =>
        X12Engine.Load(Path.Combine(TestData.RepoRoot, "edi-specs"), new X12ValidationOptions { GuideId = TestData.Amazon }, null, parallelism).Engine;

    private static MemoryStream Input(string fixture) => new(TestData.Fixture(fixture));

    [Fact]
    public void Acknowledge_InvalidFixture_EqualsApprovedAck()
    {
        var text = Engine().Acknowledge(Input("invalid_rule_sscc.edi"), FixedClock.Default, new SequentialControlNumbers(900000001, 9001, 90001));
        Assert.Equal(File.ReadAllText(Path.Combine(TestData.ProjectDir, "Approved", "invalid_rule_sscc.approved.edi")), text);
    }

    [Fact]
    public void ToJson_ThenFromJson_GivesTheInputBack()
    {
        var (json, errors) = Engine().ToJson(Input("valid_856_5010_sotpi.edi"));
        Assert.Empty(errors);
        Assert.Equal(TestData.FixtureText("valid_856_5010_sotpi.edi"), X12Engine.FromJson(json));
    }

    [Fact]
    public void Validate_Parallel_SameErrorsInSameOrderAsSequential()
    {
        var sb = new StringBuilder();
        var good = TestData.FixtureText("valid_850_4010.edi");
        var bad = TestData.FixtureText("invalid_el_code_not_in_guide.edi");
        var goodSet = good[good.IndexOf("ST*850", StringComparison.Ordinal)..good.IndexOf("GE*", StringComparison.Ordinal)];
        var badSet = bad[bad.IndexOf("ST*850", StringComparison.Ordinal)..bad.IndexOf("GE*", StringComparison.Ordinal)];
        for (var i = 1; i <= 600; i++)
            sb.Append((i % 7 == 0 ? badSet : goodSet).Replace("0001", i.ToString("0000", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        var text = good[..good.IndexOf("ST*850", StringComparison.Ordinal)] + sb + "GE*600*101~\nIEA*1*000000101~\n";
        var sequential = Engine().Validate(new MemoryStream(Encoding.UTF8.GetBytes(text)));
        var parallel = Engine(4).Validate(new MemoryStream(Encoding.UTF8.GetBytes(text)));
        Assert.Equal(600, parallel.SetCount);
        Assert.Equal(sequential.AllErrors.Select(e => e.ToString()), parallel.AllErrors.Select(e => e.ToString()));
        Assert.Equal(85, parallel.Interchanges[0].Groups[0].Sets.Count(s => !s.IsValid));
    }

    [Fact]
    public void Split_ThroughEngine_YieldsOnePartPerSet()
    {
        var part = Assert.Single(Engine().Split(Input("valid_810_4010.edi")));
        Assert.Equal(("810", "0001", "000000103"), (part.SetId, part.ControlNumber, part.InterchangeControlNumber));
    }
}

public class X12ReportJsonTests
{
    [Fact]
    public void Serialize_Errors_RoundTripThroughJson()
    {
        var errors = TestData.Validate("invalid_el_conditional.edi").AllErrors.ToList();
        var json = X12ReportJson.Serialize(errors);
        var back = X12ReportJson.DeserializeErrors(json);
        Assert.Equal(errors, back, (a, b) => a.Code == b.Code && a.Message == b.Message && a.Position == b.Position && a.Ack == b.Ack);
        Assert.Contains("\"elementCode997\": \"2\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Serialize_Report_HasVerdictAndPositions()
    {
        var json = X12ReportJson.Serialize(TestData.Validate("invalid_rule_sscc.edi"));
        Assert.Contains("\"valid\": false", json, StringComparison.Ordinal);
        Assert.Contains("\"segmentInSet\": 18", json, StringComparison.Ordinal);
        Assert.Contains("\"status\": \"Rejected\"", json, StringComparison.Ordinal);
    }
}
