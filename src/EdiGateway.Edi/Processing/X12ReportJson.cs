using System.Text.Json;
using System.Text.Json.Serialization;
using EdiGateway.Edi.Errors;

namespace EdiGateway.Edi.Processing;

/// <summary>JSON for error lists and reports (what <c>edigw x12 validate --json</c> prints).</summary>
public static class X12ReportJson
{
    /// <summary>Options used: camelCase, enums as strings, nulls omitted.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
        WriteIndented = true,
    };

    /// <summary>Serialises errors.</summary>
    public static string Serialize(IEnumerable<X12Error> errors) => JsonSerializer.Serialize(errors.ToList(), Options);

    /// <summary>Parses errors back.</summary>
    public static IReadOnlyList<X12Error> DeserializeErrors(string json) =>
        JsonSerializer.Deserialize<List<X12Error>>(json, Options) ?? [];

    /// <summary>A compact summary of a report: verdict, counts, every error.</summary>
    public static string Serialize(X12FileReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var summary = new
        {
            valid = report.IsValid,
            bytes = report.Bytes,
            interchanges = report.Interchanges.Select(i => new
            {
                index = i.Header.Index,
                controlNumber = i.Header.ControlNumber,
                sender = i.Header.SenderId,
                receiver = i.Header.ReceiverId,
                usage = i.Header.UsageIndicator,
                rejected = i.IsRejected,
                groups = i.Groups.Select(g => new
                {
                    functionalId = g.Header.FunctionalId,
                    controlNumber = g.Header.ControlNumber,
                    version = g.Header.Version,
                    status = g.Status.ToString(),
                    sets = g.Sets.Select(s => new { setId = s.SetId, controlNumber = s.ControlNumber, status = s.Status.ToString(), errors = s.Errors.Length }),
                }),
            }),
            errors = report.AllErrors,
        };
        return JsonSerializer.Serialize(summary, Options);
    }
}
