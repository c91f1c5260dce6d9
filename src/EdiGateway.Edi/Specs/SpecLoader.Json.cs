using System.Globalization;
using System.Text.Json;

namespace EdiGateway.Edi.Specs;

/// <summary>JSON helpers that record errors with file and path instead of throwing.</summary>
public static partial class SpecLoader
{
    private sealed class Ctx(string file, List<SpecLoadError> errors)
    {
        public void Error(string path, string message) => errors.Add(new SpecLoadError(file, path, message));

        public string? Str(JsonElement e, string name, string path)
        {
            if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return null;
            if (v.ValueKind == JsonValueKind.String) return v.GetString();
            if (v.ValueKind == JsonValueKind.Number) return v.GetRawText();
            Error($"{path}.{name}", "must be a string");
            return null;
        }

        public bool? Bool(JsonElement e, string name, string path)
        {
            if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return null;
            if (v.ValueKind is JsonValueKind.True or JsonValueKind.False) return v.GetBoolean();
            Error($"{path}.{name}", "must be true or false");
            return null;
        }

        public int? Int(JsonElement e, string name, string path)
        {
            if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return null;
            if (v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n)) return n;
            Error($"{path}.{name}", "must be an integer");
            return null;
        }

        /// <summary>A max-use value: a number or "&gt;1" (unbounded).</summary>
        public int? Max(JsonElement e, string name, string path)
        {
            if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return null;
            if (v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n)) return n;
            if (v.ValueKind == JsonValueKind.String)
            {
                var s = v.GetString();
                if (s == ">1") return int.MaxValue;
                if (int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var m)) return m;
            }
            Error($"{path}.{name}", "must be a number or \">1\"");
            return null;
        }

        public IEnumerable<JsonProperty> Object(JsonElement e, string name, string path)
        {
            if (e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Object)
                return v.EnumerateObject();
            Error(path, $"{name} must be an object");
            return [];
        }
    }

    private static void WithFile(string file, List<SpecLoadError> errors, Action<JsonElement, Ctx> read, bool optional = false)
    {
        if (!File.Exists(file))
        {
            if (!optional) errors.Add(new SpecLoadError(file, "$", "file is missing"));
            return;
        }
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(file), DocOptions);
            read(doc.RootElement, new Ctx(file, errors));
        }
        catch (JsonException ex)
        {
            errors.Add(new SpecLoadError(file, $"line {ex.LineNumber + 1}", "not valid JSON: " + ex.Message));
        }
        catch (IOException ex)
        {
            errors.Add(new SpecLoadError(file, "$", "cannot be read: " + ex.Message));
        }
    }
}
