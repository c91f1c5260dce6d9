using System.Globalization;
using System.Text;
using EdiGateway.Edi.Errors;
using EdiGateway.Edi.Specs;

namespace EdiGateway.Edi.Validation;

/// <summary>Element checks: presence, repetitions, composites, data types, lengths, codes, syntax notes.</summary>
internal sealed partial class SetValidation
{
    private static readonly string[] LineSegments = ["PO1", "IT1", "LIN", "W01", "W12", "LX", "ACK", "SN1", "RMR", "CTP"];

    private EffectiveNode? _currentNode;

    private void ValidateElements(int index, ReadOnlySpan<byte> span, int idLength, EffectiveSegment def, EffectiveNode node)
    {
        _currentNode = node;
        var defs = def.Elements;
        Span<bool> present = defs.Length <= 256 ? stackalloc bool[defs.Length + 1] : new bool[defs.Length + 1];
        ulong presentBits = 0;
        var special = SpecialBytesHere;
        var rest = idLength < span.Length ? span[(idLength + 1)..] : default;
        var hasMore = idLength < span.Length;
        var position = 0;
        var tooMany = false;
        var lastNonEmpty = 0;
        while (hasMore)
        {
            position++;
            // Fast path: the first byte that is a separator, control character or non-ASCII is the element separator
            // (or there is none), so the value is plain ASCII. Otherwise one scalar pass finds the element end and notes
            // separators, control characters and the character count.
            var k = special.IndexIn(rest);
            var flags = 0;
            int chars;
            if (k < 0) chars = rest.Length;
            else if (rest[k] == _d.Element) chars = k;
            else
            {
                k = -1;
                chars = 0;
                for (var b = 0; b < rest.Length; b++)
                {
                    var c = rest[b];
                    if (c == _d.Element) { k = b; break; }
                    if (c < 0x20 || c == 0x7F) flags |= 1;
                    else if (c == _d.Component || (c == _d.Repetition && _d.HasRepetition)) flags |= 2;
                    if ((c & 0xC0) != 0x80) chars++;
                }
            }
            var value = k < 0 ? rest : rest[..k];
            hasMore = k >= 0;
            rest = k < 0 ? default : rest[(k + 1)..];
            if (value.IsEmpty) continue;
            lastNonEmpty = position;
            if (position > defs.Length)
            {
                if (!tooMany && defs.Length > 0 || defs.Length == 0 && !tooMany)
                    Element(index, position, null, null, null, "TooManyElements", "3", "3",
                        $"{Where(index)} has data in element {Ref(position)} but {def.Id} has only {defs.Length} elements", Str(value));
                tooMany = true;
                continue;
            }
            var ed = defs[position - 1];
            present[position] = true;
            if (position < 64) presentBits |= 1UL << position;
            if (ed.NotUsed)
                Element(index, position, null, null, ed, "ElementNotUsed", "10", "I10",
                    $"{Where(index)}, element {Ref(position)} {Lower(ed.Name)} is not used by {_schema.PartnerName} but holds '{Str(value)}'", Str(value));
            if ((flags & 2) == 0 && !ed.IsComposite)
            {
                // Fast accept for the common cases (plain AN in range, ID in range and listed); anything else, errors
                // included, goes through ValidateSimple, which builds the messages.
                if (flags == 0 && chars >= ed.Min && chars <= ed.Max)
                {
                    if (ed.Type == X12DataType.AN && ed.GuideCodes is null) continue;
                    if (ed.Type == X12DataType.ID && (ed.GuideCodes is { } g ? g.Contains(value) : ed.Codes is not { } std || std.Contains(value))) continue;
                }
                ValidateSimple(index, position, null, null, value, ed, (flags & 1) == 0 ? chars : -1);
                continue;
            }
            if (_d.HasRepetition && value.IndexOf(_d.Repetition) >= 0)
            {
                if (ed.Repeat <= 1)
                {
                    Element(index, position, null, null, ed, "RepetitionNotAllowed", "12", "12",
                        $"{Where(index)}, element {Ref(position)} {Lower(ed.Name)} '{Str(value)}' contains '{(char)_d.Repetition}', which ISA11 declares as the repetition separator, but the element does not repeat (data/separator clash: the sender probably meant it as data)", Str(value));
                    continue;
                }
                var rep = 0;
                foreach (var r in value.Split(_d.Repetition))
                {
                    rep++;
                    var rv = value[r];
                    if (rep > ed.Repeat)
                    {
                        Element(index, position, null, rep, ed, "TooManyRepetitions", "12", "12",
                            $"{Where(index)}, element {Ref(position)} repeats {rep} times; at most {ed.Repeat} allowed", Str(value));
                        break;
                    }
                    if (!rv.IsEmpty) ValidateValue(index, position, rep, rv, ed);
                }
                continue;
            }
            ValidateValue(index, position, null, value, ed);
        }
        if (_options.WarnOnTrailingSeparators && position > lastNonEmpty && position > 0)
            Element(index, position, null, null, null, "TrailingSeparator", "3", "3",
                $"{Where(index)} ends with an empty element (a trailing '{(char)_d.Element}' separator)", null, X12Severity.Warning);
        for (var p = 1; p <= defs.Length; p++)
        {
            var ed = defs[p - 1];
            if (ed.Req == 'M' && !present[p])
                Element(index, p, null, null, ed, "MandatoryElementMissing", "1", "1",
                    $"{Where(index)}, mandatory element {Ref(p)} {Lower(ed.Name)} is missing");
        }
        CheckSyntax(index, def.Syntax, def.SyntaxMasks, present, presentBits, null);
    }

