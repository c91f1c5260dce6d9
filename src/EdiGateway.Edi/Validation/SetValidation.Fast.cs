using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
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

    /// <summary>Bit k of word k / 64 set when byte k of the set's data is the element separator, for every segment
    /// at once (vector compares, 64 bytes a step), so finding where an element ends is a trailing-zero count.</summary>
    private ulong[] _separators = [];

    private void MarkSeparators(ReadOnlySpan<byte> data)
    {
        var words = (data.Length + 63) >> 6;
        var bits = _separators;
        var sep = _d.Element;
        ref var first = ref MemoryMarshal.GetReference(data);
        var i = 0;
        var w = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var s = Vector256.Create(sep);
            for (; i + 64 <= data.Length; i += 64, w++)
            {
                ulong lo = Vector256.Equals(Vector256.LoadUnsafe(ref first, (nuint)i), s).ExtractMostSignificantBits();
                ulong hi = Vector256.Equals(Vector256.LoadUnsafe(ref first, (nuint)(i + 32)), s).ExtractMostSignificantBits();
                bits[w] = lo | (hi << 32);
            }
        }
        else if (Vector128.IsHardwareAccelerated)
        {
            var s = Vector128.Create(sep);
            for (; i + 64 <= data.Length; i += 64, w++)
            {
                ulong word = 0;
                for (var q = 0; q < 4; q++)
                    word |= (ulong)Vector128.Equals(Vector128.LoadUnsafe(ref first, (nuint)(i + 16 * q)), s).ExtractMostSignificantBits() << (16 * q);
                bits[w] = word;
            }
        }
        for (; w < words; w++, i += 64)
        {
            ulong word = 0;
            var end = Math.Min(data.Length, i + 64);
            for (var k = i; k < end; k++)
                if (data[k] == sep) word |= 1UL << (k - i);
            bits[w] = word;
        }
    }

    /// <summary>Offset in the set's data of the first element separator at or after <paramref name="from"/>, or
    /// <paramref name="end"/> when there is none before it.</summary>
    private int NextSeparator(int from, int end)
    {
        if (from >= end) return end;
        var bits = _separators;
        var w = from >> 6;
        var word = bits[w] & (ulong.MaxValue << (from & 63));
        while (word == 0)
        {
            if (++w << 6 >= end) return end;
            word = bits[w];
        }
        var at = (w << 6) + BitOperations.TrailingZeroCount(word);
        return at < end ? at : end;
    }

    /// <summary>True when the clean segment <paramref name="index"/> passes every element check of <paramref name="plan"/>,
    /// and then its elements are indexed.</summary>
    private bool FastElements(int index, ReadOnlySpan<byte> span, int idLength, SegmentPlan plan)
    {
        if (!plan.Usable) return false;
        var checks = plan.Checks;
        ulong present = 0;
        var starts = _starts;
        var n = _startCount;
        if (idLength < span.Length)
        {
            var at = _set.SegmentStart(index);
            var stop = at + span.Length;
            var position = 0;
            var start = idLength + 1;
            while (true)
            {
                position++;
                starts[n++] = start;
                var end = NextSeparator(at + start, stop) - at;
                var length = end - start;
                if (length > 0)
                {
                    if (position > checks.Length) return false;
                    ref readonly var c = ref checks[position - 1];
                    if (c.Kind == ElementCheckKind.Text)
                    {
                        if (length < c.Min || length > c.Max || (c.Codes is { } codes && !codes.Contains(span.Slice(start, length)))) return false;
                    }
                    else if (!c.Accepts(span.Slice(start, length))) return false;
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
