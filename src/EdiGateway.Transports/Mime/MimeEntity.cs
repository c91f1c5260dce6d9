using System.Text;

namespace EdiGateway.Transports.Mime;

/// <summary>
/// A MIME entity over the original bytes: parsed (unfolded) headers plus the raw buffer, so signatures and MICs are
/// computed on exactly what was received (R3, R8).
/// </summary>
public sealed class MimeEntity
{
    internal MimeEntity(IReadOnlyList<MimeHeader> headers, ReadOnlyMemory<byte> raw, int bodyOffset)
    {
        Headers = headers;
        Raw = raw;
        BodyOffset = bodyOffset;
        ContentType = MimeContentType.Parse(this["Content-Type"]);
    }

    /// <summary>The headers in order.</summary>
    public IReadOnlyList<MimeHeader> Headers { get; }

    /// <summary>The whole entity as received: headers, blank line, body.</summary>
    public ReadOnlyMemory<byte> Raw { get; }

    /// <summary>Offset of the body in <see cref="Raw"/>.</summary>
    public int BodyOffset { get; }

    /// <summary>The body bytes, still transfer-encoded.</summary>
    public ReadOnlyMemory<byte> Body => Raw[BodyOffset..];

    /// <summary>The parsed Content-Type (text/plain when absent).</summary>
    public MimeContentType ContentType { get; }

    /// <summary>The first header with this name (case-insensitive), or null.</summary>
    public string? this[string name] => Headers.FirstOrDefault(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase))?.Value;

    /// <summary>The body with its Content-Transfer-Encoding removed (base64 decoded; binary, 7bit, 8bit unchanged).</summary>
    public bool TryDecodeBody(out byte[] decoded)
    {
        var cte = this["Content-Transfer-Encoding"]?.Trim().ToLowerInvariant();
        if (cte == "base64")
        {
            try
            {
                decoded = Convert.FromBase64String(Encoding.ASCII.GetString(Body.Span));
                return true;
            }
            catch (FormatException)
            {
                decoded = [];
                return false;
            }
        }

        decoded = Body.ToArray();
        return true;
    }

    /// <summary>Parses headers and finds the body; an entity without a blank line after its headers is an error value.</summary>
    public static bool TryParse(ReadOnlyMemory<byte> raw, out MimeEntity entity, out string error)
    {
        var span = raw.Span;
        int headerEnd;
        int bodyStart;
        if (span.StartsWith("\r\n"u8))
        {
            headerEnd = 0;
            bodyStart = 2;
        }
        else if (span.Length > 0 && span[0] == (byte)'\n')
        {
            headerEnd = 0;
            bodyStart = 1;
        }
        else
        {
            var crlf = span.IndexOf("\r\n\r\n"u8);
            var lf = span.IndexOf("\n\n"u8);
            if (crlf < 0 && lf < 0)
            {
                entity = null!;
                error = "MIME entity has no blank line after its headers";
                return false;
            }

            if (crlf >= 0 && (lf < 0 || crlf < lf))
            {
                headerEnd = crlf;
                bodyStart = crlf + 4;
            }
            else
            {
                headerEnd = lf;
                bodyStart = lf + 2;
            }
        }

        var headers = ParseHeaders(Encoding.Latin1.GetString(span[..headerEnd]));
        entity = new MimeEntity(headers, raw, bodyStart);
        error = string.Empty;
        return true;
    }

    /// <summary>Parses an unfolded header block ("Name: value" lines; folded continuation lines joined with one space).</summary>
    public static IReadOnlyList<MimeHeader> ParseHeaders(string block)
    {
        var headers = new List<MimeHeader>();
        string? name = null;
        var value = new StringBuilder();
        foreach (var rawLine in block.Split('\n'))
        {
            var line = rawLine.TrimEnd('\r');
            if (line.Length == 0)
            {
                continue;
            }

            if ((line[0] == ' ' || line[0] == '\t') && name is not null)
            {
                value.Append(' ').Append(line.Trim());
                continue;
            }

            if (name is not null)
            {
                headers.Add(new MimeHeader(name, value.ToString().Trim()));
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                name = null;
                value.Clear();
                continue;
            }

            name = line[..colon].Trim();
            value.Clear().Append(line[(colon + 1)..]);
        }

        if (name is not null)
        {
            headers.Add(new MimeHeader(name, value.ToString().Trim()));
        }

        return headers;
    }
}
