using System.Collections.Immutable;
using System.Globalization;

namespace EdiGateway.Edi.Specs;

/// <summary>X12 element data types the validator checks.</summary>
public enum X12DataType
{
    /// <summary>AN string.</summary>
    AN,
    /// <summary>ID identifier.</summary>
    ID,
    /// <summary>N0..N9 numeric with implied decimals.</summary>
    N,
    /// <summary>R decimal.</summary>
    R,
    /// <summary>DT date.</summary>
    DT,
    /// <summary>TM time.</summary>
    TM,
    /// <summary>B binary.</summary>
    B,
}

/// <summary>One element position of an effective segment: the standard definition with guide tightening applied.</summary>
public sealed class EffectiveElement
{
    /// <summary>1-based position in the segment (or composite).</summary>
    public required int Position { get; init; }
    /// <summary>Element reference number (or composite id).</summary>
    public required string Ref { get; init; }
    /// <summary>Element name.</summary>
    public required string Name { get; init; }
    /// <summary>Data type.</summary>
    public X12DataType Type { get; init; }
    /// <summary>Implied decimals for N types.</summary>
    public int Decimals { get; init; }
    /// <summary>Minimum length.</summary>
    public int Min { get; init; }
    /// <summary>Maximum length.</summary>
    public int Max { get; init; }
    /// <summary>M, O or X (after guide usage: must = M).</summary>
    public char Req { get; init; }
    /// <summary>Allowed repetitions.</summary>
    public int Repeat { get; init; } = 1;
    /// <summary>Standard code list.</summary>
    public CodeSet? Codes { get; init; }
    /// <summary>The standard code list is partial: a code outside it is a warning (a guide list still rejects).</summary>
    public bool PartialCodes { get; init; }
    /// <summary>Guide's restricted code list.</summary>
    public CodeSet? GuideCodes { get; init; }
    /// <summary>Guide codes in the guide's order, for messages.</summary>
    public IReadOnlyList<string>? GuideCodeOrder { get; init; }
    /// <summary>The guide marks the element not used.</summary>
    public bool NotUsed { get; init; }
    /// <summary>Min/max tightened by the guide.</summary>
    public bool GuideLength { get; init; }
    /// <summary>Components when this position is a composite.</summary>
    public ImmutableArray<EffectiveElement> Components { get; init; } = [];
    /// <summary>Composite syntax notes.</summary>
    public ImmutableArray<SyntaxNote> CompositeSyntax { get; init; } = [];
    /// <summary>True for a composite.</summary>
    public bool IsComposite => !Components.IsDefaultOrEmpty;

    private SyntaxMask[]? _compositeMasks;
    private bool _compositeMasksBuilt;

    /// <summary><see cref="CompositeSyntax"/> as bitmasks, or null when a note cannot be expressed as one.</summary>
    internal SyntaxMask[]? CompositeSyntaxMasks
    {
        get
        {
            if (!Volatile.Read(ref _compositeMasksBuilt)) { _compositeMasks = SyntaxMask.Build(CompositeSyntax); Volatile.Write(ref _compositeMasksBuilt, true); }
            return _compositeMasks;
        }
    }
}

/// <summary>A segment with its effective elements.</summary>
public sealed class EffectiveSegment
{
    /// <summary>Segment id.</summary>
    public required string Id { get; init; }
    /// <summary>Segment name.</summary>
    public required string Name { get; init; }
    /// <summary>Element positions.</summary>
    public required ImmutableArray<EffectiveElement> Elements { get; init; }
    /// <summary>Syntax notes.</summary>
    public required ImmutableArray<SyntaxNote> Syntax { get; init; }

    private SyntaxMask[]? _masks;
    private bool _masksBuilt;

    /// <summary><see cref="Syntax"/> as bitmasks, or null when a note cannot be expressed as one.</summary>
    internal SyntaxMask[]? SyntaxMasks
    {
        get
        {
            if (!Volatile.Read(ref _masksBuilt)) { _masks = SyntaxMask.Build(Syntax); Volatile.Write(ref _masksBuilt, true); }
            return _masks;
        }
    }

    private SegmentPlan? _plan;

