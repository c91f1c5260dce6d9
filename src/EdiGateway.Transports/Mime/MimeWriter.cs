using System.Security.Cryptography;
using System.Text;

namespace EdiGateway.Transports.Mime;

/// <summary>Writes MIME entities with literal CRLF line ends (R1), never folding headers (R7).</summary>
public static class MimeWriter
{
    private static readonly byte[] Crlf = "\r\n"u8.ToArray();

    /// <summary>Writes headers, a blank line and the body.</summary>
    public static byte[] Entity(IEnumerable<MimeHeader> headers, ReadOnlySpan<byte> body)
    {
        using var ms = new MemoryStream(body.Length + 256);
        WriteHeaders(ms, headers);
        ms.Write(Crlf);
        ms.Write(body);
        return ms.ToArray();
    }

    /// <summary>Writes a multipart body: each part's bytes between delimiters, closed with --boundary-- and no epilogue (R17).</summary>
    public static byte[] MultipartBody(string boundary, IEnumerable<byte[]> parts)
    {
        using var ms = new MemoryStream();
        var delimiter = Encoding.ASCII.GetBytes("--" + boundary);
        foreach (var part in parts)
        {
            ms.Write(delimiter);
            ms.Write(Crlf);
            ms.Write(part);
            ms.Write(Crlf);
        }

        ms.Write(delimiter);
        ms.Write("--\r\n"u8);
        return ms.ToArray();
    }

    /// <summary>Base64 in 76-character lines with CRLF (R5).</summary>
    public static byte[] Base64Lines(ReadOnlySpan<byte> data) =>
        Encoding.ASCII.GetBytes(Convert.ToBase64String(data, Base64FormattingOptions.InsertLineBreaks));

    /// <summary>A fresh boundary: unique, short, safe to quote.</summary>
    public static string NewBoundary(string prefix) =>
        prefix + "-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));

    private static void WriteHeaders(Stream s, IEnumerable<MimeHeader> headers)
    {
        foreach (var h in headers)
        {
            s.Write(Encoding.ASCII.GetBytes(h.Name));
            s.Write(": "u8);
            s.Write(Encoding.ASCII.GetBytes(h.Value));
            s.Write(Crlf);
        }
    }
}
