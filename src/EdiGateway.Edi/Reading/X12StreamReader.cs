using System.Buffers;
using System.Collections.Immutable;
using System.Text;
using EdiGateway.Edi.Errors;

namespace EdiGateway.Edi.Reading;

/// <summary>The byte scanner and envelope state machine behind <see cref="X12Reader"/>.</summary>
internal sealed partial class X12StreamReader : IDisposable
{
    private enum State { Outside, Interchange, Group, Set }

    private readonly Stream _stream;
    private readonly X12ReaderOptions _options;
    private readonly Queue<X12ReadItem> _out = new();
    private byte[] _buf;
    private int _pos;
    private int _end;
    private long _bufOffset;
    private bool _eof;
    private bool _atFileStart = true;
    private long _nextProgress;

    private State _state;
    private long _segInFile;
    private int _interchangeIndex;
    private bool _skipToEnvelope;
    private bool _strayOpen;

    public X12StreamReader(Stream stream, X12ReaderOptions options)
    {
        _stream = stream;
        _options = options;
        _buf = ArrayPool<byte>.Shared.Rent(Math.Max(4096, options.BufferSize));
        _setBuf = ArrayPool<byte>.Shared.Rent(8192);
        _nextProgress = options.ProgressIntervalBytes;
    }

    public void Dispose()
    {
        if (_buf.Length > 0) ArrayPool<byte>.Shared.Return(_buf);
        if (_setBuf.Length > 0) ArrayPool<byte>.Shared.Return(_setBuf);
        _buf = [];
        _setBuf = [];
    }

    public IEnumerable<X12ReadItem> ReadItems()
    {
        while (true)
        {
            while (_out.Count > 0) yield return _out.Dequeue();
            if (!Step()) break;
        }
        EndOfFile();
        while (_out.Count > 0) yield return _out.Dequeue();
        _options.Progress?.Invoke(_bufOffset + _end);
    }

    private bool Step()
    {
        ReportProgress();
        if (_state == State.Outside) return ScanForIsa();
        if (_state == State.Set) ReadSetBody();
        if (!ReadSegment(out var start, out var length, out var offset, out var terminated)) return false;
        HandleSegment(start, length, offset, terminated);
        return true;
    }

    private void ReportProgress()
    {
        if (_options.Progress is null) return;
        var done = _bufOffset + _pos;
        if (done < _nextProgress) return;
        _nextProgress = done + _options.ProgressIntervalBytes;
        _options.Progress(done);
    }

