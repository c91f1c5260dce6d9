using EdiGateway.Transports.Mime;

namespace EdiGateway.Transports.As2;

/// <summary>AS2-From / AS2-To quoting (RFC 4130 §6.2): quote when needed on output, strip one pair on input.</summary>
public static class As2Name
{
    /// <summary>The header value to send: bare, or quoted when it contains a space, quote or backslash.</summary>
    public static string Format(string name) =>
        name.AsSpan().IndexOfAny(" \"\\") >= 0 ? MimeContentType.Quote(name) : name;

    /// <summary>The name as received, with one pair of quotes removed and escapes undone; compare it case-sensitively.</summary>
    public static string Parse(string? value) => MimeContentType.Unquote((value ?? string.Empty).Trim());
}
