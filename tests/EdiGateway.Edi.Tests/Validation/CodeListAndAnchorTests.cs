using EdiGateway.Edi.Errors;
using EdiGateway.Edi.Specs;
using EdiGateway.Edi.Tests.TestSupport;
using EdiGateway.Edi.Validation;

namespace EdiGateway.Edi.Tests.Validation;

/// <summary>Partial standard code lists (warning, accepted) against guide lists (error), and anchored overlay keys.</summary>
public class CodeListAndAnchorTests
{
    private static readonly X12ValidationOptions TestGuide = new() { GuideId = "test-guide" };

    private static List<X12Error> Relevant(string fixture, X12ValidationOptions options) =>
        [.. TestData.Validate(fixture, options).AllErrors.Where(e => e.Code != "NamedRuleMissing")];

    [Fact]
    public void LoadFolder_PartialNoteOrFlag_MarksCodeListPartial()
    {
        var elements = TestData.Fixtures.Library.Versions["004010"].Elements;
        Assert.True(elements["8"].PartialCodes);   // "note": "partial list (...)"
        Assert.True(elements["9"].PartialCodes);   // "partial": true
        Assert.False(elements["2"].PartialCodes);
        var real = TestData.Real.Library.Versions["004010"].Elements;
        Assert.Contains(real.Values, e => e.PartialCodes);
    }

    [Fact]
    public void LoadFolder_PartialWithoutCodesOrNotBoolean_ReportsError()
    {
        var dir = Directory.CreateTempSubdirectory("edigw-partial-");
        try
        {
            var src = Path.Combine(TestData.ProjectDir, "Specs", "x12", "004010");
            var dst = Directory.CreateDirectory(Path.Combine(dir.FullName, "x12", "004010")).FullName;
            Directory.CreateDirectory(Path.Combine(dst, "sets"));
            foreach (var f in new[] { "composites.json", "segments.json", Path.Combine("sets", "123.json") })
                File.Copy(Path.Combine(src, f), Path.Combine(dst, f));
            var elements = File.ReadAllText(Path.Combine(src, "elements.json"))
                .Replace("\"partial\": true }", "\"partial\": \"yes\" }", StringComparison.Ordinal)
                .Replace("\"type\": \"AN\", \"min\": 1, \"max\": 10 }", "\"type\": \"AN\", \"min\": 1, \"max\": 10, \"partial\": true }", StringComparison.Ordinal);
            File.WriteAllText(Path.Combine(dst, "elements.json"), elements);
            var errors = SpecLoader.LoadFolder(dir.FullName).Errors;
            Assert.Contains(errors, e => e.Path.EndsWith(".partial", StringComparison.Ordinal) && e.Message.Contains("true or false", StringComparison.Ordinal));
            Assert.Contains(errors, e => e.Path.EndsWith(".partial", StringComparison.Ordinal) && e.Message.Contains("needs codes", StringComparison.Ordinal));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Validate_CodeOutsidePartialStandardList_WarnsAndAccepts()
    {
        var report = TestData.Validate("fixture_123_partial_code.edi", TestGuide);
        var e = Assert.Single(report.AllErrors, x => x.Code != "NamedRuleMissing");
        Assert.Equal(("CodeNotInPartialList", X12Severity.Warning, "CCC", 1), (e.Code, e.Severity, e.Position.SegmentId, e.Position.ElementPosition));
        Assert.Contains("'P9'", e.Message, StringComparison.Ordinal);
        Assert.True(report.IsValid);
    }

    [Fact]
    public void Validate_CodeOutsideGuideListOnPartialElement_StaysError()
    {
        var report = TestData.Validate("fixture_123_partial_code_guide.edi", TestGuide);
        var e = Assert.Single(report.AllErrors, x => x.Code != "NamedRuleMissing");
        Assert.Equal(("CodeNotUsed", X12Severity.Error, 2, "I6"), (e.Code, e.Severity, e.Position.ElementPosition, e.Ack.ElementCode999));
        Assert.False(report.IsValid);
        Assert.Empty(Relevant("fixture_123_partial_code_guide.edi", new X12ValidationOptions())); // no guide: Q2 is in the standard list
    }

    [Fact]
    public void Validate_AnchoredKeys_ApplyToTheirPathOnly()
    {
        // "/CCC" restricts CCC02 to Q1 at the top level only; "/LPX/CCC03" restricts CCC03 to B inside LPX only.
        Assert.Empty(Relevant("fixture_123_anchored.edi", TestGuide));
        var e = Assert.Single(Relevant("fixture_123_anchored_loop_code.edi", TestGuide));
        Assert.Equal(("CodeNotUsed", 4, 3), (e.Code, e.Position.SegmentInSet, e.Position.ElementPosition));
        Assert.Contains("Tester's list (B)", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("G62", "/G62", true)]
    [InlineData("LX/G62", "/G62", false)]
    [InlineData("W01/G62", "/W01/G62", true)]
    [InlineData("LX/W01/G62", "/W01/G62", false)]
    [InlineData("LX/W01/G62", "W01/G62", true)]
    [InlineData("LX/G62", "G62", false)]
    [InlineData("G62", "G62", true)]
    [InlineData("LX/MAN", "MAN", true)]
    public void Addresses_AnchoredAndSuffixKeys_MatchAsDocumented(string path, string key, bool expected)
    {
        var top = new HashSet<string>(["G62", "W01", "LX"], StringComparer.Ordinal);
        Assert.Equal(expected, EffectiveSet.Addresses(path, key, top));
    }

    [Theory]
    [InlineData("/G6201", "G62", "G62", 1)]
    [InlineData("/W01/G6202", "W01/G62", "G62", 2)]
    [InlineData("SAC/SAC05", "SAC/SAC", "SAC", 5)]
    [InlineData("CTT01", null, "CTT", 1)]
    public void ParseRef_AnchoredReference_ResolvesExactPath(string reference, string? path, string segment, int position) =>
        Assert.Equal((path, segment, position), CompiledRules.ParseRef(reference));

    [Fact]
    public void Compile_RealGuides_AnchoredFormKeepsBareKeyMeaning()
    {
        // The 3PL 940 guide's bare "G62" key addresses the heading G62 only (the set has one at the top level).
        var set = TestData.Real.Library.GetEffectiveSet("generic-3pl", "940", "004010")!;
        var g62 = set.SegmentNodes().Where(n => n.Id == "G62").ToDictionary(n => n.Path);
        Assert.NotNull(g62["G62"].Segment!.Elements[0].GuideCodes);
        Assert.Null(g62["LX/G62"].Segment!.Elements[0].GuideCodes);
    }
}
