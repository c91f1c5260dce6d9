using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;

namespace EdiGateway.Edi.Specs;

/// <summary>Loads edi-specs (x12/&lt;version&gt;/... and guides/&lt;id&gt;/...) into a <see cref="SpecLibrary"/>,
/// collecting every problem with file, JSON path and reason instead of stopping at the first.</summary>
public static partial class SpecLoader
{
    private static readonly JsonDocumentOptions DocOptions = new() { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow };

    /// <summary>Loads everything under <paramref name="specRoot"/> (the edi-specs folder).</summary>
    public static SpecLoadResult LoadFolder(string specRoot)
    {
        var errors = new List<SpecLoadError>();
        var versions = new Dictionary<string, VersionSpec>(StringComparer.Ordinal);
        var x12 = Path.Combine(specRoot, "x12");
        if (Directory.Exists(x12))
        {
            foreach (var dir in Directory.GetDirectories(x12).Order(StringComparer.Ordinal))
            {
                var v = LoadVersion(dir, errors);
                if (v is not null) versions[v.Version] = v;
            }
        }
        var guides = new Dictionary<string, GuideSpec>(StringComparer.Ordinal);
        var gdir = Path.Combine(specRoot, "guides");
        if (Directory.Exists(gdir))
        {
            foreach (var dir in Directory.GetDirectories(gdir).Order(StringComparer.Ordinal))
            {
                var g = LoadGuide(dir, errors);
                if (g is not null) guides[g.Id] = g;
            }
        }
        return new SpecLoadResult(new SpecLibrary(versions, guides), [.. errors]);
    }

    /// <summary>Loads one version folder (elements.json, composites.json, segments.json, sets/*.json).</summary>
    public static VersionSpec? LoadVersion(string dir, List<SpecLoadError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var version = Path.GetFileName(dir);
        var elements = new Dictionary<string, ElementSpec>(StringComparer.Ordinal);
        var composites = new Dictionary<string, CompositeSpec>(StringComparer.Ordinal);
        var segments = new Dictionary<string, SegmentSpec>(StringComparer.Ordinal);
        var sets = new Dictionary<string, SetSpec>(StringComparer.Ordinal);
        WithFile(Path.Combine(dir, "elements.json"), errors, (root, ctx) =>
        {
            foreach (var p in ctx.Object(root, "elements", "$"))
                if (ReadElement(p.Name, p.Value, ctx, "$.elements." + p.Name) is { } e) elements[p.Name] = e;
        });
        WithFile(Path.Combine(dir, "composites.json"), errors, (root, ctx) =>
        {
            foreach (var p in ctx.Object(root, "composites", "$"))
            {
                var path = "$.composites." + p.Name;
                composites[p.Name] = new CompositeSpec(p.Name, ctx.Str(p.Value, "name", path) ?? "",
                    ReadUses(p.Value, "components", ctx, path), ReadSyntax(p.Value, ctx, path));
            }
        }, optional: true);
        WithFile(Path.Combine(dir, "segments.json"), errors, (root, ctx) =>
        {
            foreach (var p in ctx.Object(root, "segments", "$"))
            {
                var path = "$.segments." + p.Name;
                segments[p.Name] = new SegmentSpec(p.Name, ctx.Str(p.Value, "name", path) ?? "",
                    ReadUses(p.Value, "elements", ctx, path), ReadSyntax(p.Value, ctx, path));
            }
        });
        var setDir = Path.Combine(dir, "sets");
        if (Directory.Exists(setDir))
        {
            foreach (var file in Directory.GetFiles(setDir, "*.json").Order(StringComparer.Ordinal))
            {
                WithFile(file, errors, (root, ctx) =>
                {
                    var set = ReadSet(root, ctx, version);
                    if (set is not null) sets[set.Id] = set;
                });
            }
        }
        CrossCheck(version, elements, composites, segments, sets, dir, errors);
        return new VersionSpec(version, elements, composites, segments, sets);
    }

