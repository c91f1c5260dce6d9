using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace EdiGateway.Edi.Specs;

/// <summary>Segment positions of a structure that a rule reference addresses (segment id, optionally an exact loop
/// path), as a mask over <see cref="EffectiveNode.SegmentOrdinal"/>, so matching a segment is one array read.</summary>
internal sealed class SegmentMatch
{
    private readonly bool[] _mask;

    public SegmentMatch(EffectiveSet schema, string segment, string? path)
    {
        Segment = segment;
        Path = path;
        _mask = new bool[schema.SegmentNodeCount];
        var hits = 0;
        foreach (var n in schema.SegmentNodes())
        {
            if (n.SegmentOrdinal < 0 || !Slow(n)) continue;
            _mask[n.SegmentOrdinal] = true;
            SingleOrdinal = hits++ == 0 ? n.SegmentOrdinal : Several;
        }
    }

    /// <summary><see cref="SingleOrdinal"/> when no structure position is addressed.</summary>
    public const int None = -1;

    /// <summary><see cref="SingleOrdinal"/> when more than one structure position is addressed.</summary>
    public const int Several = -2;

    /// <summary>The one structure position addressed, else <see cref="None"/> or <see cref="Several"/>.</summary>
    public int SingleOrdinal { get; } = None;

    /// <summary>Segment id.</summary>
    public string Segment { get; }

    /// <summary>Exact loop path (LOOP/SEG) or null for any depth.</summary>
    public string? Path { get; }

    private bool Slow(EffectiveNode n) => n.Id == Segment && (Path is null || n.Path == Path);

    /// <summary>True when <paramref name="node"/> is addressed.</summary>
    public bool Hits(EffectiveNode? node) =>
        node is not null && (node.SegmentOrdinal >= 0 ? _mask[node.SegmentOrdinal] : Slow(node));
}

/// <summary>An element reference resolved once: the segments it addresses and the element position.</summary>
internal sealed record ElementTarget(SegmentMatch Match, int Position)
{
    public string Segment => Match.Segment;
}

/// <summary>A parsed <c>when</c> condition (<c>MAN01=GM</c>, <c>SAC01=A|C</c>): position 0 = always true.</summary>
internal sealed record RuleCondition(int Position, byte[][] Values)
{
    public static readonly RuleCondition Always = new(0, []);
}

/// <summary>One signed term of a <c>sum</c> rule.</summary>
internal sealed record SumTerm(decimal Sign, SegmentMatch Match, int[] Positions, RuleCondition When);

/// <summary>Guide rules of one effective set, resolved against its structure once and reused for every set.</summary>
internal sealed class CompiledRules
{
    private CompiledRules(ImmutableArray<object?> items) => Items = items;

    /// <summary>Per rule (same order as <see cref="EffectiveSet.Rules"/>): its compiled form, or null.</summary>
    public ImmutableArray<object?> Items { get; }

