using System.Collections.Frozen;
using System.Collections.Immutable;

namespace EdiGateway.Edi.Specs;

/// <summary>A simple data element from elements.json.</summary>
/// <param name="Ref">Element reference number (e.g. 355).</param>
/// <param name="Name">Element name.</param>
/// <param name="Type">AN, ID, N0..N9, R, DT, TM or B.</param>
/// <param name="Min">Minimum length (digits only for N and R).</param>
/// <param name="Max">Maximum length.</param>
/// <param name="Codes">Code list, or null when the standard does not restrict the values.</param>
/// <param name="ExternalList">Name of an external code list (not checked).</param>
public sealed record ElementSpec(string Ref, string Name, string Type, int Min, int Max, FrozenSet<string>? Codes, string? ExternalList)
{
    /// <summary>The code list is partial (the codes partners use, not the whole X12 list): a code outside it is a
    /// warning, not an error. Set by <c>"partial": true</c> or a note starting with "partial list".</summary>
    public bool PartialCodes { get; init; }
}

/// <summary>One element position inside a segment or composite: a simple element or a composite.</summary>
/// <param name="Ref">Simple element reference, or null for a composite.</param>
/// <param name="Composite">Composite id (C001), or null.</param>
/// <param name="Req">M mandatory, O optional, X conditional.</param>
/// <param name="Repeat">Allowed repetitions (1 = does not repeat; int.MaxValue = unbounded).</param>
public sealed record ElementUse(string? Ref, string? Composite, char Req, int Repeat);

/// <summary>An X12 syntax note: P paired, R required, E exclusion, C conditional, L list conditional.</summary>
/// <param name="Kind">P, R, E, C or L.</param>
/// <param name="Positions">1-based element positions named by the note.</param>
/// <param name="Text">The note as written (e.g. P0607).</param>
public sealed record SyntaxNote(char Kind, ImmutableArray<int> Positions, string Text);

/// <summary>A composite data element from composites.json.</summary>
public sealed record CompositeSpec(string Id, string Name, ImmutableArray<ElementUse> Components, ImmutableArray<SyntaxNote> Syntax);

/// <summary>A segment from segments.json.</summary>
public sealed record SegmentSpec(string Id, string Name, ImmutableArray<ElementUse> Elements, ImmutableArray<SyntaxNote> Syntax);

/// <summary>One entry of a set's structure: a segment or a loop.</summary>
/// <param name="Req">M or O.</param>
/// <param name="Max">Maximum use (int.MaxValue for "&gt;1").</param>
public abstract record StructureItem(char Req, int Max);

/// <summary>A segment position in a set's structure.</summary>
public sealed record SegmentItem(string SegmentId, char Req, int Max) : StructureItem(Req, Max);

/// <summary>A loop in a set's structure; its first item is the trigger segment.</summary>
public sealed record LoopItem(string LoopId, char Req, int Max, ImmutableArray<StructureItem> Items, bool Hl) : StructureItem(Req, Max)
{
    /// <summary>The trigger segment id.</summary>
    public string Trigger => Items.Length > 0 && Items[0] is SegmentItem s ? s.SegmentId : LoopId;
}

/// <summary>A transaction set definition from sets/&lt;id&gt;.json.</summary>
/// <param name="HlLevels">HL level code -&gt; allowed parent level codes (null entry = top level), or null.</param>
public sealed record SetSpec(string Id, string Version, string Name, string FunctionalGroup,
    ImmutableArray<StructureItem> Structure, IReadOnlyDictionary<string, ImmutableArray<string?>>? HlLevels);

/// <summary>All definitions of one X12 version folder.</summary>
public sealed record VersionSpec(string Version,
    IReadOnlyDictionary<string, ElementSpec> Elements,
    IReadOnlyDictionary<string, CompositeSpec> Composites,
    IReadOnlyDictionary<string, SegmentSpec> Segments,
    IReadOnlyDictionary<string, SetSpec> Sets);

/// <summary>A problem in a spec or guide file (our data, not partner data): file, JSON path and reason.</summary>
public sealed record SpecLoadError(string File, string Path, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{File} {Path}: {Message}";
}