    private static void CrossCheck(string version, Dictionary<string, ElementSpec> elements, Dictionary<string, CompositeSpec> composites,
        Dictionary<string, SegmentSpec> segments, Dictionary<string, SetSpec> sets, string dir, List<SpecLoadError> errors)
    {
        void CheckUses(string file, string owner, ImmutableArray<ElementUse> uses)
        {
            for (var i = 0; i < uses.Length; i++)
            {
                var u = uses[i];
                if (u.Ref is not null && !elements.ContainsKey(u.Ref))
                    errors.Add(new SpecLoadError(file, $"{owner}[{i}]", $"element {u.Ref} is not in {version}/elements.json"));
                if (u.Composite is not null && !composites.ContainsKey(u.Composite))
                    errors.Add(new SpecLoadError(file, $"{owner}[{i}]", $"composite {u.Composite} is not in {version}/composites.json"));
            }
        }
        foreach (var c in composites.Values) CheckUses(Path.Combine(dir, "composites.json"), "$.composites." + c.Id, c.Components);
        foreach (var s in segments.Values) CheckUses(Path.Combine(dir, "segments.json"), "$.segments." + s.Id, s.Elements);
        foreach (var set in sets.Values)
        {
            void Walk(ImmutableArray<StructureItem> items, string path)
            {
                for (var i = 0; i < items.Length; i++)
                {
                    switch (items[i])
                    {
                        case SegmentItem si when !segments.ContainsKey(si.SegmentId):
                            errors.Add(new SpecLoadError(Path.Combine(dir, "sets", set.Id + ".json"), $"{path}[{i}]",
                                $"segment {si.SegmentId} is not in {version}/segments.json"));
                            break;
                        case LoopItem li:
                            if (li.Items.Length == 0 || li.Items[0] is not SegmentItem)
                                errors.Add(new SpecLoadError(Path.Combine(dir, "sets", set.Id + ".json"), $"{path}[{i}]",
                                    $"loop {li.LoopId} must start with its trigger segment"));
                            Walk(li.Items, $"{path}[{i}].items");
                            break;
                    }
                }
            }
            Walk(set.Structure, "$.structure");
        }
    }

    private static ElementSpec? ReadElement(string id, JsonElement e, Ctx ctx, string path)
    {
        var type = ctx.Str(e, "type", path);
        if (type is null)
        {
            ctx.Error(path, "type is missing");
            return null;
        }
        if (type is not ("AN" or "ID" or "R" or "DT" or "TM" or "B") && !(type.Length == 2 && type[0] == 'N' && char.IsAsciiDigit(type[1])))
            ctx.Error(path + ".type", $"type '{type}' is not one of AN, ID, N0..N9, R, DT, TM, B");
        var min = ctx.Int(e, "min", path) ?? 1;
        var max = ctx.Int(e, "max", path) ?? min;
        if (min > max) ctx.Error(path, $"min {min} is greater than max {max}");
        FrozenSet<string>? codes = null;
        if (e.TryGetProperty("codes", out var c))
        {
            if (c.ValueKind == JsonValueKind.Object) codes = c.EnumerateObject().Select(p => p.Name).ToFrozenSet(StringComparer.Ordinal);
            else if (c.ValueKind == JsonValueKind.Array) codes = c.EnumerateArray().Select(x => x.GetString() ?? "").ToFrozenSet(StringComparer.Ordinal);
            else ctx.Error(path + ".codes", "codes must be an object (code -> meaning) or an array");
        }
        // A partial list holds the codes partners use, not the whole X12 list: "partial": true, or a note starting "partial list".
        var partial = ctx.Bool(e, "partial", path)
            ?? (ctx.Str(e, "note", path) is { } note && note.StartsWith("partial list", StringComparison.OrdinalIgnoreCase));
        if (partial && codes is null) ctx.Error(path + ".partial", "a partial code list needs codes");
        return new ElementSpec(id, ctx.Str(e, "name", path) ?? "", type, min, max, codes, ctx.Str(e, "externalList", path)) { PartialCodes = partial && codes is not null };
    }

    private static ImmutableArray<ElementUse> ReadUses(JsonElement owner, string prop, Ctx ctx, string path)
    {
        if (!owner.TryGetProperty(prop, out var arr) || arr.ValueKind != JsonValueKind.Array)
        {
            ctx.Error(path, $"{prop} must be an array");
            return [];
        }
        var list = ImmutableArray.CreateBuilder<ElementUse>();
        var i = 0;
        foreach (var u in arr.EnumerateArray())
        {
            var p = $"{path}.{prop}[{i++}]";
            var r = ctx.Str(u, "ref", p);
            var comp = ctx.Str(u, "composite", p);
            if (r is null && comp is null) ctx.Error(p, "needs ref or composite");
            var req = ctx.Str(u, "req", p) ?? "O";
            if (req is not ("M" or "O" or "X")) ctx.Error(p + ".req", $"req '{req}' is not M, O or X");
            list.Add(new ElementUse(comp is null ? r : null, comp, req.Length > 0 ? req[0] : 'O', ctx.Max(u, "repeat", p) ?? 1));
        }
        return list.ToImmutable();
    }

