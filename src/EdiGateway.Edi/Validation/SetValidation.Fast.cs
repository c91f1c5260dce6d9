using EdiGateway.Edi.Specs;

namespace EdiGateway.Edi.Validation;

/// <summary>The fast path of the element checks. It decides only that a segment has nothing to report (every value
/// passes its <see cref="ElementCheck"/>, mandatory elements are there, no syntax note is broken, no trailing
/// separator); any other segment is checked again in full by <see cref="ValidateElements"/>, which builds the
/// messages, so what is reported never depends on this file.</summary>
internal sealed partial class SetValidation
{
    /// <summary>True when <paramref name="s"/> holds only printable ASCII and neither the component nor the repetition
    /// separator, so each element is a plain value ended by the element separator.</summary>
    private bool IsClean(ReadOnlySpan<byte> s)
    {
        var element = _d.Element;
        if (element is < 0x20 or > 0x7E || s.IndexOfAnyExceptInRange((byte)0x20, (byte)0x7E) >= 0) return false;
        return (_d.HasRepetition ? s.IndexOfAny(_d.Component, _d.Repetition) : s.IndexOf(_d.Component)) < 0;
    }

    /// <summary>True when the clean segment <paramref name="span"/> passes every element check of <paramref name="plan"/>.</summary>
    private bool FastElements(ReadOnlySpan<byte> span, int idLength, SegmentPlan plan)
    {
        if (!plan.Usable) return false;
        var checks = plan.Checks;
        var sep = _d.Element;
        ulong present = 0;
        var starts = _starts;
        var n = _startCount;
        if (idLength < span.Length)
        {
            var position = 0;
            var start = idLength + 1;
            while (true)
            {
                position++;
                starts[n++] = start;
                var end = start;
                while (end < span.Length && span[end] != sep) end++;
                var length = end - start;
                if (length > 0)
                {
                    if (position > checks.Length || !checks[position - 1].Accepts(span.Slice(start, length))) return false;
                    present |= 1UL << position;
                }
                if (end >= span.Length)
                {
                    if (length == 0 && _options.WarnOnTrailingSeparators) return false;
                    break;
                }
                start = end + 1;
            }
        }
        if ((present & plan.Mandatory) != plan.Mandatory) return false;
        foreach (var m in plan.Masks)
            if (m.Violated(present)) return false;
        starts[n++] = span.Length + 1;
        _startCount = n;
        return true;
    }
}
