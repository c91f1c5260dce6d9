using System.Text;
using EdiGateway.Edi.Specs;

namespace EdiGateway.Edi.Validation;

/// <summary>Guide rules over qualifier/value pairs: GS1 check digits by qualifier and the pair rule.</summary>
internal sealed partial class SetValidation
{
    private void RunCheckPairs(CheckDigitRule rule, CompiledCheckPairs r)
    {
        var from = rule.PairsFrom!.Value;
        var sep = _d.Element;
        for (var i = 0; i < _set.SegmentCount; i++)
        {
            if (!r.Match.Hits(_nodes[i])) continue;
            var seg = _set[i];
            // Walk the elements once: position q is a qualifier when q >= from and (q - from) is even.
            var rest = seg.Span;
            var k0 = rest.IndexOf(sep);
            if (k0 < 0) continue;
            rest = rest[(k0 + 1)..];
            string? scheme = null;
            var qual = default(ReadOnlySpan<byte>);
            for (var q = 1; ; q++)
            {
                var k = rest.IndexOf(sep);
                var value = k < 0 ? rest : rest[..k];
                if (scheme is not null)
                {
                    if (!value.IsEmpty && !Gs1.Passes(value, scheme))
                    {
                        var v = Encoding.UTF8.GetString(value);
                        if (Gs1.Check(v, scheme) is { } why)
                            RuleError(i, q, "CheckDigit", $"{rule.Segment} (segment {i + 1}), element {rule.Segment}{q:00} {Encoding.UTF8.GetString(qual)} '{v}' {why}", v);
                    }
                    scheme = null;
                }
                else if (q >= from && (q - from) % 2 == 0 && k >= 0)
                {
                    foreach (var (key, sch) in r.Table)
                        if (value.SequenceEqual(key)) { scheme = sch; qual = value; break; }
                }
                if (k < 0) break;
                rest = rest[(k + 1)..];
            }
        }
    }

    private void RunPair(PairRule r, CompiledPair c)
    {
        var allowed = c.Allowed;
        Span<Range> ranges = stackalloc Range[64];
        for (var i = 0; i < _set.SegmentCount; i++)
        {
            if (!c.Match.Hits(_nodes[i])) continue;
            var seg = _set[i];
            var span = seg.Span;
            var count = Split(span, ranges);
            for (var q = r.PairsFrom; q <= count; q += 2)
            {
                var qual = ElementAt(span, ranges, count, seg, q);
                var v = ElementAt(span, ranges, count, seg, q + 1);
                if (qual.IsEmpty && v.IsEmpty) continue;
                if (qual.IsEmpty || v.IsEmpty)
                    RuleError(i, qual.IsEmpty ? q : q + 1, "PairIncomplete",
                        $"{r.Segment} (segment {i + 1}), elements {r.Segment}{q:00}/{r.Segment}{q + 1:00} must be sent as a qualifier and value pair",
                        Encoding.UTF8.GetString(qual.IsEmpty ? v : qual));
                else if (allowed is not null && !allowed.Contains(qual))
                    RuleError(i, q, "QualifierNotAllowed",
                        $"{r.Segment} (segment {i + 1}), element {r.Segment}{q:00} product qualifier '{Encoding.UTF8.GetString(qual)}' is not in {_schema.PartnerName}'s list ({string.Join(", ", r.Qualifiers)})",
                        Encoding.UTF8.GetString(qual));
            }
        }
    }

    /// <summary>Splits a segment's elements into <paramref name="ranges"/> (index 0 = element 1); returns the element
    /// count (as <see cref="Reading.X12SegmentView.ElementCount"/>), which may exceed the ranges held.</summary>
    private int Split(ReadOnlySpan<byte> span, Span<Range> ranges)
    {
        var sep = _d.Element;
        var k = span.IndexOf(sep);
        if (k < 0) return 0;
        var start = k + 1;
        var n = 0;
        while (true)
        {
            var e = span[start..].IndexOf(sep);
            var end = e < 0 ? span.Length : start + e;
            if (n < ranges.Length) ranges[n] = new Range(start, end);
            n++;
            if (e < 0) return n;
            start = end + 1;
        }
    }

    private static ReadOnlySpan<byte> ElementAt(ReadOnlySpan<byte> span, Span<Range> ranges, int count, Reading.X12SegmentView seg, int position)
    {
        if (position < 1 || position > count) return default;
        return position <= ranges.Length ? span[ranges[position - 1]] : seg.GetElement(position);
    }
}
