using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using EdiGateway.Edi.Processing;
using EdiGateway.Edi.Tests.TestSupport;
using EdiGateway.Edi.Validation;

namespace EdiGateway.Edi.Tests.Validation;

/// <summary>Locks the validator's verdicts: every checked-in fixture plus deterministic mutations of each of its
/// segments and elements (dropped, duplicated, emptied, replaced, lengthened, digit-bumped) is validated and its
/// full error list (codes, positions, ack codes, messages) compared with an approved digest per document.
/// Set <c>EDIGW_APPROVE=1</c> to rewrite <c>Approved/validation_corpus.approved.txt</c> after an intended change.</summary>
public class ValidationCorpusTests
{
    private static readonly string[] Replacements = ["", "ZZ", "123456789012345678901234567890", "-1", "20261340"];

    private static string ApprovedPath => Path.Combine(TestData.ProjectDir, "Approved", "validation_corpus.approved.txt");

    /// <summary>(name, document) pairs: the fixture itself, then its mutations.</summary>
    internal static IEnumerable<(string Name, string Fixture, byte[] Data)> Corpus()
    {
        foreach (var fixture in TestData.FixtureNames(""))
        {
            var text = TestData.FixtureText(fixture).Replace("\r", "", StringComparison.Ordinal);
            if (text.Length < 106) continue;
            var el = text[3];
            var term = text[105];
            var segs = text.Split(term).Select(s => s.Trim('\n')).Where(s => s.Length > 0).ToList();
            yield return (fixture, fixture, Join(segs, term));
            var st = segs.FindIndex(s => s.StartsWith("ST" + el, StringComparison.Ordinal));
            var se = segs.FindLastIndex(s => s.StartsWith("SE" + el, StringComparison.Ordinal));
            if (st < 0 || se < st) continue;
            for (var i = st + 1; i < se; i++)
            {
                var n = i.ToString(CultureInfo.InvariantCulture);
                yield return ($"{fixture}#{n}:drop", fixture, Join([.. segs[..i], .. segs[(i + 1)..]], term));
                yield return ($"{fixture}#{n}:dup", fixture, Join([.. segs[..(i + 1)], segs[i], .. segs[(i + 1)..]], term));
                var elements = segs[i].Split(el);
                for (var j = 1; j < elements.Length; j++)
                {
                    var variants = Replacements.Select((r, k) => (Tag: "r" + k.ToString(CultureInfo.InvariantCulture), Value: r))
                        .Append(("x", elements[j] + "X"))
                        .Append(("d", BumpDigit(elements[j])));
                    foreach (var (tag, value) in variants)
                    {
                        if (value == elements[j]) continue;
                        var copy = (string[])elements.Clone();
                        copy[j] = value;
                        var mutated = new List<string>(segs) { [i] = string.Join(el, copy) };
                        yield return ($"{fixture}#{n}.{j.ToString(CultureInfo.InvariantCulture)}:{tag}", fixture, Join(mutated, term));
                    }
                }
            }
        }
    }

    private static string BumpDigit(string v)
    {
        var k = v.LastIndexOfAny("0123456789".ToCharArray());
        return k < 0 ? v : v[..k] + (char)('0' + (v[k] - '0' + 1) % 10) + v[(k + 1)..];
    }

    private static byte[] Join(List<string> segs, char term) => Encoding.UTF8.GetBytes(string.Join(term + "\n", segs) + term + "\n");

    internal static string Dump(X12FileReport report) =>
        string.Join("\n", report.AllErrors.Select(e => $"{e.Severity}|{e.Level}|{e.Code}|{e.Position}|{e.Ack}|{e.BadData}|{e.Message}"));

    private static string Line(string name, X12FileReport report)
    {
        var dump = Dump(report);
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(dump)))[..16];
        var codes = string.Join(",", report.AllErrors.Select(e => (e.Severity == Errors.X12Severity.Warning ? "w:" : "") + e.Code));
        return $"{name}\t{(report.IsValid ? "A" : "R")}\t{hash}\t{codes}";
    }

    private static Dictionary<string, X12Processor> Processors() => new(StringComparer.Ordinal);

    private static X12FileReport Run(Dictionary<string, X12Processor> cache, string fixture, byte[] data, int parallelism = 1)
    {
        var isFixtureSpec = fixture.StartsWith("fixture_", StringComparison.Ordinal);
        var guide = isFixtureSpec ? "test-guide" : TestData.GuideFor(fixture);
        var k2 = (isFixtureSpec ? "f:" : "r:") + (guide ?? "-") + parallelism.ToString(CultureInfo.InvariantCulture);
        if (!cache.TryGetValue(k2, out var p))
            cache[k2] = p = new X12Processor(isFixtureSpec ? TestData.Fixtures.Library : TestData.Real.Library,
                new X12ValidationOptions { GuideId = guide }, null, parallelism);
        return p.Validate(new MemoryStream(data));
    }

    [Fact]
    public void Validate_FixtureCorpusWithMutations_MatchesApprovedVerdicts()
    {
        var cache = Processors();
        var lines = new List<string>();
        var dumps = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, fixture, data) in Corpus())
        {
            var report = Run(cache, fixture, data);
            lines.Add(Line(name, report));
            dumps[name] = Dump(report);
        }
        Assert.True(lines.Count > 2000, $"corpus too small: {lines.Count}");
        if (Environment.GetEnvironmentVariable("EDIGW_APPROVE") == "1")
        {
            File.WriteAllText(ApprovedPath, string.Join("\n", lines) + "\n");
            return;
        }
        var approved = File.ReadAllLines(ApprovedPath);
        Assert.Equal(approved.Length, lines.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            if (approved[i] == lines[i]) continue;
            var name = lines[i].Split('\t')[0];
            Assert.Fail($"verdict changed for {name}\napproved: {approved[i]}\nnow:      {lines[i]}\nerrors now:\n{dumps[name]}");
        }
    }

    [Fact]
    public void Validate_CorpusConcatenatedInParallel_MatchesSingleThreaded()
    {
        var cache = Processors();
        var docs = Corpus().Where(d => d.Fixture.StartsWith("valid_85", StringComparison.Ordinal)).Where((_, i) => i % 3 == 0).ToList();
        var file = docs.SelectMany(d => d.Data).ToArray();
        var single = Run(cache, "valid_850_4010.edi", file);
        var parallel = Run(cache, "valid_850_4010.edi", file, 2);
        Assert.True(single.SetCount > 300, $"corpus too small: {single.SetCount}");
        Assert.Equal(Dump(single), Dump(parallel));
    }
}
