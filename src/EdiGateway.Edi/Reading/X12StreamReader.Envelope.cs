using System.Buffers;
using System.Collections.Immutable;
using EdiGateway.Edi.Errors;

namespace EdiGateway.Edi.Reading;

/// <summary>GS/GE, ST/SE and IEA handling: counts, control numbers, recovery at the next envelope segment.</summary>
internal sealed partial class X12StreamReader
{
    private X12GroupHeader? _gs;
    private int _setCount;
    private readonly HashSet<string> _setNumbers = new(StringComparer.Ordinal);

    private byte[] _setBuf;
    private int _setLen;
    private int[] _starts = new int[64];
    private long[] _offs = new long[64];
    private int _segCount;
    private string _stId = "";
    private string _stControl = "";
    private string? _st03;
    private long _stFileOrdinal;
    private readonly List<X12Error> _setErrors = [];

    private bool _indentReported;

    private enum Kind { Other, Isa, Iea, Gs, Ge, St, Se }

    private static Kind KindOf(ReadOnlySpan<byte> id) => id.Length switch
    {
        2 when id[0] == (byte)'S' && id[1] == (byte)'T' => Kind.St,
        2 when id[0] == (byte)'S' && id[1] == (byte)'E' => Kind.Se,
        2 when id[0] == (byte)'G' && id[1] == (byte)'S' => Kind.Gs,
        2 when id[0] == (byte)'G' && id[1] == (byte)'E' => Kind.Ge,
        3 when id.SequenceEqual("IEA"u8) => Kind.Iea,
        3 when id.SequenceEqual("ISA"u8) => Kind.Isa,
        _ => Kind.Other,
    };

    private void HandleSegment(int start, int length, long offset, bool terminated)
    {
        _segInFile++;
        var seg = _buf.AsSpan(start, length);
        if (seg.Length > 0 && seg[0] is (byte)' ' or (byte)'\t')
        {
            if (!_indentReported)
            {
                _indentReported = true;
                AddInterchangeError(X12Errors.Interchange(FilePosition(offset, null), "IndentedSegment", "024",
                    $"Segment at file segment {_segInFile} (byte {offset}) starts with whitespace; X12 allows no indentation " +
                    "(reported once per interchange; the rest is read with the whitespace removed so later errors are still found)"));
            }
            var trimmed = seg.TrimStart(" \t\r\n"u8);
            start += seg.Length - trimmed.Length;
            offset += seg.Length - trimmed.Length;
            length = trimmed.Length;
            seg = trimmed;
        }
        var e = seg.IndexOf(_delims.Element);
        var id = e < 0 ? seg : seg[..e];
        var kind = KindOf(id);
        if (!terminated)
        {
            var tooLong = length > _options.MaxSegmentBytes;
            var err = X12Errors.Interchange(FilePosition(offset, Text(id[..Math.Min(id.Length, 10)])),
                tooLong ? "SegmentTooLong" : "MissingTerminator", tooLong ? "024" : "023",
                tooLong ? $"No segment terminator {Printable(_delims.Segment)} within {_options.MaxSegmentBytes} bytes from byte {offset}"
                        : $"The data ends inside a segment at byte {offset}: no segment terminator {Printable(_delims.Segment)} after '{Text(seg[..Math.Min(seg.Length, 20)])}'");
            if (kind == Kind.Iea && !tooLong) err = err with { Severity = X12Severity.Warning };
            AddInterchangeError(err);
            if (tooLong)
            {
                CloseAll(offset, "the segment could not be delimited");
                return;
            }
        }
        if (kind == Kind.Isa)
        {
            // A new interchange begins: close what is open and re-read these bytes as an ISA.
            CloseAll(offset, "another ISA begins");
            _segInFile--;
            _pos = start;
            return;
        }
        switch (_state)
        {
            case State.Set:
                if (kind == Kind.Other || kind == Kind.Se) AppendSegment(seg, offset);
                if (kind == Kind.Se)
                {
                    CloseSet(seg, true);
                    _state = State.Group;
                    return;
                }
                if (kind == Kind.Other) return;
                CloseSet(default, false);
                _state = State.Group;
                HandleEnvelope(kind, seg, id, offset);
                return;
            default:
                HandleEnvelope(kind, seg, id, offset);
                return;
        }
    }