    /// <summary>The segment compiled for the validator's fast path.</summary>
    internal SegmentPlan Plan => _plan ??= SegmentPlan.Build(this);
}

/// <summary>A node of the effective structure: a segment position or a loop.</summary>
public sealed class EffectiveNode
{
    /// <summary>True for loops.</summary>
    public bool IsLoop { get; init; }
    /// <summary>Segment id, or loop id for loops.</summary>
    public required string Id { get; init; }
    /// <summary>M or O.</summary>
    public char Req { get; set; }
    /// <summary>Maximum use.</summary>
    public int Max { get; set; }
    /// <summary>The guide marks it not used.</summary>
    public bool NotUsed { get; set; }
    /// <summary>Requirement or max come from the guide.</summary>
    public bool FromGuide { get; set; }
    /// <summary>HL loop.</summary>
    public bool Hl { get; init; }
    /// <summary>0-based number of this loop within its set (loops only), for per-loop state arrays.</summary>
    public int LoopOrdinal { get; internal set; } = -1;
    /// <summary>0-based number of this segment position within its set (segments only), for precompiled rule masks.</summary>
    internal int SegmentOrdinal { get; set; } = -1;
    /// <summary>Children of a loop (the first is the trigger).</summary>
    public ImmutableArray<EffectiveNode> Children { get; set; } = [];
    /// <summary>Effective segment (for a loop: its trigger's).</summary>
    public EffectiveSegment? Segment { get; set; }
    /// <summary>Enclosing loop (null at the set's top level).</summary>
    public EffectiveNode? Parent { get; set; }
    /// <summary>Address: loop path and segment, e.g. PO1/PID/PID; for a loop its loop path.</summary>
    public required string Path { get; init; }
    /// <summary>Identifier of the innermost loop this node is in (AK303), or null.</summary>
    public string? LoopId { get; init; }
    /// <summary>Trigger segment id (loops) or the segment id.</summary>
    public string Trigger => IsLoop ? (Children.Length > 0 ? Children[0].Id : Id) : Id;

    private byte[]? _triggerUtf8;
    private Dictionary<int, int[]>? _childIndex;
    private int[]? _mandatory;
    private int[]? _childKeys;
    private int[]? _nextMandatory;
    private int _notUsedHere = -1;

    /// <summary>Packs a segment id of up to 3 bytes into an int key (0 for longer ids).</summary>
    internal static int Key(ReadOnlySpan<byte> id) => id.Length switch
    {
        2 => (2 << 24) | (id[0] << 16) | (id[1] << 8),
        3 => (3 << 24) | (id[0] << 16) | (id[1] << 8) | id[2],
        1 => (1 << 24) | (id[0] << 16),
        _ => 0,
    };

    /// <summary>For a loop: child positions by trigger id key, ascending.</summary>
    internal Dictionary<int, int[]> ChildIndex => _childIndex ??= Children
        .Select((c, i) => (Key: Key(c.TriggerUtf8), Index: i))
        .GroupBy(x => x.Key)
        .ToDictionary(g => g.Key, g => g.Select(x => x.Index).ToArray());

    /// <summary>For a loop: the trigger id key of each child, for a linear scan of the next few positions.</summary>
    internal int[] ChildKeys => _childKeys ??= [.. Children.Select(c => Key(c.TriggerUtf8))];

    /// <summary>For a loop: the key of its first child (the loop's own trigger) when no later child has the same
    /// segment id, else 0. The next trigger can then never be placed inside the loop: it opens the next iteration.</summary>
    internal int UniqueTriggerKey => _uniqueTriggerKey ??= ChildKeys is [var first, .. var rest] && !rest.Contains(first) ? first : 0;

    private int? _uniqueTriggerKey;

    /// <summary>For a loop: per position, the first mandatory child at or after it (see <see cref="MandatoryChildren"/>).</summary>
    internal int[] NextMandatory => _nextMandatory ??= EffectiveNodeFacts.NextMandatory(Children, MandatoryChildren);

    private SegmentPlan? _plan;
    private int _hlSegment = -1;

    /// <summary>The fast-path plan of <see cref="Segment"/> (segments only).</summary>
    internal SegmentPlan? Plan => _plan ??= Segment?.Plan;

