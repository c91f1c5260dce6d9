using System.Collections.Immutable;

namespace EdiGateway.Edi.Specs;

/// <summary>How the validator's fast path checks one element position; <see cref="Slow"/> sends any value there
/// to the full check (composites, elements the guide marks not used, binary).</summary>
internal enum ElementCheckKind : byte
{
    Slow,
    Text,
    Number,
    Decimal,
    Date,
    Time,
}

/// <summary>One element position as the fast path needs it, in one small struct: kind, length range and the list a
/// value must be in (the guide's list, else the standard's for an ID element).</summary>
internal readonly struct ElementCheck(ElementCheckKind kind, int min, int max, CodeSet? codes)
{
    public readonly ElementCheckKind Kind = kind;
    public readonly int Min = min;
    public readonly int Max = max;
    public readonly CodeSet? Codes = codes;

    /// <summary>True when <paramref name="v"/> (non-empty, printable ASCII, no component or repetition separator)
    /// passes every check the full validation makes of a simple element, so it would report nothing.</summary>
    public bool Accepts(ReadOnlySpan<byte> v)
    {
        int length;
        switch (Kind)
        {
            case ElementCheckKind.Text:
                length = v.Length;
                break;
            case ElementCheckKind.Number:
            case ElementCheckKind.Decimal:
                if (!Validation.SetValidation.CountDigits(v, Kind == ElementCheckKind.Decimal, out length)) return false;
                break;
            case ElementCheckKind.Date:
                length = v.Length;
                if (!Validation.SetValidation.IsDate(v)) return false;
                break;
            case ElementCheckKind.Time:
                length = v.Length;
                if (!Validation.SetValidation.IsTime(v)) return false;
                break;
            default:
                return false;
        }
        return length >= Min && length <= Max && (Codes is null || Codes.Contains(v));
    }
}

/// <summary>An effective segment compiled for the fast path: one check per position, the mandatory positions and
/// the syntax notes as bitmasks. <see cref="Usable"/> is false when the segment cannot be expressed so (more than
/// 63 elements, a syntax note outside 1..63), and every such segment takes the full check.</summary>
internal sealed class SegmentPlan
{
    private SegmentPlan(ElementCheck[] checks, ulong mandatory, SyntaxMask[] masks, bool usable)
    {
        Checks = checks;
        Mandatory = mandatory;
        Masks = masks;
        Usable = usable;
    }

    public ElementCheck[] Checks { get; }

    /// <summary>Bit p set when position p is mandatory.</summary>
    public ulong Mandatory { get; }

    public SyntaxMask[] Masks { get; }

    public bool Usable { get; }

    public static SegmentPlan Build(EffectiveSegment segment)
    {
        var defs = segment.Elements;
        var masks = segment.SyntaxMasks;
        if (defs.Length > 63 || masks is null) return new SegmentPlan([], 0, [], usable: false);
        var checks = new ElementCheck[defs.Length];
        ulong mandatory = 0;
        for (var i = 0; i < defs.Length; i++)
        {
            var ed = defs[i];
            if (ed.Req == 'M') mandatory |= 1UL << (i + 1);
            checks[i] = Check(ed);
        }
        return new SegmentPlan(checks, mandatory, masks, usable: true);
    }

    private static ElementCheck Check(EffectiveElement ed)
    {
        if (ed.IsComposite || ed.NotUsed) return default;
        var kind = ed.Type switch
        {
            X12DataType.AN or X12DataType.ID => ElementCheckKind.Text,
            X12DataType.N => ElementCheckKind.Number,
            X12DataType.R => ElementCheckKind.Decimal,
            X12DataType.DT => ElementCheckKind.Date,
            X12DataType.TM => ElementCheckKind.Time,
            _ => ElementCheckKind.Slow,
        };
        // The full check: a guide list wins; else an ID value must be in the standard's list (a partial list only
        // warns, and a warning is a report, so it too must take the full check: same list, same test).
        var codes = ed.GuideCodes ?? (ed.Type == X12DataType.ID ? ed.Codes : null);
        return new ElementCheck(kind, ed.Min, ed.Max, codes);
    }
}

/// <summary>Per-node facts the validator reads on every segment, derived once.</summary>
internal static class EffectiveNodeFacts
{
    /// <summary>True when the node or a loop around it is marked not used by the guide.</summary>
    public static bool NotUsedHere(EffectiveNode node)
    {
        for (EffectiveNode? n = node; n is not null; n = n.Parent)
            if (n.NotUsed) return true;
        return false;
    }

    /// <summary>For each position p of <paramref name="children"/> (and one past the end), the first mandatory child
    /// at or after p, or the child count.</summary>
    public static int[] NextMandatory(ImmutableArray<EffectiveNode> children, int[] mandatory)
    {
        var next = new int[children.Length + 1];
        var m = mandatory.Length - 1;
        var nearest = children.Length;
        for (var p = children.Length; p >= 0; p--)
        {
            while (m >= 0 && mandatory[m] >= p) { nearest = mandatory[m]; m--; }
            next[p] = nearest;
        }
        return next;
    }
}