    private void HandleEnvelope(Kind kind, ReadOnlySpan<byte> seg, ReadOnlySpan<byte> id, long offset)
    {
        switch (kind)
        {
            case Kind.St when _state == State.Group:
                OpenSet(seg, offset);
                return;
            case Kind.Ge when _state == State.Group:
                CloseGroup(seg, true);
                _state = State.Interchange;
                return;
            case Kind.Gs:
                if (_state == State.Group) CloseGroup(default, false);
                OpenGroup(seg, offset);
                return;
            case Kind.Iea:
                if (_state == State.Group) CloseGroup(default, false);
                CloseInterchange(seg, true);
                return;
        }
        if (_state == State.Interchange && id.SequenceEqual("TA1"u8))
        {
            Emit(new X12Ta1Read(_isa!, SplitElements(seg, _delims.Element)));
            return;
        }
        if (_skipToEnvelope) return;
        var name = Text(id[..Math.Min(id.Length, 10)]);
        var where = _state == State.Group ? "between transaction sets (after an SE, before the next ST or GE)" : "outside a functional group (after the ISA or a GE, before a GS or IEA)";
        var hint = kind switch
        {
            Kind.St => "; the GS is missing",
            Kind.Se => "; its ST is missing",
            Kind.Ge => "; there is no open group",
            _ when name.Length > 0 && (name[0] == ' ' || name[0] == '\t') => "; the segment is indented (whitespace is not allowed before a segment id)",
            _ => "",
        };
        AddInterchangeError(X12Errors.Interchange(FilePosition(offset, name), "SegmentOutOfEnvelope", "024",
            $"Segment '{name}' at file segment {_segInFile} is {where}{hint}", Text(seg[..Math.Min(seg.Length, 40)])));
        if (kind == Kind.St) _skipToEnvelope = true;
    }

    private void AddInterchangeError(X12Error error)
    {
        if (_isa is null) Emit(new X12StrayData(error));
        else _isaErrors.Add(error);
    }

    private void OpenGroup(ReadOnlySpan<byte> seg, long offset)
    {
        _skipToEnvelope = false;
        _groupCount++;
        var elements = SplitElements(seg, _delims.Element);
        _gs = new X12GroupHeader { Index = _groupCount, Elements = elements };
        _state = State.Group;
        _setCount = 0;
        _setNumbers.Clear();
        var errors = new List<X12Error>();
        var pos = FilePosition(offset, "GS");
        if (elements.Length != 8)
            AddInterchangeError(X12Errors.Interchange(pos, "GsElementCount", "024",
                $"GS has {elements.Length} elements; it must have 8 (GS01-GS08), so its fields cannot be trusted"));
        var gs06 = _gs.ControlNumber;
        if (gs06.Length is < 1 or > 9 || !gs06.All(char.IsAsciiDigit))
            errors.Add(X12Errors.Group(pos with { ElementPosition = 6 }, "InvalidGroupControlNumber", "6",
                $"GS06 group control number '{gs06}' must be 1 to 9 digits"));
        else if (!_groupNumbers.Add(gs06))
            errors.Add(X12Errors.Group(pos with { ElementPosition = 6 }, "DuplicateGroupControlNumber", "19",
                $"GS06 group control number '{gs06}' is used by an earlier group in this interchange"));
        if (_gs.Version.Length == 0)
            errors.Add(X12Errors.Group(pos with { ElementPosition = 8 }, "MissingGroupVersion", "2", "GS08 version/release is empty"));
        if (_gs.Date.Length != 8 || !_gs.Date.All(char.IsAsciiDigit))
            errors.Add(new X12Error(X12ErrorLevel.Group, "GroupDateFormat", $"GS04 date '{_gs.Date}' is not CCYYMMDD",
                pos with { ElementPosition = 4 }, new X12AckCodes(), X12Severity.Warning, _gs.Date));
        _gsErrors.Clear();
        _gsErrors.AddRange(errors);
        Emit(new X12GroupStarted(_isa!, _gs, [.. errors]));
    }

    private readonly List<X12Error> _gsErrors = [];

    private void CloseGroup(ReadOnlySpan<byte> ge, bool hasTrailer)
    {
        var pos = FilePosition(0, "GE") with { ByteOffset = null, GroupControlNumber = _gs!.ControlNumber };
        var errors = new List<X12Error>();
        int? declared = null;
        string[] trailer = [];
        if (!hasTrailer)
        {
            errors.Add(X12Errors.Group(pos with { SegmentId = "GS" }, "MissingGroupTrailer", "3",
                $"Group {_gs.ControlNumber} has no GE before the next envelope segment or the end of the data"));
        }
        else
        {
            trailer = SplitElements(ge, _delims.Element);
            var ge01 = trailer.Length > 0 ? trailer[0] : "";
            var ge02 = trailer.Length > 1 ? trailer[1] : "";
            if (int.TryParse(ge01, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)) declared = n;
            if (declared != _setCount)
                errors.Add(X12Errors.Group(pos with { ElementPosition = 1 }, "GroupSetCountMismatch", "5",
                    $"GE01 says {ge01} transaction sets but group {_gs.ControlNumber} holds {_setCount}"));
            if (ge02 != _gs.ControlNumber)
                errors.Add(X12Errors.Group(pos with { ElementPosition = 2 }, "GroupControlNumberMismatch", "4",
                    $"GE02 group control number '{ge02}' does not match GS06 '{_gs.ControlNumber}'"));
        }
        Emit(new X12GroupEnded(_isa!, _gs, declared, _setCount, [.. errors], trailer));
        _state = State.Interchange;
    }

