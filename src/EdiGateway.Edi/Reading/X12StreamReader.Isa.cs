using System.Collections.Immutable;
using System.Globalization;
using EdiGateway.Edi.Errors;

namespace EdiGateway.Edi.Reading;

/// <summary>Finding and reading the ISA: delimiters, fixed field lengths and values.</summary>
internal sealed partial class X12StreamReader
{
    private static readonly int[] IsaLengths = [2, 10, 2, 10, 2, 15, 2, 15, 6, 4, 1, 5, 9, 1, 1, 1];
    private static readonly string[] IsaTa1Codes =
        ["010", "011", "012", "013", "005", "006", "007", "008", "014", "015", "016", "017", "018", "019", "020", "027"];
    private static readonly string[] IsaNames =
    [
        "authorization information qualifier", "authorization information", "security information qualifier",
        "security information", "interchange sender ID qualifier", "interchange sender ID",
        "interchange receiver ID qualifier", "interchange receiver ID", "interchange date", "interchange time",
        "repetition separator / standards identifier", "interchange control version number", "interchange control number",
        "acknowledgment requested", "usage indicator", "component element separator",
    ];

    private X12Delimiters _delims = new(0, 0, (byte)'~', 0);
    private X12InterchangeHeader? _isa;
    private readonly List<X12Error> _isaErrors = [];
    private int _groupCount;
    private readonly HashSet<string> _groupNumbers = new(StringComparer.Ordinal);

    /// <summary>Outside an interchange: skips BOM and line breaks, reports anything else, reads the next ISA.</summary>
    private bool ScanForIsa()
    {
        Ensure(3);
        if (_pos >= _end) return false;
        if (_atFileStart)
        {
            _atFileStart = false;
            if (_end - _pos >= 3 && _buf[_pos] == 0xEF && _buf[_pos + 1] == 0xBB && _buf[_pos + 2] == 0xBF) _pos += 3;
        }
        while (true)
        {
            if (_pos >= _end && !ReadMore()) return false;
            var b = _buf[_pos];
            if (IsLineBreak(b) || (_options.AllowIndentation && b is (byte)' ' or (byte)'\t')) _pos++;
            else break;
        }
        Ensure(4);
        var rest = _buf.AsSpan(_pos, _end - _pos);
        if (rest.Length >= 4 && rest.StartsWith("ISA"u8) && !IsAlnum(rest[3]))
        {
            _strayOpen = false;
            ParseIsa();
            return true;
        }
        // Stray bytes: report once per run, then look for the next ISA.
        if (!_strayOpen && !_skipToEnvelope)
        {
            var sample = Text(rest[..Math.Min(rest.Length, 20)]);
            Emit(new X12StrayData(X12Errors.Interchange(new X12Position { InterchangeIndex = _interchangeIndex, ByteOffset = _bufOffset + _pos },
                "DataOutsideInterchange", "022",
                $"Unexpected data outside any interchange at byte {_bufOffset + _pos} ('{sample}'); expected an ISA segment", sample)));
        }
        _strayOpen = true;
        while (true)
        {
            var span = _buf.AsSpan(_pos + 1, _end - _pos - 1);
            var k = span.IndexOf("ISA"u8);
            if (k >= 0)
            {
                _pos = _pos + 1 + k;
                return true;
            }
            _pos = Math.Max(_pos, _end - 3);
            if (!ReadMore())
            {
                _pos = _end;
                return false;
            }
        }
    }

