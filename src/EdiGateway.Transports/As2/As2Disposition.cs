using System.Text.RegularExpressions;

namespace EdiGateway.Transports.As2;

/// <summary>
/// An MDN Disposition field (RFC 4130 §7.4.3): <c>automatic-action/MDN-sent-automatically; processed[/Error: x]</c>.
/// </summary>
public sealed partial record As2Disposition(string Type, string? ModifierKind, string? ModifierText)
{
    public const string AuthenticationFailed = "authentication-failed";
    public const string DecryptionFailed = "decryption-failed";
    public const string IntegrityCheckFailed = "integrity-check-failed";
    public const string UnexpectedProcessingError = "unexpected-processing-error";
    public const string InsufficientMessageSecurity = "insufficient-message-security";
    public const string DecompressionFailed = "decompression-failed";
    public const string DuplicateDocument = "duplicate-document";

    /// <summary>The success disposition.</summary>
    public static As2Disposition Processed { get; } = new("processed", null, null);

    /// <summary>processed/Error: text.</summary>
    public static As2Disposition Error(string text) => new("processed", "error", text);

    /// <summary>processed/Warning: text.</summary>
    public static As2Disposition Warning(string text) => new("processed", "warning", text);

    /// <summary>failed/Failure: text.</summary>
    public static As2Disposition Failure(string text) => new("failed", "failure", text);

    /// <summary>True for processed with no modifier or only a warning.</summary>
    public bool IsSuccess => Type == "processed" && ModifierKind is null or "warning";

    /// <summary>True for processed/Error or failed.</summary>
    public bool IsError => !IsSuccess;

    /// <summary>The field value as we write it.</summary>
    public override string ToString()
    {
        var value = "automatic-action/MDN-sent-automatically; " + Type;
        if (ModifierKind is null)
        {
            return value;
        }

        var kind = char.ToUpperInvariant(ModifierKind[0]) + ModifierKind[1..];
        return value + "/" + kind + ": " + ModifierText;
    }

    /// <summary>Parses any case, optional spaces, legacy forms and libas2's <c>failed/failure=text</c>; null when unreadable.</summary>
    public static As2Disposition? TryParse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var semi = value.IndexOf(';', StringComparison.Ordinal);
        var rest = (semi >= 0 ? value[(semi + 1)..] : value).Trim();
        var m = DispositionRegex().Match(rest);
        if (!m.Success)
        {
            return null;
        }

        var type = m.Groups["type"].Value.ToLowerInvariant();
        if (!m.Groups["kind"].Success)
        {
            return new As2Disposition(type, null, null);
        }

        return new As2Disposition(type, m.Groups["kind"].Value.ToLowerInvariant(), m.Groups["text"].Value.Trim());
    }

    [GeneratedRegex(@"^(?<type>[A-Za-z-]+)\s*(/\s*(?<kind>[A-Za-z-]+)\s*[:=]\s*(?<text>.*))?$", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex DispositionRegex();
}
