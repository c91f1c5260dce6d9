using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace EdiGateway.Sage200.Client;

/// <summary>Turns a non-success Sage answer into a <see cref="SageApiException"/> (pure; configurable lock detection).</summary>
public sealed class SageErrorClassifier
{
    private readonly HashSet<int> lockStatuses;
    private readonly Regex[] lockPatterns;
    private readonly Regex[] transientPatterns;

    /// <summary>Creates the classifier from the lock-detection options.</summary>
    public SageErrorClassifier(SageLockDetectionOptions options)
    {
        lockStatuses = [.. options.StatusCodes];
        lockPatterns = [.. options.MessagePatterns.Select(p => new Regex(p, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100)))];
        transientPatterns = [.. options.TransientPatterns.Select(p => new Regex(p, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100)))];
    }

    /// <summary>Classifies status + body; <paramref name="isWrite"/> turns 5xx into an unknown outcome.</summary>
    public SageApiException Classify(HttpStatusCode status, string body, bool isWrite, string operation)
    {
        var message = ExtractMessage(body);
        var code = (int)status;
        if (lockStatuses.Contains(code))
        {
            foreach (var pattern in lockPatterns)
            {
                var m = pattern.Match(message);
                if (m.Success)
                {
                    var record = m.Groups["record"] is { Success: true } g ? g.Value : null;
                    return new SageApiException(SageErrorKind.RecordLocked, $"{operation}: record locked in Sage", status, message, record);
                }
            }
        }

        var kind = code switch
        {
            401 or 403 => SageErrorKind.Auth,
            404 => SageErrorKind.NotFound,
            408 or 429 => SageErrorKind.Transient,
            >= 500 => isWrite ? SageErrorKind.UnknownOutcome : SageErrorKind.Transient,
            _ when transientPatterns.Any(p => p.IsMatch(message)) => SageErrorKind.Transient,
            _ => SageErrorKind.Validation,
        };
        return new SageApiException(kind, $"{operation}: Sage answered {code}", status, message);
    }

    /// <summary>Sage's 400 body shape is undocumented: accept {"Message"}, {"message"}, [{"Message"}] or raw text.</summary>
    public static string ExtractMessage(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return "";
        }

        try
        {
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement.ValueKind == JsonValueKind.Array && doc.RootElement.GetArrayLength() > 0 ? doc.RootElement[0] : doc.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                foreach (var name in new[] { "Message", "message", "error_description", "detail" })
                {
                    if (root.TryGetProperty(name, out var m) && m.ValueKind == JsonValueKind.String)
                    {
                        return m.GetString()!;
                    }
                }
            }
        }
        catch (JsonException)
        {
            // not JSON: fall through to the raw text
        }

        return body.Length > 500 ? body[..500] : body;
    }
}
