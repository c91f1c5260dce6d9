using EdiGateway.Edi.Errors;
using System.Text;
using EdiGateway.Edi.Processing;
using EdiGateway.Edi.Tests.TestSupport;
using EdiGateway.Edi.Validation;

namespace EdiGateway.Edi.Tests.Processing;

/// <summary>The report keeps valid sets compactly; what it gives back must equal what the validator produced.</summary>
public sealed class X12ProcessorRetentionTests
{
    public static TheoryData<string> Fixtures() => [.. TestData.FixtureNames("")];

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Group_sets_equal_the_results_seen_per_set(string fixture)
    {
        var lib = fixture.StartsWith("fixture_", StringComparison.Ordinal) ? TestData.Fixtures.Library : TestData.Real.Library;
        var options = new X12ValidationOptions { GuideId = fixture.StartsWith("fixture_", StringComparison.Ordinal) ? "test-guide" : TestData.GuideFor(fixture) };
        foreach (var parallelism in new[] { 1, 2 })
        {
            var seen = new List<X12SetResult>();
            var report = new X12Processor(lib, options, parallelism: parallelism)
                .Validate(new MemoryStream(TestData.Fixture(fixture)), (_, r) => seen.Add(r));
            var retained = report.Interchanges.SelectMany(i => i.Groups).SelectMany(g => g.Sets).ToList();
            Assert.Equal(seen.Count, report.SetCount);
            Assert.Equal(seen.Count, retained.Count);
            for (var k = 0; k < seen.Count; k++)
            {
                Assert.Equal(seen[k], retained[k]);
                Assert.Equal(seen[k].Status, retained[k].Status);
            }
            Assert.Equal(seen.SelectMany(s => s.Errors), report.Interchanges.SelectMany(i => i.Groups).SelectMany(g => g.SetErrors));
            foreach (var g in report.Interchanges.SelectMany(i => i.Groups))
            {
                Assert.Equal(g.Sets.Length, g.SetCount);
                Assert.Equal(g.Sets.Count(s => s.Status != X12AckStatus.Rejected), g.AcceptedCount);
            }
        }
    }

    [Fact]
    public void Control_numbers_with_leading_zeros_and_letters_come_back_as_sent()
    {
        var set = TestData.FixtureText("valid_850_4010.edi");
        var report = TestData.ValidateBytes(Encoding.UTF8.GetBytes(set));
        var original = report.Interchanges[0].Groups[0].Sets[0];
        Assert.Equal(X12AckStatus.Accepted, original.Status);
        foreach (var control in new[] { "0001", "000000001", "123456789", "A0001" })
        {
            var text = set.Replace("ST*850*" + original.ControlNumber, "ST*850*" + control, StringComparison.Ordinal)
                .Replace("SE*" + SeCount(set) + "*" + original.ControlNumber, "SE*" + SeCount(set) + "*" + control, StringComparison.Ordinal);
            var r = TestData.ValidateBytes(Encoding.UTF8.GetBytes(text)).Interchanges[0].Groups[0].Sets[0];
            Assert.Equal(control, r.ControlNumber);
            Assert.Equal(X12AckStatus.Accepted, r.Status);
        }
    }

    [Fact]
    public void Runs_of_consecutive_control_numbers_come_back_one_by_one_and_break_where_the_numbering_does()
    {
        var error = X12Errors.Set(new X12Position { SegmentId = "ST" }, "Test", "5", "a set with an error");
        var input = new List<X12SetResult>();
        var index = 0;
        void Add(string control, string setId = "856", string? guide = "g", bool bad = false) =>
            input.Add(new X12SetResult(setId, control, null, ++index, guide, bad ? [error] : []));
        foreach (var c in new[] { "0001", "0002", "0003", "0005", "0006", "8", "9", "10", "11", "0012" }) Add(c);
        Add("0013", bad: true);
        Add("0014");
        Add("0015", setId: "850");
        Add("0016", guide: null);
        Add("A17");
        Add("0018");
        index += 3; // a gap in the indexes: sets the results were not given for
        Add("0019");

        var compact = new X12CompactSetResults();
        foreach (var r in input) compact.Add(r);
        compact.Seal();

        Assert.Equal(input.Count, compact.Count);
        Assert.Equal(input.Count - 1, compact.AcceptedCount);
        Assert.Equal(input, compact.Materialize());
        Assert.Equal([error], compact.Errors());
    }

    private static string SeCount(string text)
    {
        var se = text.IndexOf("SE*", StringComparison.Ordinal);
        return text[(se + 3)..text.IndexOf('*', se + 3)];
    }
}
