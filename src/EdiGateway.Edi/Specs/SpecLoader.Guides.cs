using System.Collections.Immutable;
using System.Text.Json;

namespace EdiGateway.Edi.Specs;

/// <summary>Reading guides/&lt;id&gt;/guide.json and its overlays.</summary>
public static partial class SpecLoader
{
    /// <summary>Loads one guide folder.</summary>
    public static GuideSpec? LoadGuide(string dir, List<SpecLoadError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        GuideSpec? guide = null;
        WithFile(Path.Combine(dir, "guide.json"), errors, (root, ctx) =>
        {
            var id = ctx.Str(root, "id", "$") ?? Path.GetFileName(dir);
            var name = ctx.Str(root, "name", "$") ?? id;
            var partner = ctx.Str(root, "partnerName", "$") ?? name;
            var overlays = ImmutableArray.CreateBuilder<GuideOverlay>();
            if (root.TryGetProperty("sets", out var sets) && sets.ValueKind == JsonValueKind.Array)
            {
                var i = 0;
                foreach (var s in sets.EnumerateArray())
                {
                    var p = $"$.sets[{i++}]";
                    var set = ctx.Str(s, "set", p);
                    var version = ctx.Str(s, "version", p);
                    var file = ctx.Str(s, "file", p);
                    if (set is null || version is null || file is null)
                    {
                        ctx.Error(p, "needs set, version and file");
                        continue;
                    }
                    GuideOverlay? overlay = null;
                    WithFile(Path.Combine(dir, file), errors, (oroot, octx) => overlay = ReadOverlay(oroot, octx, set, version));
                    if (overlay is not null) overlays.Add(overlay);
                }
            }
            else ctx.Error("$", "sets must be an array");
            guide = new GuideSpec(id, name, partner, overlays.ToImmutable());
        });
        return guide;
    }