    /// <summary>True for the HL segment of an HL loop, which the hierarchy check reads.</summary>
    internal bool IsHlSegment
    {
        get
        {
            if (_hlSegment < 0) _hlSegment = !IsLoop && Id == "HL" && Parent is { Hl: true } ? 1 : 0;
            return _hlSegment == 1;
        }
    }

    /// <summary>True when this node or a loop around it is marked not used.</summary>
    internal bool NotUsedHere
    {
        get
        {
            if (_notUsedHere < 0) _notUsedHere = EffectiveNodeFacts.NotUsedHere(this) ? 1 : 0;
            return _notUsedHere == 1;
        }
    }

    /// <summary>For a loop: positions of mandatory, used children.</summary>
    internal int[] MandatoryChildren => _mandatory ??= [.. Children.Select((c, i) => (c, i)).Where(x => x.c.Req == 'M' && !x.c.NotUsed).Select(x => x.i)];

    /// <summary>The trigger id as bytes, for allocation-free matching.</summary>
    internal byte[] TriggerUtf8 => _triggerUtf8 ??= System.Text.Encoding.ASCII.GetBytes(Trigger);
}

/// <summary>The compiled schema for one (guide, set, version): structure tree, effective segments, rules.</summary>
public sealed partial class EffectiveSet
{
    /// <summary>Standard definitions of the version.</summary>
    public required VersionSpec Version { get; init; }
    /// <summary>The set definition.</summary>
    public required SetSpec Set { get; init; }
    /// <summary>The guide, if any.</summary>
    public GuideSpec? Guide { get; init; }
    /// <summary>The guide's overlay for this set, if any.</summary>
    public GuideOverlay? Overlay { get; init; }
    /// <summary>The top-level structure as a virtual loop.</summary>
    public required EffectiveNode Root { get; init; }
    /// <summary>Guide rules.</summary>
    public ImmutableArray<GuideRule> Rules => Overlay?.Rules ?? [];
    /// <summary>Number of loops in the structure (root included as ordinal 0).</summary>
    public int LoopCount { get; private init; }
    /// <summary>Number of segment positions in the structure (any depth).</summary>
    internal int SegmentNodeCount { get; private init; }
    private CompiledRules? _compiledRules;
    /// <summary>Name used in messages for the guide ("Amazon").</summary>
    public string PartnerName => Guide?.PartnerName ?? "the guide";

    /// <summary>Every segment node of the structure (any depth), for rules.</summary>
    public IEnumerable<EffectiveNode> SegmentNodes()
    {
        var stack = new Stack<EffectiveNode>();
        stack.Push(Root);
        while (stack.Count > 0)
        {
            var n = stack.Pop();
            foreach (var c in n.Children)
            {
                if (c.IsLoop) stack.Push(c);
                else yield return c;
            }
        }
    }