    private void ParseIsa()
    {
        Ensure(512);
        var span = _buf.AsSpan(_pos, Math.Min(_end - _pos, 512));
        var start = _pos;
        var offset = _bufOffset + _pos;
        var sep = span[3];
        _interchangeIndex++;
        _segInFile++;
        var pos0 = new X12Position { InterchangeIndex = _interchangeIndex, SegmentInFile = _segInFile, ByteOffset = offset, SegmentId = "ISA" };
        var fields = new string[16];
        var lengths = new int[16];
        var idx = 4;
        for (var f = 0; f < 15; f++)
        {
            var k = idx < span.Length ? span[idx..].IndexOf(sep) : -1;
            if (k < 0 || k > 200)
            {
                FailIsa(pos0, "IsaTruncated", "023", $"ISA at byte {offset} has only {f + 1} of 16 elements before the data ends or runs on; the interchange cannot be read");
                return;
            }
            fields[f] = Text(span.Slice(idx, k));
            lengths[f] = k;
            idx += k + 1;
        }
        if (idx + 1 >= span.Length)
        {
            FailIsa(pos0, "IsaTruncated", "023", $"ISA at byte {offset} ends before ISA16 and the segment terminator");
            return;
        }
        var component = span[idx];
        var term = span[idx + 1];
        fields[15] = ((char)component).ToString();
        lengths[15] = 1;
        var raw = Text(span[..(idx + 1)]);
        var isa13 = fields[12];
        pos0 = pos0 with { InterchangeControlNumber = isa13 };

        var errors = new List<X12Error>();
        if (term >= 0x80 || IsAlnum(term) || term == (byte)' ' || term == sep || term == component)
        {
            FailIsa(pos0 with { ElementPosition = 16 }, "InvalidSegmentTerminator", "004",
                $"ISA segment terminator (the byte after ISA16) is {Printable(term)}; it must be a single ASCII character that is not a letter, digit, space or another separator" +
                (term >= 0x80 ? " (a multi-byte UTF-8 character cannot be a terminator)" : ""), fields);
            return;
        }
        if (IsAlnum(sep) || sep == (byte)' ')
        {
            FailIsa(pos0, "InvalidElementSeparator", "026", $"ISA element separator {Printable(sep)} is a letter, digit or space", fields);
            return;
        }
        if (IsAlnum(component) || component == (byte)' ' || component == sep)
        {
            FailIsa(pos0 with { ElementPosition = 16 }, "InvalidComponentSeparator", "027",
                $"ISA16 component element separator {Printable(component)} is a letter, digit, space or equals the element separator", fields);
            return;
        }

        for (var f = 0; f < 16; f++)
        {
            if (lengths[f] != IsaLengths[f])
            {
                var chars = fields[f].Length;
                var note = chars != lengths[f] ? $" ({chars} characters; it contains non-ASCII bytes)" : "";
                errors.Add(X12Errors.Interchange(pos0 with { ElementPosition = f + 1 }, "IsaFieldLength", IsaTa1Codes[f],
                    $"ISA{f + 1:00} {IsaNames[f]} is {lengths[f]} bytes{note}; ISA fields are fixed width and ISA{f + 1:00} must be exactly {IsaLengths[f]}", fields[f]));
            }
        }
        CheckIsaValues(fields, pos0, errors);

        var version = fields[11];
        byte rep = 0;
        var isa11 = fields[10];
        if (!_options.IgnoreRepetitionSeparator && isa11.Length == 1 && string.CompareOrdinal(version, "00402") >= 0
            && !IsAlnum((byte)isa11[0]) && isa11[0] != ' ' && isa11[0] < 0x80)
        {
            rep = (byte)isa11[0];
            if (rep == sep || rep == component || rep == term)
            {
                errors.Add(X12Errors.Interchange(pos0 with { ElementPosition = 11 }, "InvalidRepetitionSeparator", "016",
                    $"ISA11 repetition separator {Printable(rep)} equals another separator", isa11));
                rep = 0;
            }
        }
        _delims = new X12Delimiters(sep, component, term, rep);
        _isa = new X12InterchangeHeader
        {
            Index = _interchangeIndex,
            Elements = fields,
            Delimiters = _delims,
            ByteOffset = offset,
            Raw = raw,
        };
        _pos = start + idx + 2;
        _isaErrors.Clear();
        _indentReported = false;
        _groupCount = 0;
        _groupNumbers.Clear();
        _state = State.Interchange;
        _skipToEnvelope = false;
        Emit(new X12InterchangeStarted(_isa, [.. errors]));
    }

    private static void CheckIsaValues(string[] f, X12Position pos, List<X12Error> errors)
    {
        void Bad(int n, string code, string why) =>
            errors.Add(X12Errors.Interchange(pos with { ElementPosition = n }, "IsaFieldValue", code, $"ISA{n:00} {IsaNames[n - 1]} '{f[n - 1]}' {why}", f[n - 1]));

        if (f[0] is not ("00" or "01" or "02" or "03" or "04" or "05" or "06")) Bad(1, "010", "is not a valid qualifier (00-06)");
        if (f[2] is not ("00" or "01")) Bad(3, "012", "is not a valid qualifier (00 or 01)");
        if (f[4].Length != 2 || f[4].Contains(' ', StringComparison.Ordinal)) Bad(5, "005", "must be a two-character qualifier");
        if (f[6].Length != 2 || f[6].Contains(' ', StringComparison.Ordinal)) Bad(7, "007", "must be a two-character qualifier");
        if (string.IsNullOrWhiteSpace(f[5])) Bad(6, "006", "is blank");
        if (string.IsNullOrWhiteSpace(f[7])) Bad(8, "008", "is blank");
        if (!DateTime.TryParseExact(f[8], "yyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)) Bad(9, "014", "is not a valid YYMMDD date");
        if (!DateTime.TryParseExact(f[9], "HHmm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)) Bad(10, "015", "is not a valid HHMM time");
        if (f[11].Length != 5 || !f[11].All(char.IsAsciiDigit)) Bad(12, "017", "must be five digits (e.g. 00401, 00501)");
        if (f[12].Length != 9 || !f[12].All(char.IsAsciiDigit)) Bad(13, "018", "must be nine digits");
        if (f[13] is not ("0" or "1")) Bad(14, "019", "must be 0 or 1");
        if (f[14] is not ("P" or "T" or "I")) Bad(15, "020", "must be P, T or I");
        if (string.CompareOrdinal(f[11], "00402") < 0 && f[10] != "U" && f[11].Length == 5)
            Bad(11, "016", "must be U (interchange control standards identifier) before version 00402");
    }

    /// <summary>An ISA that cannot be read: report it as a rejected interchange and skip to the next ISA.</summary>
    private void FailIsa(X12Position pos, string code, string ta1, string message, string[]? fields = null)
    {
        var error = X12Errors.Interchange(pos, code, ta1, message);
        var all = fields ?? new string[16];
        for (var i = 0; i < 16; i++) all[i] ??= "";
        var header = new X12InterchangeHeader
        {
            Index = _interchangeIndex,
            Elements = all,
            Delimiters = new X12Delimiters(_buf[_pos + 3], (byte)'>', (byte)'~', 0),
            ByteOffset = pos.ByteOffset ?? 0,
            Raw = "",
        };
        Emit(new X12InterchangeStarted(header, [error]));
        Emit(new X12InterchangeEnded(header, null, 0, [], []));
        _isa = null;
        _state = State.Outside;
        _skipToEnvelope = true;
        _strayOpen = true;
        _pos += 3;
    }
}