    /// <summary>Splits "LOOP/SEG01" into (path key or null, segment id, position).</summary>
    public static (string? PathKey, string Segment, int Position) ParseRef(string reference)
    {
        // A leading slash anchors at the top level: "/G6201" = G62 outside any loop (path "G62").
        if (reference.StartsWith('/'))
        {
            var (_, s, p) = ParseRef(reference[1..]);
            var inner = reference.LastIndexOf('/');
            return (inner == 0 ? s : reference[1..inner] + "/" + s, s, p);
        }
        var slash = reference.LastIndexOf('/');
        var el = slash < 0 ? reference : reference[(slash + 1)..];
        var seg = el[..^2];
        var pos = int.Parse(el.AsSpan(el.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture);
        return (slash < 0 ? null : reference[..slash] + "/" + seg, seg, pos);
    }

    public static RuleCondition Condition(string? when)
    {
        if (when is null) return RuleCondition.Always;
        var eq = when.IndexOf('=', StringComparison.Ordinal);
        if (eq < 0) return RuleCondition.Always;
        return new RuleCondition(ParseRef(when[..eq]).Position, [.. when[(eq + 1)..].Split('|').Select(Encoding.UTF8.GetBytes)]);
    }

    private static ElementTarget Element(EffectiveSet s, string reference)
    {
        var (path, seg, pos) = ParseRef(reference);
        return new ElementTarget(new SegmentMatch(s, seg, path), pos);
    }

    public static CompiledRules Build(EffectiveSet schema)
    {
        var items = ImmutableArray.CreateBuilder<object?>(schema.Rules.Length);
        foreach (var rule in schema.Rules)
        {
            items.Add(rule switch
            {
                CountRule r => new CompiledCount(Element(schema, r.Target), CountOf(schema, r.Of)),
                HashTotalRule r => new CompiledHashTotal(Element(schema, r.Target), Element(schema, r.Of)),
                SumRule r => new CompiledSum(Element(schema, r.Target), [.. r.Terms.Select(t => Term(schema, t))]),
                CheckDigitRule r when r.Element is not null && r.Scheme is not null =>
                    new CompiledCheckElement(Element(schema, r.Element), r.Scheme, Condition(r.When)),
                CheckDigitRule r when r.Segment is not null && r.PairsFrom is not null && r.Qualifiers is not null =>
                    CompiledCheckPairs.Create(new SegmentMatch(schema, r.Segment, null), r.Qualifiers),
                PairRule r => new CompiledPair(new SegmentMatch(schema, r.Segment, null), r.Qualifiers.IsDefaultOrEmpty ? null : new CodeSet(r.Qualifiers)),
                PatternRule r => new CompiledPattern(Element(schema, r.Element),
                    new Regex(r.Pattern, RegexOptions.CultureInvariant | RegexOptions.Compiled, TimeSpan.FromSeconds(1)), SimplePattern.TryParse(r.Pattern), Condition(r.When)),
                _ => null,
            });
        }
        return new CompiledRules(items.MoveToImmutable());
    }

    private static SegmentMatch CountOf(EffectiveSet s, string of)
    {
        var slash = of.LastIndexOf('/');
        return new SegmentMatch(s, slash >= 0 ? of[(slash + 1)..] : of, slash >= 0 ? of : null);
    }

    private static SumTerm Term(EffectiveSet s, string term)
    {
        var t = term.Trim();
        var sign = 1m;
        if (t.StartsWith('-')) { sign = -1; t = t[1..]; }
        else if (t.StartsWith('+')) t = t[1..];
        string? cond = null;
        var br = t.IndexOf('[', StringComparison.Ordinal);
        if (br >= 0) { cond = t[(br + 1)..].TrimEnd(']'); t = t[..br]; }
        var factors = t.Split('*').Select(ParseRef).ToArray();
        return new SumTerm(sign, new SegmentMatch(s, factors[0].Segment, factors[0].PathKey), [.. factors.Select(f => f.Position)], Condition(cond));
    }
}

internal sealed record CompiledCount(ElementTarget Target, SegmentMatch Of);

internal sealed record CompiledHashTotal(ElementTarget Target, ElementTarget Of);

internal sealed record CompiledSum(ElementTarget Target, SumTerm[] Terms);

internal sealed record CompiledCheckElement(ElementTarget Target, string Scheme, RuleCondition When);

/// <summary>A check-digit rule over qualifier/value pairs: the qualifiers as a code set, and the scheme of each in the
/// set's order.</summary>
internal sealed record CompiledCheckPairs(SegmentMatch Match, CodeSet Qualifiers, string[] Schemes)
{
    public static CompiledCheckPairs Create(SegmentMatch match, IReadOnlyDictionary<string, string> qualifiers)
    {
        var set = new CodeSet(qualifiers.Keys);
        return new CompiledCheckPairs(match, set, [.. set.Values.Select(q => qualifiers[q])]);
    }
}

internal sealed record CompiledPair(SegmentMatch Match, CodeSet? Allowed);

internal sealed record CompiledPattern(ElementTarget Target, Regex Regex, SimplePattern? Simple, RuleCondition When);
