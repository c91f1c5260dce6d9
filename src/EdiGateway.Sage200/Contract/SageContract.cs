using System.Collections.Frozen;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace EdiGateway.Sage200.Contract;

/// <summary>One property of a Sage schema as the OpenAPI documents publish it.</summary>
public sealed record SageProperty(string Type, string? Format, int? MaxLength, bool ReadOnly, string? Schema, string? Items, string? ItemType);

/// <summary>One Sage schema: required names and properties.</summary>
public sealed record SageSchema(string Name, FrozenSet<string> Required, FrozenDictionary<string, SageProperty> Properties);

/// <summary>A breach of the published contract found in a request or response body.</summary>
public sealed record SageContractViolation(string JsonPath, string Rule, string Detail);

/// <summary>
/// The subset of Sage's OpenAPI documents the gateway uses (paths, fields, types, lengths, required), derived by
/// <c>Contract/generate-contract.py</c> and embedded. The client enforces lengths with it, the sandbox validates
/// writes with it, and the tests hold both sides to it.
/// </summary>
public sealed partial class SageContract
{
    private readonly FrozenDictionary<string, (string? Request, string? Response)> operations;

    private SageContract(FrozenDictionary<string, SageSchema> schemas, FrozenDictionary<string, (string?, string?)> operations)
    {
        Schemas = schemas;
        this.operations = operations;
    }

    /// <summary>The embedded contract.</summary>
    public static SageContract Default { get; } = LoadEmbedded();

    /// <summary>All schemas by name (inline objects are named <c>parent.property</c>).</summary>
    public FrozenDictionary<string, SageSchema> Schemas { get; }

    /// <summary>Path templates in the contract (e.g. <c>/sop_orders/{Id}</c>).</summary>
    public IEnumerable<string> PathTemplates => operations.Keys.Select(k => k[(k.IndexOf(' ', StringComparison.Ordinal) + 1)..]).Distinct(StringComparer.Ordinal);

    /// <summary>Maps a concrete resource path (<c>/sop_orders/42</c>) to its template (<c>/sop_orders/{Id}</c>).</summary>
    public static string ToTemplate(string resourcePath) => NumericSegment().Replace(resourcePath, "/{Id}");

    /// <summary>True when the contract has <paramref name="method"/> on <paramref name="template"/>.</summary>
    public bool HasOperation(string method, string template) => operations.ContainsKey(Key(method, template));

    /// <summary>Request and response schema names (a trailing "[]" means a bare array) of an operation.</summary>
    public (string? Request, string? Response) Operation(string method, string template) =>
        operations.TryGetValue(Key(method, template), out var op) ? op : throw new KeyNotFoundException($"{method} {template} is not in the Sage contract");

    private static string Key(string method, string template) => method.ToUpperInvariant() + " " + template;

    [GeneratedRegex(@"/\d+(?=/|$)")]
    private static partial Regex NumericSegment();

    private static SageContract LoadEmbedded()
    {
        using var stream = typeof(SageContract).Assembly.GetManifestResourceStream("EdiGateway.Sage200.sage200-contract.json")
            ?? throw new InvalidOperationException("sage200-contract.json is not embedded");
        return Load(stream);
    }

    /// <summary>Loads a contract document.</summary>
    public static SageContract Load(Stream json)
    {
        using var doc = JsonDocument.Parse(json);
        var schemas = new Dictionary<string, SageSchema>(StringComparer.Ordinal);
        foreach (var s in doc.RootElement.GetProperty("schemas").EnumerateObject())
        {
            var props = new Dictionary<string, SageProperty>(StringComparer.Ordinal);
            foreach (var p in s.Value.GetProperty("properties").EnumerateObject())
            {
                var v = p.Value;
                props[p.Name] = new SageProperty(
                    v.GetProperty("type").GetString()!,
                    Str(v, "format"),
                    v.TryGetProperty("maxLength", out var m) ? m.GetInt32() : null,
                    v.TryGetProperty("readOnly", out var r) && r.GetBoolean(),
                    Str(v, "schema"),
                    Str(v, "items"),
                    Str(v, "itemType"));
            }

            var required = s.Value.GetProperty("required").EnumerateArray().Select(e => e.GetString()!).ToFrozenSet(StringComparer.Ordinal);
            schemas[s.Name] = new SageSchema(s.Name, required, props.ToFrozenDictionary(StringComparer.Ordinal));
        }

        var ops = new Dictionary<string, (string?, string?)>(StringComparer.Ordinal);
        foreach (var path in doc.RootElement.GetProperty("paths").EnumerateObject())
        {
            foreach (var op in path.Value.EnumerateObject())
            {
                ops[Key(op.Name, path.Name)] = (Str(op.Value, "request"), Str(op.Value, "response"));
            }
        }

        return new SageContract(schemas.ToFrozenDictionary(StringComparer.Ordinal), ops.ToFrozenDictionary(StringComparer.Ordinal));
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
