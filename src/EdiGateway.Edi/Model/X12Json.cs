using System.Collections.Immutable;
using System.Text;
using System.Text.Json;

namespace EdiGateway.Edi.Model;

/// <summary>Lossless JSON form of the generic tree. A segment is an array: its id, then one entry per element. An element
/// is a string (simple), an array of strings (components) or <c>{"rep": [...]}</c> (repetitions, each a string or an array).</summary>
public static class X12Json
{
    /// <summary>Serialises a document.</summary>
    public static string Serialize(X12Document document, bool indented = true)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, new JsonWriterOptions { Indented = indented, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteStartArray("interchanges");
            foreach (var i in document.Interchanges)
            {
                w.WriteStartObject();
                w.WriteStartObject("delimiters");
                w.WriteString("element", Char(i.Delimiters.Element));
                w.WriteString("component", Char(i.Delimiters.Component));
                w.WriteString("segment", Char(i.Delimiters.Segment));
                w.WriteString("repetition", i.Delimiters.HasRepetition ? Char(i.Delimiters.Repetition) : "");
                w.WriteEndObject();
                WriteSegment(w, "isa", i.Isa);
                w.WriteStartArray("ta1");
                foreach (var t in i.Ta1) WriteSegment(w, null, t);
                w.WriteEndArray();
                w.WriteStartArray("groups");
                foreach (var g in i.Groups)
                {
                    w.WriteStartObject();
                    WriteSegment(w, "gs", g.Gs);
                    w.WriteStartArray("sets");
                    foreach (var s in g.Sets)
                    {
                        w.WriteStartObject();
                        w.WriteStartArray("segments");
                        foreach (var seg in s.Segments) WriteSegment(w, null, seg);
                        w.WriteEndArray();
                        w.WriteEndObject();
                    }
                    w.WriteEndArray();
                    if (g.Ge is not null) WriteSegment(w, "ge", g.Ge);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                if (i.Iea is not null) WriteSegment(w, "iea", i.Iea);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(ms.ToArray());
    }

    private static string Char(byte b) => ((char)b).ToString();

    private static void WriteSegment(Utf8JsonWriter w, string? name, X12Segment s)
    {
        if (name is null) w.WriteStartArray();
        else w.WriteStartArray(name);
        w.WriteStringValue(s.Id);
        foreach (var e in s.Elements)
        {
            if (e.Repetitions.Length == 1) WriteRep(w, e.Repetitions[0]);
            else
            {
                w.WriteStartObject();
                w.WriteStartArray("rep");
                foreach (var r in e.Repetitions) WriteRep(w, r);
                w.WriteEndArray();
                w.WriteEndObject();
            }
        }
        w.WriteEndArray();
    }

    private static void WriteRep(Utf8JsonWriter w, ImmutableArray<string> comps)
    {
        if (comps.Length == 1)
        {
            w.WriteStringValue(comps[0]);
            return;
        }
        w.WriteStartArray();
        foreach (var c in comps) w.WriteStringValue(c);
        w.WriteEndArray();
    }

    /// <summary>Parses the JSON form back; errors in the JSON are reported as <see cref="FormatException"/> with the path
    /// (JSON is our own format, not partner data).</summary>
    public static X12Document Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var doc = JsonDocument.Parse(json);
            var root = doc.RootElement;
            var list = ImmutableArray.CreateBuilder<X12Interchange>();
            var n = 0;
            foreach (var i in Prop(root, "interchanges", "$").EnumerateArray())
            {
                var path = $"$.interchanges[{n++}]";
                var dl = Prop(i, "delimiters", path);
                byte B(string p, bool optional = false)
                {
                    var s = Prop(dl, p, path + ".delimiters").GetString() ?? "";
                    if (s.Length == 0 && optional) return 0;
                    if (s.Length != 1 || s[0] > 0x7F) throw new FormatException($"{path}.delimiters.{p} must be one ASCII character");
                    return (byte)s[0];
                }
                var d = new X12Delimiters(B("element"), B("component"), B("segment"), B("repetition", true));
                var groups = ImmutableArray.CreateBuilder<X12FunctionalGroup>();
                var gi = 0;
                foreach (var g in Prop(i, "groups", path).EnumerateArray())
                {
                    var gp = $"{path}.groups[{gi++}]";
                    var sets = ImmutableArray.CreateBuilder<X12TransactionSet>();
                    var si = 0;
                    foreach (var s in Prop(g, "sets", gp).EnumerateArray())
                    {
                        var sp = $"{gp}.sets[{si++}]";
                        var k = 0;
                        sets.Add(new X12TransactionSet([.. Prop(s, "segments", sp).EnumerateArray().Select(x => ReadSegment(x, $"{sp}.segments[{k++}]"))]));
                    }
                    groups.Add(new X12FunctionalGroup(ReadSegment(Prop(g, "gs", gp), gp + ".gs"), sets.ToImmutable(),
                        g.TryGetProperty("ge", out var ge) ? ReadSegment(ge, gp + ".ge") : null));
                }
                var ta1 = i.TryGetProperty("ta1", out var t) ? [.. t.EnumerateArray().Select(x => ReadSegment(x, path + ".ta1"))] : ImmutableArray<X12Segment>.Empty;
                list.Add(new X12Interchange(d, ReadSegment(Prop(i, "isa", path), path + ".isa"), ta1, groups.ToImmutable(),
                    i.TryGetProperty("iea", out var iea) ? ReadSegment(iea, path + ".iea") : null));
            }
            return new X12Document(list.ToImmutable());
        }
        catch (JsonException ex)
        {
            throw new FormatException("Not valid JSON: " + ex.Message, ex);
        }
        catch (InvalidOperationException ex)
        {
            throw new FormatException("Unexpected JSON shape: " + ex.Message, ex);
        }
    }

    private static JsonElement Prop(JsonElement e, string name, string path) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) ? v : throw new FormatException($"{path}.{name} is missing");

    private static X12Segment ReadSegment(JsonElement e, string path)
    {
        if (e.ValueKind != JsonValueKind.Array || e.GetArrayLength() == 0) throw new FormatException($"{path} must be an array starting with the segment id");
        var items = e.EnumerateArray().ToArray();
        var elements = ImmutableArray.CreateBuilder<X12Element>(items.Length - 1);
        for (var k = 1; k < items.Length; k++)
        {
            var x = items[k];
            if (x.ValueKind == JsonValueKind.Object)
                elements.Add(new X12Element([.. Prop(x, "rep", path).EnumerateArray().Select(r => ReadRep(r, path))]));
            else elements.Add(new X12Element([ReadRep(x, path)]));
        }
        return new X12Segment(items[0].GetString() ?? "", elements.MoveToImmutable());
    }

    private static ImmutableArray<string> ReadRep(JsonElement x, string path) => x.ValueKind switch
    {
        JsonValueKind.String => [x.GetString() ?? ""],
        JsonValueKind.Array => [.. x.EnumerateArray().Select(c => c.GetString() ?? "")],
        _ => throw new FormatException($"{path}: an element must be a string, an array of components or {{\"rep\": [...]}}"),
    };
}
