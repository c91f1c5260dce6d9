using System.Collections.Immutable;

namespace EdiGateway.Edi.Specs;

/// <summary>An implementation guide: id, display names and its overlays per (set, version).</summary>
/// <param name="PartnerName">Short name used in messages ("not in Amazon's list").</param>
public sealed record GuideSpec(string Id, string Name, string PartnerName, ImmutableArray<GuideOverlay> Overlays)
{
    /// <summary>The overlay for a set and base version, or null.</summary>
    public GuideOverlay? Find(string setId, string version) =>
        Overlays.FirstOrDefault(o => o.Set == setId && o.Version == version);
}

/// <summary>Overlay on one standard set: segment and element tightening, loop limits, rules.</summary>
public sealed record GuideOverlay(string Set, string Version,
    IReadOnlyDictionary<string, SegmentOverlay> Segments,
    IReadOnlyDictionary<string, LoopOverlay> Loops,
    ImmutableArray<GuideRule> Rules);

/// <summary>Segment overlay: usage (must / optional / not-used), max use, element overlays.</summary>
public sealed record SegmentOverlay(string? Usage, int? Max, IReadOnlyDictionary<string, ElementOverlay> Elements);

/// <summary>Element overlay: restricted codes, tightened lengths, usage, repeats.</summary>
public sealed record ElementOverlay(ImmutableArray<string>? Codes, int? Min, int? Max, string? Usage, int? Repeat);

/// <summary>Loop overlay: tightened max, usage.</summary>
public sealed record LoopOverlay(int? Max, string? Usage);

/// <summary>A guide rule. Declarative kinds are interpreted by the engine; <see cref="NamedRule"/> is resolved from a registry.</summary>
public abstract record GuideRule(string Kind, string? Note);

/// <summary><c>count</c>: <paramref name="Target"/> (e.g. CTT01) equals the number of <paramref name="Of"/> segments.</summary>
public sealed record CountRule(string Target, string Of, string? Note) : GuideRule("count", Note);

/// <summary><c>hashTotal</c>: <paramref name="Target"/> equals the sum of element <paramref name="Of"/> (truncated to the target's width).</summary>
public sealed record HashTotalRule(string Target, string Of, string? Note) : GuideRule("hashTotal", Note);

/// <summary><c>sum</c>: <paramref name="Target"/> equals the signed sum of terms such as <c>+IT102*IT104</c> or <c>-SAC05[SAC01=A]</c>.</summary>
public sealed record SumRule(string Target, ImmutableArray<string> Terms, string? Note) : GuideRule("sum", Note);

/// <summary><c>checkDigit</c>: GS1 check digit of <paramref name="Element"/> (SSCC18, GTIN, GTIN12/13/14), optionally only
/// when a condition such as <c>MAN01=GM</c> holds; or, with <paramref name="Qualifiers"/>, of every qualifier/value pair
/// of a segment from position <paramref name="PairsFrom"/>.</summary>
public sealed record CheckDigitRule(string? Element, string? Scheme, string? When, string? Segment, int? PairsFrom,
    IReadOnlyDictionary<string, string>? Qualifiers, string? Note) : GuideRule("checkDigit", Note);

/// <summary><c>pair</c>: qualifier/value pairs of <paramref name="Segment"/> from position <paramref name="PairsFrom"/>:
/// a qualifier needs its value and must be one of <paramref name="Qualifiers"/>.</summary>
public sealed record PairRule(string Segment, int PairsFrom, ImmutableArray<string> Qualifiers, string? Note) : GuideRule("pair", Note);

/// <summary><c>hl</c>: every root-to-leaf HL path spells one of <paramref name="Patterns"/> (e.g. SOPI, SOTPI).</summary>
public sealed record HlPatternRule(ImmutableArray<string> Patterns, string? Note) : GuideRule("hl", Note)
{
    private ulong[]? _packed;

    /// <summary>The patterns of up to 8 ASCII levels packed as the validator packs a path (one byte a level, the top
    /// level in the highest byte used), for a compare per leaf; longer or non-ASCII patterns are left out (the validator
    /// compares paths it cannot pack as text).</summary>
    internal ulong[] PackedPatterns => _packed ??= [.. Patterns.Where(p => p.Length is > 0 and <= 8 && p.All(char.IsAscii)).Select(PackPath)];

    internal static ulong PackPath(string path)
    {
        ulong packed = 0;
        foreach (var c in path) packed = packed << 8 | c;
        return packed;
    }
}

/// <summary><c>pattern</c>: <paramref name="Element"/> matches the regular expression, optionally only when <paramref name="When"/> holds.</summary>
public sealed record PatternRule(string Element, string Pattern, string? When, string? Note) : GuideRule("pattern", Note);

/// <summary><c>named</c>: implemented in code and looked up by name in an rule registry.</summary>
public sealed record NamedRule(string Name, string? Note) : GuideRule("named", Note);
