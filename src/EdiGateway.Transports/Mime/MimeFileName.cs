using System.Text;
using System.Text.RegularExpressions;

namespace EdiGateway.Transports.Mime;

/// <summary>Reads a file name from Content-Disposition (RFC 2231 <c>filename*</c>, RFC 2047 words) and makes it safe (R15).</summary>
public static partial class MimeFileName
{
    /// <summary>The sanitised file name from a Content-Disposition value, or null when none is given.</summary>
    public static string? FromContentDisposition(string? contentDisposition)
    {
        if (string.IsNullOrWhiteSpace(contentDisposition))
        {
            return null;
        }

        var cd = MimeContentType.Parse(contentDisposition);
        string? name = null;
        if (cd["filename*"] is { } ext)
        {
            var tick = ext.IndexOf("''", StringComparison.Ordinal);
            name = Uri.UnescapeDataString(tick >= 0 ? ext[(tick + 2)..] : ext);
        }

        name ??= cd["filename"] ?? cd["name"];
        return name is null ? null : Sanitise(DecodeEncodedWords(name));
    }

    /// <summary>Strips directories and "..", replaces reserved and control characters; empty results give null.</summary>
    public static string? Sanitise(string name)
    {
        var slash = Math.Max(name.LastIndexOf('/'), name.LastIndexOf('\\'));
        if (slash >= 0)
        {
            name = name[(slash + 1)..];
        }

        var sb = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            sb.Append(char.IsControl(c) || "<>:\"|?*".Contains(c, StringComparison.Ordinal) ? '_' : c);
        }

        var result = sb.ToString().Replace("..", "_", StringComparison.Ordinal).Trim().TrimStart('.');
        return result.Length == 0 ? null : result;
    }

    private static string DecodeEncodedWords(string value) =>
        EncodedWord().Replace(value, m =>
        {
            try
            {
                var charset = Encoding.GetEncoding(m.Groups[1].Value);
                var text = m.Groups[3].Value;
                if (m.Groups[2].Value.Equals("B", StringComparison.OrdinalIgnoreCase))
                {
                    return charset.GetString(Convert.FromBase64String(text));
                }

                var bytes = new List<byte>();
                for (var i = 0; i < text.Length; i++)
                {
                    if (text[i] == '=' && i + 2 < text.Length)
                    {
                        bytes.Add(Convert.ToByte(text.Substring(i + 1, 2), 16));
                        i += 2;
                    }
                    else
                    {
                        bytes.Add(text[i] == '_' ? (byte)' ' : (byte)text[i]);
                    }
                }

                return charset.GetString([.. bytes]);
            }
            catch (Exception ex) when (ex is ArgumentException or FormatException)
            {
                return m.Value;
            }
        });

    [GeneratedRegex(@"=\?([^?]+)\?([BbQq])\?([^?]*)\?=", RegexOptions.CultureInvariant)]
    private static partial Regex EncodedWord();
}
