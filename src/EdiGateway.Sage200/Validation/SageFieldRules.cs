using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EdiGateway.Sage200.Contract;

namespace EdiGateway.Sage200.Validation;

/// <summary>A value that was trimmed to fit Sage's published limit by a named rule.</summary>
public sealed record SageFieldWarning(string JsonPath, string Rule, int MaxLength, int OriginalLength);

/// <summary>A request prepared for Sage: the (possibly trimmed) body, the trims made, and refusals.</summary>
public sealed record SagePreparedRequest(JsonNode? Body, ImmutableArray<SageFieldWarning> Warnings, ImmutableArray<SageContractViolation> Refusals)
{
    /// <summary>True when the request must not be sent (trimming would change meaning).</summary>
    public bool IsRefused => !Refusals.IsEmpty;
}

/// <summary>
/// Enforces Sage's published field limits before a call. Free text (names, address lines, comments, notes) is
/// trimmed by a named rule with a warning; identifiers (account codes, document numbers, product codes,
/// references, e-mail, postcode) are refused, because cutting them would change what they mean.
/// </summary>
public static partial class SageFieldRules
{
    /// <summary>Rule: words that overflow address_1..3 move to the next empty address line.</summary>
    public const string AddressOverflow = "address-overflow";

    /// <summary>Rule: free text cut at the limit.</summary>
    public const string TruncateText = "truncate-text";

    /// <summary>Rule: runs of whitespace collapsed (postcode, phone numbers).</summary>
    public const string CollapseWhitespace = "collapse-whitespace";

    private static readonly ImmutableHashSet<string> TruncatableFields = ImmutableHashSet.Create(StringComparer.Ordinal,
        "name", "postal_name", "city", "county", "country", "contact", "description", "despatch_note_comment",
        "picking_list_comment", "notes", "narrative", "note", "status_reason", "selling_unit_description", "short_name_text");

    private static readonly ImmutableHashSet<string> CollapsibleFields = ImmutableHashSet.Create(StringComparer.Ordinal,
        "postcode", "telephone_number", "fax_number");

    /// <summary>Applies the rules to a serialised request body for <paramref name="method"/> <paramref name="resourcePath"/>.</summary>
    public static SagePreparedRequest Prepare(SageContract contract, string method, string resourcePath, JsonNode? body)
    {
        var warnings = ImmutableArray.CreateBuilder<SageFieldWarning>();
        var refusals = ImmutableArray.CreateBuilder<SageContractViolation>();
        var (request, _) = contract.Operation(method, SageContract.ToTemplate(resourcePath));
        if (body is JsonObject obj && request is not null && contract.Schemas.TryGetValue(request, out var schema))
        {
            Walk(contract, obj, schema, "$", warnings, refusals);
        }

        return new SagePreparedRequest(body, warnings.ToImmutable(), refusals.ToImmutable());
    }

    private static void Walk(SageContract contract, JsonObject obj, SageSchema schema, string path, ImmutableArray<SageFieldWarning>.Builder warnings, ImmutableArray<SageContractViolation>.Builder refusals)
    {
        OverflowAddress(obj, schema, path, warnings);
        foreach (var (name, value) in obj.ToList())
        {
            if (value is null || !schema.Properties.TryGetValue(name, out var prop))
            {
                continue;
            }

            var at = path + "." + name;
            if (value is JsonObject child && prop.Schema is not null && contract.Schemas.TryGetValue(prop.Schema, out var childSchema))
            {
                Walk(contract, child, childSchema, at, warnings, refusals);
            }
            else if (value is JsonArray array && prop.Items is not null && contract.Schemas.TryGetValue(prop.Items, out var itemSchema))
            {
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonObject item)
                    {
                        Walk(contract, item, itemSchema, string.Create(CultureInfo.InvariantCulture, $"{at}[{i}]"), warnings, refusals);
                    }
                }
            }
            else if (prop.MaxLength is int max && value is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > max)
            {
                Fit(obj, name, s, max, at, warnings, refusals);
            }
        }
    }

    private static void Fit(JsonObject obj, string name, string s, int max, string at, ImmutableArray<SageFieldWarning>.Builder warnings, ImmutableArray<SageContractViolation>.Builder refusals)
    {
        if (CollapsibleFields.Contains(name))
        {
            var collapsed = Whitespace().Replace(s.Trim(), " ");
            if (collapsed.Length <= max)
            {
                obj[name] = collapsed;
                warnings.Add(new SageFieldWarning(at, CollapseWhitespace, max, s.Length));
                return;
            }
        }
        else if (TruncatableFields.Contains(name) || name.StartsWith("spare_text_", StringComparison.Ordinal) || name.StartsWith("address_", StringComparison.Ordinal))
        {
            obj[name] = s[..max].TrimEnd();
            warnings.Add(new SageFieldWarning(at, TruncateText, max, s.Length));
            return;
        }

        refusals.Add(new SageContractViolation(at, "max-length", string.Create(CultureInfo.InvariantCulture, $"length {s.Length} exceeds {max}; trimming would change its meaning")));
    }

    private static void OverflowAddress(JsonObject obj, SageSchema schema, string path, ImmutableArray<SageFieldWarning>.Builder warnings)
    {
        for (var line = 1; line <= 3; line++)
        {
            var name = "address_" + line.ToString(CultureInfo.InvariantCulture);
            var next = "address_" + (line + 1).ToString(CultureInfo.InvariantCulture);
            if (!schema.Properties.TryGetValue(name, out var prop) || prop.MaxLength is not int max || !schema.Properties.ContainsKey(next))
            {
                continue;
            }

            if (obj[name] is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > max && string.IsNullOrEmpty(obj[next]?.GetValue<string>()))
            {
                var cut = s.LastIndexOf(' ', max);
                if (cut <= 0)
                {
                    cut = max;
                }

                obj[name] = s[..cut].TrimEnd();
                obj[next] = s[cut..].Trim();
                warnings.Add(new SageFieldWarning(path + "." + name, AddressOverflow, max, s.Length));
            }
        }
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