    private void ValidateValue(int index, int position, int? rep, ReadOnlySpan<byte> value, EffectiveElement ed)
    {
        if (ed.IsComposite)
        {
            ValidateComposite(index, position, rep, value, ed);
            return;
        }
        if (value.IndexOf(_d.Component) >= 0)
        {
            Element(index, position, null, rep, ed, "InvalidCharacter", "6", "6",
                $"{Where(index)}, element {Ref(position)} {Lower(ed.Name)} '{Str(value)}' contains the component separator '{(char)_d.Component}' but is not a composite", Str(value));
            return;
        }
        ValidateSimple(index, position, null, rep, value, ed);
    }

    private void ValidateComposite(int index, int position, int? rep, ReadOnlySpan<byte> value, EffectiveElement ed)
    {
        var comps = ed.Components;
        Span<bool> present = stackalloc bool[comps.Length + 1];
        var c = 0;
        foreach (var r in value.Split(_d.Component))
        {
            c++;
            var cv = value[r];
            if (c > comps.Length)
            {
                if (!cv.IsEmpty)
                {
                    Element(index, position, c, rep, ed, "TooManyComponents", "13", "13",
                        $"{Where(index)}, composite {Ref(position)} {Lower(ed.Name)} has data in component {c} but defines {comps.Length}", Str(value));
                    break;
                }
                continue;
            }
            if (cv.IsEmpty) continue;
            present[c] = true;
            ValidateSimple(index, position, c, rep, cv, comps[c - 1]);
        }
        for (var k = 1; k <= comps.Length; k++)
            if (comps[k - 1].Req == 'M' && !present[k])
                Element(index, position, k, rep, comps[k - 1], "MandatoryElementMissing", "1", "1",
                    $"{Where(index)}, composite {Ref(position)} is missing its mandatory component {k} {Lower(comps[k - 1].Name)}");
        CheckSyntax(index, ed.CompositeSyntax, ed.CompositeSyntaxMasks, present, PresentBits(present), position);
    }

