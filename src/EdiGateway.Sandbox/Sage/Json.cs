using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EdiGateway.Sandbox.Sage;

/// <summary>Small helpers for reading and writing Sage-shaped JSON records.</summary>
internal static class Json
{
    public static string? Str(JsonNode? o, string name) => o?[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public static long? Long(JsonNode? o, string name) => Number(o?[name]) is decimal d ? (long)d : null;

    public static decimal Dec(JsonNode? o, string name) => Number(o?[name]) ?? 0m;

    public static decimal? DecOrNull(JsonNode? o, string name) => Number(o?[name]);

    /// <summary>Any JSON number (parsed or built from a CLR int/long/decimal) as decimal.</summary>
    public static decimal? Number(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.Number
        ? decimal.Parse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture)
        : null;

    public static bool Bool(JsonNode? o, string name) => o?[name] is JsonValue v && v.GetValueKind() == JsonValueKind.True;

    public static string Date(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string Number(long n, int width = 10) => n.ToString(CultureInfo.InvariantCulture).PadLeft(width, '0');

    /// <summary>Copy without sandbox-internal keys (those starting with '_').</summary>
    public static JsonObject Public(JsonObject o)
    {
        var copy = new JsonObject();
        foreach (var (k, v) in o)
        {
            if (!k.StartsWith('_'))
            {
                copy[k] = v is JsonObject child ? Public(child) : v is JsonArray a ? PublicArray(a) : v?.DeepClone();
            }
        }

        return copy;
    }

    private static JsonArray PublicArray(JsonArray a)
    {
        var copy = new JsonArray();
        foreach (var item in a)
        {
            copy.Add(item is JsonObject o ? Public(o) : item?.DeepClone());
        }

        return copy;
    }
}