    private void CloseInterchange(ReadOnlySpan<byte> iea, bool hasTrailer)
    {
        var isa = _isa!;
        var pos = FilePosition(0, "IEA") with { ByteOffset = null };
        var errors = new List<X12Error>(_isaErrors);
        int? declared = null;
        string[] trailer = [];
        if (!hasTrailer)
        {
            errors.Add(X12Errors.Interchange(pos, "MissingInterchangeTrailer", "023",
                $"Interchange {isa.ControlNumber} has no IEA before the next ISA or the end of the data"));
        }
        else
        {
            trailer = SplitElements(iea, _delims.Element);
            var iea01 = trailer.Length > 0 ? trailer[0] : "";
            var iea02 = trailer.Length > 1 ? trailer[1] : "";
            if (int.TryParse(iea01, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)) declared = n;
            if (declared != _groupCount)
                errors.Add(X12Errors.Interchange(pos with { ElementPosition = 1 }, "InterchangeGroupCountMismatch", "021",
                    $"IEA01 says {iea01} functional groups but interchange {isa.ControlNumber} holds {_groupCount}", iea01));
            if (iea02 != isa.ControlNumber)
                errors.Add(X12Errors.Interchange(pos with { ElementPosition = 2 }, "InterchangeControlNumberMismatch", "001",
                    $"IEA02 interchange control number '{iea02}' does not match ISA13 '{isa.ControlNumber}'", iea02));
        }
        Emit(new X12InterchangeEnded(isa, declared, _groupCount, [.. errors], trailer));
        _isaErrors.Clear();
        _isa = null;
        _gs = null;
        _state = State.Outside;
        _skipToEnvelope = false;
    }

    private void CloseAll(long offset, string reason)
    {
        _ = offset;
        _ = reason;
        if (_state == State.Set) CloseSet(default, false);
        if (_state == State.Group) CloseGroup(default, false);
        if (_state == State.Interchange) CloseInterchange(default, false);
        _state = State.Outside;
    }

    private void EndOfFile()
    {
        if (_state != State.Outside) CloseAll(_bufOffset + _end, "the data ends");
    }

    private void OpenSet(ReadOnlySpan<byte> seg, long offset)
    {
        _setLen = 0;
        _segCount = 0;
        _setErrors.Clear();
        _setCount++;
        // ST01 and ST03 repeat from set to set: reuse the previous strings when the bytes are the same.
        var sep = _delims.Element;
        var rest = NextElement(seg, sep);
        var st01 = TakeElement(ref rest, sep);
        var st02 = TakeElement(ref rest, sep);
        var st03 = TakeElement(ref rest, sep);
        _stId = Reuse(ref _lastStId, st01);
        _stControl = Text(st02);
        _st03 = st03.IsEmpty ? null : Reuse(ref _lastSt03, st03);
        _stFileOrdinal = _segInFile;
        _state = State.Set;
        AppendSegment(seg, offset);
        var pos = SetPosition(0) with { SegmentId = "ST" };
        if (_stId.Length != 3 || !_stId.All(char.IsAsciiDigit))
            _setErrors.Add(X12Errors.Set(pos with { ElementPosition = 1 }, "InvalidSetIdentifier", "6",
                $"ST01 transaction set identifier '{_stId}' must be three digits"));
        if (_stControl.Length is < 4 or > 9)
            _setErrors.Add(X12Errors.Set(pos with { ElementPosition = 2 }, "InvalidSetControlNumber", "7",
                $"ST02 transaction set control number '{_stControl}' is {_stControl.Length} characters; it must be 4 to 9"));
        else if (!_setNumbers.Add(_stControl))
            _setErrors.Add(X12Errors.Set(pos with { ElementPosition = 2 }, "DuplicateSetControlNumber", "23",
                $"ST02 transaction set control number '{_stControl}' is used by an earlier set in group {_gs!.ControlNumber}"));
    }

    private string? _lastStId;
    private string? _lastSt03;

    /// <summary>The bytes after the segment id's separator (empty when the segment has no elements).</summary>
    private static ReadOnlySpan<byte> NextElement(ReadOnlySpan<byte> seg, byte sep)
    {
        var i = seg.IndexOf(sep);
        return i >= 0 ? seg[(i + 1)..] : default;
    }