    /// <param name="cleanChars">Character count when the caller already scanned the value and found no control characters; -1 otherwise.</param>
    private void ValidateSimple(int index, int position, int? component, int? rep, ReadOnlySpan<byte> v, EffectiveElement ed, int cleanChars = -1)
    {
        if (cleanChars < 0)
        {
            foreach (var b in v)
            {
                if (b < 0x20 || b == 0x7F)
                {
                    Element(index, position, component, rep, ed, "InvalidCharacter", "6", "6",
                        $"{Where(index)}, element {Ref(position, component)} {Lower(ed.Name)} contains the control character 0x{b:X2}", Str(v));
                    return;
                }
            }
        }
        int length;
        switch (ed.Type)
        {
            case X12DataType.N:
            case X12DataType.R:
                if (!CountDigits(v, ed.Type == X12DataType.R, out length))
                {
                    Element(index, position, component, rep, ed, "InvalidNumber", "6", "6",
                        $"{Where(index)}, element {Ref(position, component)} {Lower(ed.Name)} '{Str(v)}' is not a valid {(ed.Type == X12DataType.R ? "decimal number" : "whole number (" + "N" + ed.Decimals.ToString(CultureInfo.InvariantCulture) + ", implied decimals)")}", Str(v));
                    return;
                }
                break;
            case X12DataType.DT:
                length = v.Length;
                if (!IsDate(v))
                {
                    Element(index, position, component, rep, ed, "InvalidDate", "8", "8",
                        $"{Where(index)}, element {Ref(position, component)} {Lower(ed.Name)} '{Str(v)}' is not a valid date (CCYYMMDD or YYMMDD)", Str(v));
                    return;
                }
                break;
            case X12DataType.TM:
                length = v.Length;
                if (!IsTime(v))
                {
                    Element(index, position, component, rep, ed, "InvalidTime", "9", "9",
                        $"{Where(index)}, element {Ref(position, component)} {Lower(ed.Name)} '{Str(v)}' is not a valid time (HHMM[SS[d..]])", Str(v));
                    return;
                }
                break;
            default:
                length = cleanChars >= 0 ? cleanChars : CharCount(v);
                break;
        }
        if (length < ed.Min || length > ed.Max)
        {
            var shortBy = length < ed.Min;
            var source = ed.GuideLength ? $"{_schema.PartnerName} allows" : "the standard allows";
            Element(index, position, component, rep, ed, shortBy ? "ElementTooShort" : "ElementTooLong", shortBy ? "4" : "5", shortBy ? "4" : "5",
                $"{Where(index)}, element {Ref(position, component)} {Lower(ed.Name)} '{Str(v)}' is {length} {(ed.Type is X12DataType.N or X12DataType.R ? "digits" : "characters")} long; {source} {ed.Min} to {ed.Max}", Str(v));
            return;
        }
        if (ed.GuideCodes is not null)
        {
            // A guide's list wins: a listed code is allowed even where the standard list lacks it (partner extension).
            if (!ed.GuideCodes.Contains(v))
            {
                var inStandard = ed.Codes is null || ed.Codes.Contains(v);
                Element(index, position, component, rep, ed, inStandard ? "CodeNotUsed" : "InvalidCode", "7", inStandard ? "I6" : "7",
                    $"{Where(index)}, element {Ref(position, component)} {Lower(ed.Name)} '{Str(v)}' is not in {_schema.PartnerName}'s list ({ed.GuideCodes.Describe(ed.GuideCodeOrder)})", Str(v));
            }
        }
        else if (ed.Type == X12DataType.ID && ed.Codes is not null && !ed.Codes.Contains(v))
        {
            if (ed.PartialCodes)
            {
                // edi-specs holds only the codes partners use here, so an unlisted code may still be valid X12: note it, accept it.
                Element(index, position, component, rep, ed, "CodeNotInPartialList", "7", "7",
                    $"{Where(index)}, element {Ref(position, component)} {Lower(ed.Name)} '{Str(v)}' is not in the standard's partial list ({ed.Codes.Describe()}); accepted",
                    Str(v), X12Severity.Warning);
                return;
            }
            Element(index, position, component, rep, ed, "InvalidCode", "7", "7",
                $"{Where(index)}, element {Ref(position, component)} {Lower(ed.Name)} '{Str(v)}' is not a valid code ({ed.Codes.Describe()})", Str(v));
        }
    }

