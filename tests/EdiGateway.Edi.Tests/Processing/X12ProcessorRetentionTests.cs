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

    private static string SeCount(string text)
    {
        var se = text.IndexOf("SE*", StringComparison.Ordinal);
        return text[(se + 3)..text.IndexOf('*', se + 3)];
    }
}