    /// <summary>Compiles standard + overlay.</summary>
    public static EffectiveSet Compile(VersionSpec version, SetSpec set, GuideSpec? guide, GuideOverlay? overlay)
    {
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(set);
        var segCache = new Dictionary<string, EffectiveSegment>(StringComparer.Ordinal);
        var root = new EffectiveNode { IsLoop = true, Id = "", Path = "", Req = 'M', Max = 1 };
        var top = new HashSet<string>(set.Structure.Select(i => i is SegmentItem s ? s.SegmentId : ((LoopItem)i).LoopId), StringComparer.Ordinal);
        root.Children = BuildChildren(set.Structure, root, "", null, version, overlay, segCache, top);
        var ordinal = 0;
        var segments = 0;
        var stack = new Stack<EffectiveNode>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var n = stack.Pop();
            n.LoopOrdinal = ordinal++;
            foreach (var c in n.Children)
            {
                if (c.IsLoop) stack.Push(c);
                else c.SegmentOrdinal = segments++;
            }
        }
        return new EffectiveSet { Version = version, Set = set, Guide = guide, Overlay = overlay, Root = root, LoopCount = ordinal, SegmentNodeCount = segments };
    }

    private static ImmutableArray<EffectiveNode> BuildChildren(ImmutableArray<StructureItem> items, EffectiveNode parent, string loopPath,
        string? loopId, VersionSpec version, GuideOverlay? overlay, Dictionary<string, EffectiveSegment> segCache, HashSet<string> top)
    {
        var list = ImmutableArray.CreateBuilder<EffectiveNode>(items.Length);
        foreach (var item in items)
        {
            switch (item)
            {
                case SegmentItem s:
                {
                    var path = loopPath.Length == 0 ? s.SegmentId : loopPath + "/" + s.SegmentId;
                    var node = new EffectiveNode { Id = string.Intern(s.SegmentId), Req = s.Req, Max = s.Max, Parent = parent.Id.Length == 0 ? null : parent, Path = string.Intern(path), LoopId = loopId };
                    var overlays = MatchingSegmentOverlays(overlay, path, s.SegmentId, top);
                    foreach (var o in overlays)
                    {
                        if (o.Usage == "must" && node.Req != 'M') { node.Req = 'M'; node.FromGuide = true; }
                        else if (o.Usage == "not-used") { node.NotUsed = true; node.FromGuide = true; }
                        else if (o.Usage == "optional") node.Req = 'O';
                        if (o.Max is int m && m != node.Max) { node.Max = m; node.FromGuide = true; }
                    }
                    node.Segment = overlays.Count == 0
                        ? CachedSegment(s.SegmentId, version, segCache)
                        : BuildSegment(s.SegmentId, version, overlays);
                    list.Add(node);
                    break;
                }
                case LoopItem l:
                {
                    var path = loopPath.Length == 0 ? l.LoopId : loopPath + "/" + l.LoopId;
                    var node = new EffectiveNode { IsLoop = true, Id = string.Intern(l.LoopId), Req = l.Req, Max = l.Max, Hl = l.Hl, Parent = parent.Id.Length == 0 ? null : parent, Path = string.Intern(path), LoopId = loopId };
                    if (overlay is not null)
                    {
                        foreach (var (key, lo) in overlay.Loops.OrderBy(k => k.Key.Length))
                        {
                            if (!Addresses(path, key, top)) continue;
                            if (lo.Max is int m && m != node.Max) { node.Max = m; node.FromGuide = true; }
                            if (lo.Usage == "must" && node.Req != 'M') { node.Req = 'M'; node.FromGuide = true; }
                            else if (lo.Usage == "not-used") { node.NotUsed = true; node.FromGuide = true; }
                        }
                    }
                    node.Children = BuildChildren(l.Items, node, path, l.LoopId, version, overlay, segCache, top);
                    if (node.Children.Length > 0)
                    {
                        node.Segment = node.Children[0].Segment;
                        if (node.Req == 'M' && node.Children[0].Req != 'M') node.Children[0].Req = 'M';
                    }
                    list.Add(node);
                    break;
                }
            }
        }
        return list.MoveToImmutable();
    }

    /// <summary>True when a path key (LOOP/SEG, A/B/SEG) addresses <paramref name="path"/> (the path ends with it).</summary>
    internal static bool PathMatches(string path, string key) =>
        path == key || path.EndsWith("/" + key, StringComparison.Ordinal);

    /// <summary>Overlay addressing: a bare id (BEG, N1) means the top-level segment or loop when the set has one there,
    /// otherwise that id at any depth; a path key (PO1/PO1, HL/MAN) matches paths ending with it; a key with a leading
    /// slash (/G62, /W01/G62) is anchored at the set's top level and matches that exact path only.</summary>
    internal static bool Addresses(string path, string key, HashSet<string> top)
    {
        // Anchored key: "/G62" = the top-level G62 only, "/W01/G62" = G62 in the top-level W01 loop only.
        if (key.StartsWith('/')) return string.Equals(path, key[1..], StringComparison.Ordinal);
        if (key.Contains('/', StringComparison.Ordinal)) return PathMatches(path, key);
        return top.Contains(key) ? path == key : PathMatches(path, key);
    }

    private static List<SegmentOverlay> MatchingSegmentOverlays(GuideOverlay? overlay, string path, string segmentId, HashSet<string> top)
    {
        var result = new List<SegmentOverlay>();
        if (overlay is null) return result;
        foreach (var (key, o) in overlay.Segments.OrderBy(k => k.Key.Length))
        {
            var last = key.Split('/')[^1];
            if (last == segmentId && Addresses(path, key, top)) result.Add(o);
        }
        return result;
    }

    private static EffectiveSegment CachedSegment(string id, VersionSpec version, Dictionary<string, EffectiveSegment> cache)
    {
        if (!cache.TryGetValue(id, out var seg)) cache[id] = seg = BuildSegment(id, version, []);
        return seg;
    }

    private static EffectiveSegment BuildSegment(string id, VersionSpec version, List<SegmentOverlay> overlays)
    {
        if (!version.Segments.TryGetValue(id, out var spec))
            return new EffectiveSegment { Id = id, Name = id, Elements = [], Syntax = [] };
        var elements = ImmutableArray.CreateBuilder<EffectiveElement>(spec.Elements.Length);
        for (var i = 0; i < spec.Elements.Length; i++)
        {
            var refName = string.Create(CultureInfo.InvariantCulture, $"{id}{i + 1:00}");
            ElementOverlay? eo = null;
            foreach (var o in overlays)
                if (o.Elements.TryGetValue(refName, out var x)) eo = Merge(eo, x);
            elements.Add(BuildElement(spec.Elements[i], i + 1, version, eo));
        }
        return new EffectiveSegment { Id = id, Name = spec.Name, Elements = elements.MoveToImmutable(), Syntax = spec.Syntax };
    }

    private static ElementOverlay Merge(ElementOverlay? a, ElementOverlay b) => a is null ? b :
        new ElementOverlay(b.Codes ?? a.Codes, b.Min ?? a.Min, b.Max ?? a.Max, b.Usage ?? a.Usage, b.Repeat ?? a.Repeat);

    private static EffectiveElement BuildElement(ElementUse use, int position, VersionSpec version, ElementOverlay? eo)
    {
        var req = eo?.Usage == "must" ? 'M' : use.Req;
        if (use.Composite is not null)
        {
            version.Composites.TryGetValue(use.Composite, out var comp);
            var comps = ImmutableArray.CreateBuilder<EffectiveElement>();
            if (comp is not null)
                for (var k = 0; k < comp.Components.Length; k++) comps.Add(BuildElement(comp.Components[k], k + 1, version, null));
            return new EffectiveElement
            {
                Position = position, Ref = use.Composite, Name = comp?.Name ?? use.Composite, Req = req,
                Repeat = eo?.Repeat ?? use.Repeat, NotUsed = eo?.Usage == "not-used",
                Components = comps.ToImmutable(), CompositeSyntax = comp?.Syntax ?? [],
            };
        }
        version.Elements.TryGetValue(use.Ref ?? "", out var el);
        var type = el?.Type ?? "AN";
        var (kind, decimals) = type switch
        {
            "ID" => (X12DataType.ID, 0),
            "R" => (X12DataType.R, 0),
            "DT" => (X12DataType.DT, 0),
            "TM" => (X12DataType.TM, 0),
            "B" => (X12DataType.B, 0),
            _ when type.Length == 2 && type[0] == 'N' => (X12DataType.N, type[1] - '0'),
            _ => (X12DataType.AN, 0),
        };
        return new EffectiveElement
        {
            Position = position,
            Ref = use.Ref ?? "",
            Name = el?.Name ?? use.Ref ?? "",
            Type = kind,
            Decimals = decimals,
            Min = eo?.Min ?? el?.Min ?? 1,
            Max = eo?.Max ?? el?.Max ?? 9999,
            GuideLength = eo?.Min is not null || eo?.Max is not null,
            Req = req,
            Repeat = eo?.Repeat ?? use.Repeat,
            Codes = el?.Codes is { Count: > 0 } c ? new CodeSet(c) : null,
            PartialCodes = el?.PartialCodes ?? false,
            GuideCodes = eo?.Codes is { } gc ? new CodeSet(gc) : null,
            GuideCodeOrder = eo?.Codes,
            NotUsed = eo?.Usage == "not-used",
        };
    }
}