    private void Element(int index, int position, int? component, int? rep, EffectiveElement? ed, string code, string ak403, string ik403,
        string message, string? bad = null, X12Severity severity = X12Severity.Error)
    {
        var pos = _set.Position(index) with
        {
            LoopId = _currentNode?.LoopId ?? (_currentNode?.Parent?.Id),
            ElementPosition = position,
            ComponentPosition = component,
            RepetitionPosition = rep,
            ElementReference = ed?.Ref is { Length: > 0 } r && !r.StartsWith('C') ? r : null,
        };
        if (_currentNode is { IsLoop: false, Parent: { } parent } cn && parent.Children.Length > 0 && parent.Children[0] == cn)
            pos = pos with { LoopId = parent.Id };
        _errors.Add(X12Errors.Element(pos, code, ak403, ik403, message, bad, severity));
    }

    private string Where(int index)
    {
        var id = _currentNode?.Id ?? _set[index].Id;
        var occurrence = Occurrence(id, index);
        var word = Array.IndexOf(LineSegments, id) >= 0 ? "line" : "#";
        var occ = word == "#" ? "#" + occurrence.ToString(CultureInfo.InvariantCulture) : "line " + occurrence.ToString(CultureInfo.InvariantCulture);
        return occurrence == 1 && word == "#" ? $"{id} (segment {index + 1})" : $"{id} {occ} (segment {index + 1})";
    }

    private string Ref(int position, int? component = null)
    {
        var id = _currentNode?.Id ?? "";
        return component is int c
            ? string.Create(CultureInfo.InvariantCulture, $"{id}{position:00}-{c}")
            : string.Create(CultureInfo.InvariantCulture, $"{id}{position:00}");
    }

    private static string Lower(string name) => name.Length == 0 ? "" : name.ToLowerInvariant();

    private static string Str(ReadOnlySpan<byte> v) => Encoding.UTF8.GetString(v.Length > 99 ? v[..99] : v);

    private static bool IsDigits(ReadOnlySpan<byte> v)
    {
        foreach (var b in v) if (b is < (byte)'0' or > (byte)'9') return false;
        return !v.IsEmpty;
    }

    /// <summary>Counts the digits of an N or R value (no sign, no point); false when the value is not a number.</summary>
    internal static bool CountDigits(ReadOnlySpan<byte> v, bool allowPoint, out int digits)
    {
        digits = 0;
        var i = 0;
        if (v.Length > 0 && v[0] == (byte)'-') i = 1;
        var points = 0;
        for (; i < v.Length; i++)
        {
            var b = v[i];
            if (b is >= (byte)'0' and <= (byte)'9') digits++;
            else if (b == (byte)'.' && allowPoint && ++points == 1) { }
            else return false;
        }
        return digits > 0;
    }

    private static int CharCount(ReadOnlySpan<byte> v)
    {
        var n = 0;
        foreach (var b in v) if ((b & 0xC0) != 0x80) n++;
        return n;
    }

    private static int Num(ReadOnlySpan<byte> v, int at, int len)
    {
        var n = 0;
        for (var i = at; i < at + len; i++) n = n * 10 + (v[i] - '0');
        return n;
    }

    /// <summary>A DT value: digits, CCYYMMDD or YYMMDD, a real date.</summary>
    internal static bool IsDate(ReadOnlySpan<byte> v) => IsDigits(v) && ValidDate(v);

    /// <summary>A TM value: digits, HHMM[SS[d..]], a real time.</summary>
    internal static bool IsTime(ReadOnlySpan<byte> v) => IsDigits(v) && ValidTime(v);

    private static bool ValidDate(ReadOnlySpan<byte> v)
    {
        int y, m, d;
        if (v.Length == 8) { y = Num(v, 0, 4); m = Num(v, 4, 2); d = Num(v, 6, 2); }
        else if (v.Length == 6) { y = 2000 + Num(v, 0, 2); m = Num(v, 2, 2); d = Num(v, 4, 2); }
        else return false;
        return y >= 1 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m);
    }

    private static bool ValidTime(ReadOnlySpan<byte> v)
    {
        if (v.Length is not (4 or 6 or 7 or 8)) return false;
        if (Num(v, 0, 2) > 23 || Num(v, 2, 2) > 59) return false;
        return v.Length < 6 || Num(v, 4, 2) <= 59;
    }
}
