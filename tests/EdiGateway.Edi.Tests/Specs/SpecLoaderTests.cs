using EdiGateway.Edi.Specs;
using EdiGateway.Edi.Tests.TestSupport;

namespace EdiGateway.Edi.Tests.Specs;

public class SpecLoaderTests
{
    [Fact]
    public void LoadFolder_RealEdiSpecs_LoadsEveryFileWithoutError()
    {
        var result = TestData.Real;
        Assert.True(result.Errors.IsEmpty, string.Join(Environment.NewLine, result.Errors.Take(30)));
        Assert.Contains("004010", result.Library.Versions.Keys);
        Assert.Contains("005010", result.Library.Versions.Keys);
    }

    [Fact]
    public void LoadFolder_RealEdiSpecs_EverySetAndGuideOverlayCompiles()
    {
        var lib = TestData.Real.Library;
        foreach (var v in lib.Versions.Values)
            foreach (var set in v.Sets.Keys)
                Assert.NotNull(lib.GetEffectiveSet(null, set, v.Version));
        foreach (var g in lib.Guides.Values)
        {
            Assert.NotEmpty(g.Overlays);
            foreach (var o in g.Overlays)
                Assert.NotNull(lib.GetEffectiveSet(g.Id, o.Set, o.Version));
        }
    }

    [Fact]
    public void LoadFolder_AmazonGuide_HasOverlaysForEveryAgreedSet()
    {
        var guide = TestData.Real.Library.Guides[TestData.Amazon];
        Assert.Equal("Amazon", guide.PartnerName);
        foreach (var (set, version) in new[] { ("850", "004010"), ("855", "004010"), ("856", "005010"), ("810", "004010"), ("820", "004010"), ("846", "004010"), ("997", "004010") })
            Assert.NotNull(guide.Find(set, version));
    }

    [Fact]
    public void LoadFolder_FixtureSpecs_LoadWithoutError()
    {
        Assert.True(TestData.Fixtures.Errors.IsEmpty, string.Join(Environment.NewLine, TestData.Fixtures.Errors));
        Assert.NotNull(TestData.Fixtures.Library.GetEffectiveSet("test-guide", "123", "004010"));
    }

    [Theory]
    [InlineData("004010VICS", "004010")]
    [InlineData("004010", "004010")]
    [InlineData("005010X231A1", "005010")]
    public void ResolveVersion_Gs08Variant_MapsByPrefix(string gs08, string expected) =>
        Assert.Equal(expected, TestData.Real.Library.ResolveVersion(gs08)?.Version);

    [Fact]
    public void ResolveVersion_UnknownVersion_ReturnsNull() => Assert.Null(TestData.Real.Library.ResolveVersion("003040"));

    [Fact]
    public void LoadVersion_BrokenFiles_ReportsFilePathAndReason()
    {
        var dir = Directory.CreateTempSubdirectory("edi-spec-test");
        try
        {
            var v = Directory.CreateDirectory(Path.Combine(dir.FullName, "x12", "004010"));
            File.WriteAllText(Path.Combine(v.FullName, "elements.json"), """{ "elements": { "1": { "name": "X", "type": "QQ", "min": 3, "max": 2 } } }""");
            File.WriteAllText(Path.Combine(v.FullName, "segments.json"), """{ "segments": { "AAA": { "elements": [ { "ref": "9", "req": "M" } ], "syntax": ["Z0102"] } } }""");
            Directory.CreateDirectory(Path.Combine(v.FullName, "sets"));
            File.WriteAllText(Path.Combine(v.FullName, "sets", "123.json"), "{ not json");
            var result = SpecLoader.LoadFolder(dir.FullName);
            var text = string.Join("\n", result.Errors);
            Assert.Contains("type 'QQ'", text, StringComparison.Ordinal);
            Assert.Contains("min 3 is greater than max 2", text, StringComparison.Ordinal);
            Assert.Contains("syntax note 'Z0102'", text, StringComparison.Ordinal);
            Assert.Contains("element 9 is not in 004010/elements.json", text, StringComparison.Ordinal);
            Assert.Contains("not valid JSON", text, StringComparison.Ordinal);
            Assert.All(result.Errors, e => Assert.False(string.IsNullOrEmpty(e.File)));
        }
        finally
        {
            dir.Delete(true);
        }
    }

    [Theory]
    [InlineData("P0607", 'P', new[] { 6, 7 })]
    [InlineData("L030405", 'L', new[] { 3, 4, 5 })]
    public void ParseSyntax_Notation_ReadsKindAndPositions(string text, char kind, int[] positions)
    {
        var note = SpecLoader.ParseSyntax(text);
        Assert.NotNull(note);
        Assert.Equal(kind, note.Kind);
        Assert.Equal(positions, note.Positions.ToArray());
    }
}
