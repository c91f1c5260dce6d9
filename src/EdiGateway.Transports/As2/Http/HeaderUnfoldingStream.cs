using System.Globalization;
using System.Text;

namespace EdiGateway.Transports.As2.Http;

/// <summary>
/// Read side of an HTTP/1.1 connection that unfolds obs-folded header lines (CRLF followed by SP/HTAB becomes one SP)
/// in each request's header block, so Kestrel accepts legacy AS2 senders (R7). Bodies pass through unchanged: framed
/// by Content-Length; after a chunked request the rest of the connection passes through untouched.
/// </summary>
internal sealed class HeaderUnfoldingStream(Stream inner) : Stream
{
    private const int MaxHeaderBytes = 64 * 1024;
    private readonly MemoryStream _header = new();
    private byte[] _pending = [];
    private int _pendingOffset;
    private long _bodyRemaining;
    private bool _passthrough;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException("The unfolding stream is read-only and forward-only.");

    public override long Position { get => throw new NotSupportedException("The unfolding stream is read-only and forward-only."); set => throw new NotSupportedException("The unfolding stream is read-only and forward-only."); }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            if (_pendingOffset < _pending.Length)
            {
                var n = Math.Min(buffer.Length, _pending.Length - _pendingOffset);
                _pending.AsMemory(_pendingOffset, n).CopyTo(buffer);
                _pendingOffset += n;
                return n;
            }

            if (_passthrough)
            {
                return await inner.ReadAsync(buffer, cancellationToken);
            }

            var chunk = new byte[8192];
            var read = await inner.ReadAsync(chunk, cancellationToken);
            if (read == 0)
            {
                if (_header.Length == 0)
                {
                    return 0;
                }

                Emit(_header.ToArray());
                _header.SetLength(0);
                continue;
            }

            Consume(chunk.AsSpan(0, read));
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException("The unfolding stream is read-only and forward-only.");

    public override void SetLength(long value) => throw new NotSupportedException("The unfolding stream is read-only and forward-only.");

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("The unfolding stream is read-only and forward-only.");

    private void Consume(ReadOnlySpan<byte> data)
    {
        var output = new MemoryStream();
        while (data.Length > 0)
        {
            if (_passthrough)
            {
                output.Write(data);
                break;
            }

            if (_bodyRemaining > 0)
            {
                var n = (int)Math.Min(_bodyRemaining, data.Length);
                output.Write(data[..n]);
                _bodyRemaining -= n;
                data = data[n..];
                continue;
            }

            _header.Write(data);
            data = [];
            var buffered = _header.GetBuffer().AsSpan(0, (int)_header.Length);
            var end = buffered.IndexOf("\r\n\r\n"u8);
            if (end < 0)
            {
                if (_header.Length > MaxHeaderBytes)
                {
                    _passthrough = true;
                    output.Write(buffered);
                    _header.SetLength(0);
                }

                break;
            }

            var block = buffered[..(end + 4)].ToArray();
            var rest = buffered[(end + 4)..].ToArray();
            _header.SetLength(0);
            var unfolded = Unfold(block);
            output.Write(unfolded);
            Frame(unfolded);
            data = rest;
        }

        Emit(output.ToArray());
    }

    private void Frame(byte[] headerBlock)
    {
        var text = Encoding.Latin1.GetString(headerBlock);
        foreach (var line in text.Split("\r\n"))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            var name = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase) && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var len))
            {
                _bodyRemaining = len;
            }
            else if (name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
            {
                _passthrough = true;
            }
        }
    }

    private static byte[] Unfold(byte[] block)
    {
        var result = new List<byte>(block.Length);
        for (var i = 0; i < block.Length; i++)
        {
            if (block[i] == (byte)'\r' && i + 2 < block.Length - 2 && block[i + 1] == (byte)'\n' && (block[i + 2] == (byte)' ' || block[i + 2] == (byte)'\t'))
            {
                result.Add((byte)' ');
                i += 2;
                while (i + 1 < block.Length && (block[i + 1] == (byte)' ' || block[i + 1] == (byte)'\t'))
                {
                    i++;
                }

                continue;
            }

            result.Add(block[i]);
        }

        return [.. result];
    }

    private void Emit(byte[] data)
    {
        var remaining = _pending.Length - _pendingOffset;
        if (remaining > 0)
        {
            _pending = [.. _pending.AsSpan(_pendingOffset), .. data];
        }
        else
        {
            _pending = data;
        }

        _pendingOffset = 0;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _header.Dispose();
        }

        base.Dispose(disposing);
    }
}