    /// <summary>Moves unread bytes to the buffer start, grows it when full, and reads more. False at end of stream.</summary>
    private bool ReadMore()
    {
        if (_eof) return false;
        if (_pos > 0)
        {
            Buffer.BlockCopy(_buf, _pos, _buf, 0, _end - _pos);
            _bufOffset += _pos;
            _end -= _pos;
            _pos = 0;
        }
        if (_end == _buf.Length)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(_buf.Length * 2);
            Buffer.BlockCopy(_buf, 0, bigger, 0, _end);
            ArrayPool<byte>.Shared.Return(_buf);
            _buf = bigger;
        }
        var n = _stream.Read(_buf, _end, _buf.Length - _end);
        if (n <= 0)
        {
            _eof = true;
            return false;
        }
        _end += n;
        return true;
    }

    /// <summary>Ensures at least <paramref name="count"/> unread bytes are buffered unless the stream ends first.</summary>
    private void Ensure(int count)
    {
        while (_end - _pos < count && ReadMore())
        {
        }
    }

    private static bool IsLineBreak(byte b) => b is (byte)'\r' or (byte)'\n';

    private bool ReadSegment(out int start, out int length, out long offset, out bool terminated)
    {
        var term = _delims.Segment;
        start = length = 0;
        offset = 0;
        terminated = false;
        while (true)
        {
            if (_pos >= _end && !ReadMore()) return false;
            var b = _buf[_pos];
            if ((IsLineBreak(b) && b != term) || (_options.AllowIndentation && b is (byte)' ' or (byte)'\t'))
            {
                _pos++;
                continue;
            }
            if (b == term && IsLineBreak(term))
            {
                _pos++;
                continue; // blank line when the terminator is itself a line break
            }
            break;
        }
        var scanned = 0;
        while (true)
        {
            var idx = _buf.AsSpan(_pos + scanned, _end - _pos - scanned).IndexOf(term);
            if (idx >= 0)
            {
                start = _pos;
                length = scanned + idx;
                _pos = start + length + 1;
                terminated = true;
                break;
            }
            scanned = _end - _pos;
            if (scanned > _options.MaxSegmentBytes)
            {
                start = _pos;
                length = scanned;
                _pos = _end;
                terminated = false;
                break;
            }
            if (!ReadMore())
            {
                start = _pos;
                length = _end - _pos;
                _pos = _end;
                terminated = false;
                break;
            }
        }
        if (term == (byte)'\n' && length > 0 && _buf[start + length - 1] == (byte)'\r') length--;
        offset = _bufOffset + start;
        return true;
    }

    /// <summary>
    /// Inside a set, takes the ordinary segments that are whole in the buffer straight into the set (what
    /// <see cref="ReadSegment"/> and <see cref="HandleSegment"/> would do for them, without their per-segment
    /// checks). Stops before anything else (an envelope segment, a blank or indented line, a segment that runs past
    /// the buffer), which the general path then reads.
    /// </summary>
    private void ReadSetBody()
    {
        var term = _delims.Segment;
        if (IsLineBreak(term)) return;
        var sep = _delims.Element;
        var buf = _buf;
        var pos = _pos;
        var end = _end;
        while (true)
        {
            while (pos < end && IsLineBreak(buf[pos])) pos++;
            if (pos >= end) break;
            var first = buf[pos];
            if (first == term || first is (byte)' ' or (byte)'\t') break;
            var length = buf.AsSpan(pos, end - pos).IndexOf(term);
            if (length < 0) break;
            var seg = buf.AsSpan(pos, length);
            if (first is (byte)'S' or (byte)'G' or (byte)'I')
            {
                var e = seg.IndexOf(sep);
                if (KindOf(e < 0 ? seg : seg[..e]) != Kind.Other) break;
            }
            _segInFile++;
            AppendSegment(seg, _bufOffset + pos);
            pos += length + 1;
        }
        _pos = pos;
    }

    private static bool IsAlnum(byte b) => b is >= (byte)'0' and <= (byte)'9' or >= (byte)'A' and <= (byte)'Z' or >= (byte)'a' and <= (byte)'z';

    private static string Text(ReadOnlySpan<byte> s) => Encoding.UTF8.GetString(s);

    private static string Printable(byte b) => b switch
    {
        (byte)'\r' => "CR",
        (byte)'\n' => "LF",
        (byte)' ' => "space",
        < 0x20 or >= 0x7F => $"0x{b:X2}",
        _ => $"'{(char)b}'",
    };

    private static string[] SplitElements(ReadOnlySpan<byte> segment, byte sep)
    {
        var count = segment.Count(sep);
        var result = new string[count];
        var i = segment.IndexOf(sep);
        if (i < 0) return result;
        var rest = segment[(i + 1)..];
        for (var k = 0; k < count; k++)
        {
            var j = rest.IndexOf(sep);
            var e = j < 0 ? rest : rest[..j];
            result[k] = Text(e);
            rest = j < 0 ? default : rest[(j + 1)..];
        }
        return result;
    }

    private void Emit(X12ReadItem item) => _out.Enqueue(item);

    private X12Position FilePosition(long offset, string? segmentId) => new()
    {
        InterchangeIndex = _interchangeIndex,
        InterchangeControlNumber = _isa?.ControlNumber,
        GroupControlNumber = _state >= State.Group ? _gs?.ControlNumber : null,
        SegmentInFile = _segInFile,
        ByteOffset = offset,
        SegmentId = segmentId,
    };
}
