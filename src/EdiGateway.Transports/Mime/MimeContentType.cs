using System.Collections.Immutable;
using System.Text;

namespace EdiGateway.Transports.Mime;

/// <summary>A parsed Content-Type: lower-case media type and case-insensitive parameters (quoted or bare).</summary>
public sealed record MimeContentType(string MediaType, ImmutableDictionary<string, string> Parameters)
{
    /// <summary>Returns a parameter value, or null.</summary>
    public string? this[string name] => Parameters.TryGetValue(name, out var v) ? v : null;

    /// <summary>True for multipart/signed.</summary>
    public bool IsMultipartSigned => MediaType == "multipart/signed";

    /// <summary>Parses a header value tolerantly; a missing media type becomes text/plain.</summary>
    public static MimeContentType Parse(string? value)
    {
        var parts = SplitParameters(value ?? string.Empty);
        var media = parts.Count > 0 ? parts[0].Trim().ToLowerInvariant() : string.Empty;
        if (media.Length == 0)
        {
            media = "text/plain";
        }

        var builder = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var p in parts.Skip(1))
        {
            var eq = p.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                continue;
            }

            var name = p[..eq].Trim();
            var raw = p[(eq + 1)..].Trim();
            builder[name] = Unquote(raw);
        }

        return new MimeContentType(media, builder.ToImmutable());
    }

    /// <summary>Removes one pair of double quotes and backslash escapes.</summary>
    public static string Unquote(string raw)
    {
        if (raw.Length < 2 || raw[0] != '"' || raw[^1] != '"')
        {
            return raw;
        }

        var sb = new StringBuilder(raw.Length);
        for (var i = 1; i < raw.Length - 1; i++)
        {
            if (raw[i] == '\\' && i + 1 < raw.Length - 1)
            {
                i++;
            }

            sb.Append(raw[i]);
        }

        return sb.ToString();
    }

    /// <summary>Quotes a value, escaping backslash and double quote.</summary>
    public static string Quote(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static List<string> SplitParameters(string value)
    {
        var result = new List<string>();
        var sb = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '"' && (i == 0 || value[i - 1] != '\\'))
            {
                quoted = !quoted;
            }

            if (c == ';' && !quoted)
            {
                result.Add(sb.ToString());
                sb.Clear();
                continue;
            }

            sb.Append(c);
        }

        if (sb.ToString().Trim().Length > 0)
        {
            result.Add(sb.ToString());
        }

        return result;
    }
}