    /// <summary>The next element of <paramref name="rest"/> (as <see cref="SplitElements"/> would cut it, empty past the
    /// last), advancing past it.</summary>
    private static ReadOnlySpan<byte> TakeElement(ref ReadOnlySpan<byte> rest, byte sep)
    {
        var j = rest.IndexOf(sep);
        var e = j >= 0 ? rest[..j] : rest;
        rest = j >= 0 ? rest[(j + 1)..] : default;
        return e;
    }

    /// <summary>True when <paramref name="bytes"/> are ASCII and spell <paramref name="s"/> exactly.</summary>
    private static bool AsciiEquals(ReadOnlySpan<byte> bytes, string s)
    {
        if (bytes.Length != s.Length) return false;
        for (var i = 0; i < bytes.Length; i++)
            if (bytes[i] >= 0x80 || bytes[i] != s[i]) return false;
        return true;
    }

    private static string Reuse(ref string? last, ReadOnlySpan<byte> bytes)
    {
        if (last is not null && AsciiEquals(bytes, last)) return last;
        return last = Text(bytes);
    }

    private X12Position SetPosition(int index) => new()
    {
        InterchangeIndex = _interchangeIndex,
        InterchangeControlNumber = _isa?.ControlNumber,
        GroupControlNumber = _gs?.ControlNumber,
        SetId = _stId,
        SetControlNumber = _stControl,
        SegmentInSet = index + 1,
        SegmentInFile = _stFileOrdinal + index,
    };

    private void AppendSegment(ReadOnlySpan<byte> seg, long offset)
    {
        if (_setLen + seg.Length > _setBuf.Length)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(_setBuf.Length * 2, _setLen + seg.Length));
            Buffer.BlockCopy(_setBuf, 0, bigger, 0, _setLen);
            ArrayPool<byte>.Shared.Return(_setBuf);
            _setBuf = bigger;
        }
        if (_segCount == _starts.Length)
        {
            Array.Resize(ref _starts, _segCount * 2);
            Array.Resize(ref _offs, _segCount * 2);
        }
        seg.CopyTo(_setBuf.AsSpan(_setLen));
        _starts[_segCount] = _setLen;
        _offs[_segCount] = offset;
        _segCount++;
        _setLen += seg.Length;
    }

    private void CloseSet(ReadOnlySpan<byte> se, bool hasTrailer)
    {
        if (!hasTrailer)
        {
            _setErrors.Add(X12Errors.Set(SetPosition(_segCount - 1) with { SegmentId = "ST", SegmentInSet = 1, SegmentInFile = _stFileOrdinal },
                "MissingSetTrailer", "2", $"Transaction set {_stId} {_stControl} has no SE before the next envelope segment or the end of the data"));
        }
        else
        {
            var sep = _delims.Element;
            var rest = NextElement(se, sep);
            var se01 = TakeElement(ref rest, sep);
            var se02 = TakeElement(ref rest, sep);
            if (!int.TryParse(se01, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) || n != _segCount)
                _setErrors.Add(X12Errors.Set(SetPosition(_segCount - 1) with { SegmentId = "SE", ElementPosition = 1 }, "SegmentCountMismatch", "4",
                    $"SE01 says {Text(se01)} segments but transaction set {_stId} {_stControl} has {_segCount} (ST and SE included)"));
            if (!AsciiEquals(se02, _stControl) && Text(se02) != _stControl)
                _setErrors.Add(X12Errors.Set(SetPosition(_segCount - 1) with { SegmentId = "SE", ElementPosition = 2 }, "SetControlNumberMismatch", "3",
                    $"SE02 control number '{Text(se02)}' does not match ST02 '{_stControl}'"));
        }
        var data = _setBuf.AsSpan(0, _setLen).ToArray();
        var index = new int[2 * _segCount + 1];
        _starts.AsSpan(0, _segCount).CopyTo(index);
        index[_segCount] = _setLen;
        var baseOffset = _segCount > 0 ? _offs[0] : 0;
        long[]? bigOffsets = null;
        for (var k = 0; k < _segCount; k++)
        {
            var rel = _offs[k] - baseOffset;
            if (rel > int.MaxValue)
            {
                bigOffsets = _offs[.._segCount];
                break;
            }
            index[_segCount + 1 + k] = (int)rel;
        }
        var set = new X12RawSet(data, index, baseOffset, bigOffsets, _segCount)
        {
            Interchange = _isa!,
            Group = _gs!,
            SetId = _stId,
            ControlNumber = _stControl,
            ImplementationReference = _st03,
            IndexInGroup = _setCount,
            FirstSegmentInFile = _stFileOrdinal,
            HasTrailer = hasTrailer,
            EnvelopeErrors = _setErrors.Count == 0 ? ImmutableArray<X12Error>.Empty : [.. _setErrors],
        };
        Emit(new X12SetRead(set));
        _state = State.Group;
    }
}
