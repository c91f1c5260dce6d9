namespace EdiGateway.Transports.Mime;

/// <summary>Splits a multipart body into its parts' exact bytes (RFC 2046 §5.1.1: the CRLF before a delimiter is not content).</summary>
public static class MimeMultipart
{
    /// <summary>Returns the raw bytes of each body part, or an error value when the boundary is missing or never closed.</summary>
    public static bool TrySplit(MimeEntity entity, out IReadOnlyList<ReadOnlyMemory<byte>> parts, out string error)
    {
        var boundary = entity.ContentType["boundary"];
        parts = [];
        if (string.IsNullOrEmpty(boundary))
        {
            error = "multipart entity has no boundary parameter";
            return false;
        }

        var body = entity.Body;
        var delimiter = System.Text.Encoding.ASCII.GetBytes("--" + boundary);
        var list = new List<ReadOnlyMemory<byte>>();
        var pos = FindDelimiter(body.Span, delimiter, 0);
        if (pos < 0)
        {
            error = "multipart boundary not found";
            return false;
        }

        while (true)
        {
            var afterDelimiter = pos + delimiter.Length;
            var span = body.Span;
            if (span[afterDelimiter..].StartsWith("--"u8))
            {
                break;
            }

            var lineEnd = span[afterDelimiter..].IndexOf((byte)'\n');
            if (lineEnd < 0)
            {
                error = "multipart delimiter line not terminated";
                return false;
            }

            var partStart = afterDelimiter + lineEnd + 1;
            var next = FindDelimiter(span, delimiter, partStart);
            if (next < 0)
            {
                error = "multipart closing delimiter not found";
                return false;
            }

            var partEnd = next;
            if (partEnd > partStart && span[partEnd - 1] == (byte)'\n')
            {
                partEnd--;
                if (partEnd > partStart && span[partEnd - 1] == (byte)'\r')
                {
                    partEnd--;
                }
            }

            list.Add(body[partStart..Math.Max(partStart, partEnd)]);
            pos = next;
        }

        parts = list;
        error = string.Empty;
        return true;
    }

    private static int FindDelimiter(ReadOnlySpan<byte> span, byte[] delimiter, int from)
    {
        var start = from;
        while (start <= span.Length - delimiter.Length)
        {
            var idx = span[start..].IndexOf(delimiter);
            if (idx < 0)
            {
                return -1;
            }

            var at = start + idx;
            if (at == 0 || span[at - 1] == (byte)'\n')
            {
                return at;
            }

            start = at + 1;
        }

        return -1;
    }
}