    private static ImmutableArray<SyntaxNote> ReadSyntax(JsonElement owner, Ctx ctx, string path)
    {
        if (!owner.TryGetProperty("syntax", out var arr)) return [];
        var list = ImmutableArray.CreateBuilder<SyntaxNote>();
        var i = 0;
        foreach (var s in arr.EnumerateArray())
        {
            var text = s.ValueKind == JsonValueKind.String ? s.GetString() ?? "" : "";
            var note = ParseSyntax(text);
            if (note is null) ctx.Error($"{path}.syntax[{i}]", $"syntax note '{text}' is not a letter P/R/E/C/L followed by two-digit positions");
            else list.Add(note);
            i++;
        }
        return list.ToImmutable();
    }

    /// <summary>Parses X12 syntax notation such as P0607 or L030405.</summary>
    public static SyntaxNote? ParseSyntax(string text)
    {
        if (text.Length < 5 || (text.Length - 1) % 2 != 0 || "PRECL".IndexOf(text[0], StringComparison.Ordinal) < 0) return null;
        var positions = ImmutableArray.CreateBuilder<int>();
        for (var k = 1; k < text.Length; k += 2)
        {
            if (!int.TryParse(text.AsSpan(k, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1) return null;
            positions.Add(n);
        }
        return new SyntaxNote(text[0], positions.ToImmutable(), text);
    }

    private static SetSpec? ReadSet(JsonElement root, Ctx ctx, string version)
    {
        var id = ctx.Str(root, "id", "$");
        if (id is null)
        {
            ctx.Error("$", "id is missing");
            return null;
        }
        var v = ctx.Str(root, "version", "$") ?? version;
        if (v != version) ctx.Error("$.version", $"version '{v}' differs from its folder '{version}'");
        var structure = ReadItems(root, "structure", ctx, "$");
        Dictionary<string, ImmutableArray<string?>>? hl = null;
        if (root.TryGetProperty("hlLevels", out var h) && h.ValueKind == JsonValueKind.Object)
        {
            hl = new Dictionary<string, ImmutableArray<string?>>(StringComparer.Ordinal);
            foreach (var p in h.EnumerateObject())
                hl[p.Name] = p.Value.ValueKind == JsonValueKind.Array
                    ? [.. p.Value.EnumerateArray().Select(x => x.ValueKind == JsonValueKind.Null ? null : x.GetString())]
                    : [];
        }
        return new SetSpec(id, version, ctx.Str(root, "name", "$") ?? "", ctx.Str(root, "functionalGroup", "$") ?? "", structure, hl);
    }

    private static ImmutableArray<StructureItem> ReadItems(JsonElement owner, string prop, Ctx ctx, string path)
    {
        if (!owner.TryGetProperty(prop, out var arr) || arr.ValueKind != JsonValueKind.Array)
        {
            ctx.Error(path, $"{prop} must be an array");
            return [];
        }
        var list = ImmutableArray.CreateBuilder<StructureItem>();
        var i = 0;
        foreach (var it in arr.EnumerateArray())
        {
            var p = $"{path}.{prop}[{i++}]";
            var req = (ctx.Str(it, "req", p) ?? "O") is var r && r.Length > 0 ? r[0] : 'O';
            var max = ctx.Max(it, "max", p) ?? 1;
            if (ctx.Str(it, "segment", p) is { } seg) list.Add(new SegmentItem(seg, req, max));
            else if (ctx.Str(it, "loop", p) is { } loop)
                list.Add(new LoopItem(loop, req, max, ReadItems(it, "items", ctx, p),
                    it.TryGetProperty("hl", out var hl) && hl.ValueKind == JsonValueKind.True));
            else ctx.Error(p, "needs segment or loop");
        }
        return list.ToImmutable();
    }
}