    private static GuideOverlay ReadOverlay(JsonElement root, Ctx ctx, string set, string version)
    {
        if (ctx.Str(root, "set", "$") is { } s && s != set) ctx.Error("$.set", $"set '{s}' differs from guide.json ('{set}')");
        if (ctx.Str(root, "version", "$") is { } v && v != version) ctx.Error("$.version", $"version '{v}' differs from guide.json ('{version}')");
        var segments = new Dictionary<string, SegmentOverlay>(StringComparer.Ordinal);
        if (root.TryGetProperty("segments", out var segs))
        {
            foreach (var p in segs.EnumerateObject())
            {
                var path = "$.segments." + p.Name;
                var elements = new Dictionary<string, ElementOverlay>(StringComparer.Ordinal);
                var last = p.Name.Split('/')[^1];
                if (IsElementRef(last))
                {
                    // "LOOP/SEG01" shorthand: an element overlay directly under a segment key.
                    elements[last] = ReadElementOverlay(p.Value, ctx, path);
                    var key = p.Name[..^last.Length] + SegmentOf(last);
                    if (segments.TryGetValue(key, out var existing))
                    {
                        var merged = new Dictionary<string, ElementOverlay>(existing.Elements, StringComparer.Ordinal) { [last] = elements[last] };
                        segments[key] = existing with { Elements = merged };
                    }
                    else segments[key] = new SegmentOverlay(null, null, elements);
                    continue;
                }
                if (p.Value.TryGetProperty("elements", out var els))
                {
                    foreach (var ep in els.EnumerateObject())
                    {
                        if (!IsElementRef(ep.Name) || SegmentOf(ep.Name) != last)
                            ctx.Error($"{path}.elements.{ep.Name}", $"'{ep.Name}' is not an element of {last} (expected {last}01 style)");
                        elements[ep.Name] = ReadElementOverlay(ep.Value, ctx, $"{path}.elements.{ep.Name}");
                    }
                }
                var usage = ctx.Str(p.Value, "usage", path);
                CheckUsage(usage, ctx, path);
                var overlay = new SegmentOverlay(usage, ctx.Max(p.Value, "max", path), elements);
                if (segments.TryGetValue(p.Name, out var prior))
                    overlay = overlay with { Elements = new Dictionary<string, ElementOverlay>(prior.Elements.Concat(elements), StringComparer.Ordinal) };
                segments[p.Name] = overlay;
            }
        }
        var loops = new Dictionary<string, LoopOverlay>(StringComparer.Ordinal);
        if (root.TryGetProperty("loops", out var lps))
        {
            foreach (var p in lps.EnumerateObject())
            {
                var usage = ctx.Str(p.Value, "usage", "$.loops." + p.Name);
                CheckUsage(usage, ctx, "$.loops." + p.Name);
                loops[p.Name] = new LoopOverlay(ctx.Max(p.Value, "max", "$.loops." + p.Name), usage);
            }
        }
        var rules = ImmutableArray.CreateBuilder<GuideRule>();
        if (root.TryGetProperty("rules", out var rs) && rs.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var r in rs.EnumerateArray())
                if (ReadRule(r, ctx, $"$.rules[{i++}]") is { } rule) rules.Add(rule);
        }
        return new GuideOverlay(set, version, segments, loops, rules.ToImmutable());
    }

    private static void CheckUsage(string? usage, Ctx ctx, string path)
    {
        if (usage is not (null or "must" or "optional" or "not-used"))
            ctx.Error(path + ".usage", $"usage '{usage}' is not must, optional or not-used");
    }

    private static ElementOverlay ReadElementOverlay(JsonElement e, Ctx ctx, string path)
    {
        ImmutableArray<string>? codes = null;
        if (e.TryGetProperty("codes", out var c))
        {
            if (c.ValueKind == JsonValueKind.Array) codes = [.. c.EnumerateArray().Select(x => x.GetString() ?? "")];
            else ctx.Error(path + ".codes", "codes must be an array");
        }
        var usage = ctx.Str(e, "usage", path);
        CheckUsage(usage, ctx, path);
        return new ElementOverlay(codes, ctx.Int(e, "min", path), ctx.Int(e, "max", path), usage, ctx.Max(e, "repeat", path));
    }

    /// <summary>True for SEGnn element references such as BEG03 or PO103.</summary>
    internal static bool IsElementRef(string s) =>
        s.Length is >= 4 and <= 5 && char.IsAsciiDigit(s[^1]) && char.IsAsciiDigit(s[^2]) && char.IsAsciiLetterUpper(s[0])
        && s[..^2].All(ch => char.IsAsciiLetterUpper(ch) || char.IsAsciiDigit(ch));

    /// <summary>The segment id of an element reference (PO103 -> PO1).</summary>
    internal static string SegmentOf(string elementRef) => elementRef[..^2];

    private static GuideRule? ReadRule(JsonElement r, Ctx ctx, string path)
    {
        var kind = ctx.Str(r, "rule", path);
        var note = ctx.Str(r, "note", path);
        string Need(string name)
        {
            var v = ctx.Str(r, name, path);
            if (v is null) ctx.Error(path, $"rule '{kind}' needs {name}");
            return v ?? "";
        }
        ImmutableArray<string> Strings(string name) =>
            r.TryGetProperty(name, out var a) && a.ValueKind == JsonValueKind.Array ? [.. a.EnumerateArray().Select(x => x.GetString() ?? "")] : [];
        switch (kind)
        {
            case "count": return new CountRule(Need("target"), Need("of"), note);
            case "hashTotal": return new HashTotalRule(Need("target"), Need("of"), note);
            case "sum":
                var terms = Strings("terms");
                if (terms.IsEmpty) ctx.Error(path, "rule 'sum' needs terms");
                return new SumRule(Need("target"), terms, note);
            case "checkDigit":
                Dictionary<string, string>? q = null;
                if (r.TryGetProperty("qualifiers", out var qs) && qs.ValueKind == JsonValueKind.Object)
                    q = qs.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "", StringComparer.Ordinal);
                var rule = new CheckDigitRule(ctx.Str(r, "element", path), ctx.Str(r, "scheme", path), ctx.Str(r, "when", path),
                    ctx.Str(r, "segment", path), ctx.Int(r, "pairsFrom", path), q, note);
                if (rule.Element is null && (rule.Segment is null || rule.PairsFrom is null || q is null))
                    ctx.Error(path, "rule 'checkDigit' needs element + scheme, or segment + pairsFrom + qualifiers");
                foreach (var scheme in (q?.Values.AsEnumerable() ?? []).Append(rule.Scheme).OfType<string>())
                    if (scheme is not ("SSCC18" or "GTIN" or "GTIN8" or "GTIN12" or "GTIN13" or "GTIN14"))
                        ctx.Error(path, $"unknown check digit scheme '{scheme}'");
                return rule;
            case "pair": return new PairRule(Need("segment"), ctx.Int(r, "pairsFrom", path) ?? 1, Strings("qualifiers"), note);
            case "hl": return new HlPatternRule(Strings("patterns"), note);
            case "pattern":
                var pattern = Need("pattern");
                try
                {
                    _ = new System.Text.RegularExpressions.Regex(pattern, System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
                }
                catch (ArgumentException ex)
                {
                    ctx.Error(path + ".pattern", "not a valid regular expression: " + ex.Message);
                }
                return new PatternRule(Need("element"), pattern, ctx.Str(r, "when", path), note);
            case "named": return new NamedRule(Need("name"), note);
            default:
                ctx.Error(path + ".rule", $"unknown rule kind '{kind}'");
                return null;
        }
    }
}
