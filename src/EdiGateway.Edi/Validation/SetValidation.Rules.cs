using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using EdiGateway.Edi.Errors;
using EdiGateway.Edi.Specs;

namespace EdiGateway.Edi.Validation;

/// <summary>Guide rules: count, hashTotal, sum, checkDigit, pair, hl, pattern, named.</summary>
internal sealed partial class SetValidation
{
    private void RunRules()
    {
        foreach (var rule in _schema.Rules)
        {
            switch (rule)
            {
                case CountRule r: RunCount(r); break;
                case HashTotalRule r: RunHashTotal(r); break;
                case SumRule r: RunSum(r); break;
                case CheckDigitRule r: RunCheckDigit(r); break;
                case PairRule r: RunPair(r); break;
                case HlPatternRule r: RunHlPattern(r); break;
                case PatternRule r: RunPattern(r); break;
                case NamedRule r: RunNamed(r); break;
            }
        }
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, (string?, string, int)> RefCache = new(StringComparer.Ordinal);
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Regex> RegexCache = new(StringComparer.Ordinal);
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, (int, byte[][])> WhenCache = new(StringComparer.Ordinal);
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<GuideRule, object> Compiled = new();

    /// <summary>Splits "LOOP/SEG01" into (path key or null, segment id, position); cached.</summary>
    private static (string? PathKey, string Segment, int Position) ParseRef(string reference) =>
        RefCache.GetOrAdd(reference, ParseRefCore);

    private static (string? PathKey, string Segment, int Position) ParseRefCore(string reference)
    {
        var slash = reference.LastIndexOf('/');
        var el = slash < 0 ? reference : reference[(slash + 1)..];
        var seg = el[..^2];
        var pos = int.Parse(el.AsSpan(el.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture);
        return (slash < 0 ? null : string.Intern(reference[..slash] + "/" + seg), string.Intern(seg), pos);
    }

    private IEnumerable<int> SegmentsMatching(string segmentId, string? pathKey)
    {
        // Node ids and paths are interned at compile time, so these compares are reference checks.
        segmentId = string.IsInterned(segmentId) ?? segmentId;
        if (pathKey is not null) pathKey = string.IsInterned(pathKey) ?? pathKey;
        for (var i = 0; i < _set.SegmentCount; i++)
        {
            if (_nodes[i] is not { } n || n.Id != segmentId) continue;
            if (pathKey is not null && n.Path != pathKey) continue;
            yield return i;
        }
    }

    private EffectiveElement? DefAt(int index, int position) =>
        _nodes[index]?.Segment is { } s && position <= s.Elements.Length ? s.Elements[position - 1] : null;

    /// <summary>The element's numeric value with implied decimals applied; null when empty or not a number.</summary>
    private decimal? NumberAt(int index, int position)
    {
        var v = _set[index].GetElement(position);
        if (v.IsEmpty || !decimal.TryParse(v, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d)) return null;
        if (DefAt(index, position) is { Type: X12DataType.N, Decimals: > 0 } def) d /= Pow10(def.Decimals);
        return d;
    }

    private static decimal Pow10(int n)
    {
        var r = 1m;
        for (var i = 0; i < n; i++) r *= 10;
        return r;
    }

    private bool Holds(int index, string? when)
    {
        if (when is null) return true;
        var (pos, wanted) = WhenCache.GetOrAdd(when, static w =>
        {
            var eq = w.IndexOf('=', StringComparison.Ordinal);
            if (eq < 0) return (0, []);
            return (ParseRef(w[..eq]).Position, [.. w[(eq + 1)..].Split('|').Select(Encoding.UTF8.GetBytes)]);
        });
        if (pos == 0) return true;
        var got = _set[index].GetElement(pos);
        foreach (var w in wanted)
            if (got.SequenceEqual(w)) return true;
        return false;
    }

    private static CodeSet QualifierSet(PairRule r) => (CodeSet)Compiled.GetValue(r, static k => new CodeSet(((PairRule)k).Qualifiers));

    private static (byte[] Key, string Scheme)[] SchemeTable(CheckDigitRule r) =>
        ((byte[], string)[])Compiled.GetValue(r, static k => ((CheckDigitRule)k).Qualifiers!.Select(q => (Encoding.UTF8.GetBytes(q.Key), q.Value)).ToArray());

    private void RuleError(int index, int position, string code, string message, string? bad = null)
    {
        _currentNode = _nodes[index];
        _errors.Add(X12Errors.Element(_set.Position(index) with { LoopId = _nodes[index]?.LoopId, ElementPosition = position,
            ElementReference = DefAt(index, position)?.Ref }, code, "7", "I12", message, bad));
    }

    private void RunCount(CountRule r)
    {
        var (tpath, tseg, tpos) = ParseRef(r.Target);
        var slash = r.Of.LastIndexOf('/');
        var ofPath = slash >= 0 ? r.Of : null;
        var ofSeg = string.Intern(slash >= 0 ? r.Of[(slash + 1)..] : r.Of);
        var actual = 0;
        for (var i = 0; i < _set.SegmentCount; i++)
            if (_nodes[i] is { } n && n.Id == ofSeg && (ofPath is null || n.Path == ofPath)) actual++;
        foreach (var t in SegmentsMatching(tseg, tpath))
        {
            var v = NumberAt(t, tpos);
            if (v != actual)
                RuleError(t, tpos, "CountMismatch",
                    $"{tseg} (segment {t + 1}), element {tseg}{tpos:00} says {Fmt(v)} but the set has {actual} {ofSeg} segment{(actual == 1 ? "" : "s")}", Fmt(v));
        }
    }

    private void RunHashTotal(HashTotalRule r)
    {
        var (tpath, tseg, tpos) = ParseRef(r.Target);
        var (opath, oseg, opos) = ParseRef(r.Of);
        var sum = 0m;
        foreach (var i in SegmentsMatching(oseg, opath)) sum += NumberAt(i, opos) ?? 0;
        foreach (var t in SegmentsMatching(tseg, tpath))
        {
            var v = NumberAt(t, tpos);
            if (v is null) continue;
            var max = DefAt(t, tpos)?.Max ?? 10;
            var truncated = sum == decimal.Truncate(sum) && max < 28 ? sum % Pow10(max) : sum;
            if (v != sum && v != truncated)
                RuleError(t, tpos, "HashTotalMismatch",
                    $"{tseg} (segment {t + 1}), element {tseg}{tpos:00} hash total {Fmt(v)} does not equal the sum of {oseg}{opos:00} ({Fmt(sum)})", Fmt(v));
        }
    }

    private void RunSum(SumRule r)
    {
        var (tpath, tseg, tpos) = ParseRef(r.Target);
        var total = 0m;
        foreach (var term in r.Terms)
        {
            var t = term.Trim();
            var sign = 1m;
            if (t.StartsWith('-')) { sign = -1; t = t[1..]; }
            else if (t.StartsWith('+')) t = t[1..];
            string? cond = null;
            var br = t.IndexOf('[', StringComparison.Ordinal);
            if (br >= 0) { cond = t[(br + 1)..].TrimEnd(']'); t = t[..br]; }
            var factors = t.Split('*').Select(ParseRef).ToArray();
            foreach (var i in SegmentsMatching(factors[0].Segment, factors[0].PathKey))
            {
                if (!Holds(i, cond)) continue;
                var product = 1m;
                foreach (var f in factors) product *= NumberAt(i, f.Position) ?? 0;
                total += sign * product;
            }
        }
        foreach (var ti in SegmentsMatching(tseg, tpath))
        {
            var v = NumberAt(ti, tpos);
            if (v is null) continue;
            var decimals = DefAt(ti, tpos) is { Type: X12DataType.N } d ? d.Decimals : 2;
            if (Math.Round(total, decimals, MidpointRounding.AwayFromZero) != v)
                RuleError(ti, tpos, "SumMismatch",
                    $"{tseg} (segment {ti + 1}), element {tseg}{tpos:00} total {Fmt(v)} does not equal {string.Join(" ", r.Terms)} = {Fmt(Math.Round(total, decimals))}",
                    Encoding.UTF8.GetString(_set[ti].GetElement(tpos)));
        }
    }

    private void RunCheckDigit(CheckDigitRule r)
    {
        if (r.Element is not null && r.Scheme is not null)
        {
            var (path, seg, pos) = ParseRef(r.Element);
            foreach (var i in SegmentsMatching(seg, path))
            {
                if (!Holds(i, r.When)) continue;
                var v = Encoding.UTF8.GetString(_set[i].GetElement(pos));
                if (v.Length == 0) continue;
                if (Gs1.Check(v, r.Scheme) is { } why)
                    RuleError(i, pos, "CheckDigit", $"{seg} (segment {i + 1}), element {seg}{pos:00} '{v}' {why}", v);
            }
            return;
        }
        if (r.Segment is null || r.PairsFrom is not int from || r.Qualifiers is null) return;
        var table = SchemeTable(r);
        foreach (var i in SegmentsMatching(r.Segment, null))
        {
            var seg = _set[i];
            var count = seg.ElementCount;
            for (var q = from; q < count; q += 2)
            {
                var qual = seg.GetElement(q);
                string? scheme = null;
                foreach (var (key, sch) in table)
                    if (qual.SequenceEqual(key)) { scheme = sch; break; }
                if (scheme is null) continue;
                var v = seg.GetElementString(q + 1);
                if (v.Length > 0 && Gs1.Check(v, scheme) is { } why)
                    RuleError(i, q + 1, "CheckDigit", $"{r.Segment} (segment {i + 1}), element {r.Segment}{q + 1:00} {Encoding.UTF8.GetString(qual)} '{v}' {why}", v);
            }
        }
    }

    private void RunPair(PairRule r)
    {
        var allowed = r.Qualifiers.IsDefaultOrEmpty ? null : QualifierSet(r);
        foreach (var i in SegmentsMatching(r.Segment, null))
        {
            var seg = _set[i];
            var count = seg.ElementCount;
            for (var q = r.PairsFrom; q <= count; q += 2)
            {
                var qual = seg.GetElement(q);
                var v = seg.GetElement(q + 1);
                if (qual.IsEmpty && v.IsEmpty) continue;
                if (qual.IsEmpty || v.IsEmpty)
                    RuleError(i, qual.IsEmpty ? q : q + 1, "PairIncomplete",
                        $"{r.Segment} (segment {i + 1}), elements {r.Segment}{q:00}/{r.Segment}{q + 1:00} must be sent as a qualifier and value pair",
                        Encoding.UTF8.GetString(qual.IsEmpty ? v : qual));
                else if (allowed is not null && !allowed.Contains(qual))
                    RuleError(i, q, "QualifierNotAllowed",
                        $"{r.Segment} (segment {i + 1}), element {r.Segment}{q:00} product qualifier '{Encoding.UTF8.GetString(qual)}' is not in {_schema.PartnerName}'s list ({string.Join(", ", r.Qualifiers)})",
                        Encoding.UTF8.GetString(qual));
            }
        }
    }

    private void RunHlPattern(HlPatternRule r)
    {
        if (_hl is null) return;
        Span<bool> isParent = _hl.Count <= 4096 ? stackalloc bool[_hl.Count + 1] : new bool[_hl.Count + 1];
        foreach (var (_, _, parent) in _hl) if (parent > 0) isParent[parent] = true;
        Span<char> buffer = stackalloc char[32];
        for (var id = 1; id <= _hl.Count; id++)
        {
            if (isParent[id]) continue; // not a leaf
            var path = HlPath(id, buffer);
            var ok = false;
            foreach (var pattern in r.Patterns)
                if (path.SequenceEqual(pattern)) { ok = true; break; }
            if (!ok)
            {
                var index = _hl[id - 1].Index;
                RuleError(index, 3, "HlPattern",
                    $"HL {id.ToString(CultureInfo.InvariantCulture)} (segment {index + 1}) ends the hierarchy {path}; {_schema.PartnerName} accepts {string.Join(", ", r.Patterns)}", path.ToString());
            }
        }
    }

    private void RunPattern(PatternRule r)
    {
        var (path, seg, pos) = ParseRef(r.Element);
        var regex = RegexCache.GetOrAdd(r.Pattern, static p => new Regex(p, RegexOptions.CultureInvariant | RegexOptions.Compiled, TimeSpan.FromSeconds(1)));
        foreach (var i in SegmentsMatching(seg, path))
        {
            if (!Holds(i, r.When)) continue;
            var v = Encoding.UTF8.GetString(_set[i].GetElement(pos));
            if (v.Length > 0 && !regex.IsMatch(v))
                RuleError(i, pos, "PatternMismatch",
                    $"{seg} (segment {i + 1}), element {seg}{pos:00} '{v}' does not match {_schema.PartnerName}'s format{(r.Note is null ? "" : ": " + r.Note)}", v);
        }
    }

    private void RunNamed(NamedRule r)
    {
        var impl = _options.Rules.Find(r.Name);
        if (impl is null)
        {
            _errors.Add(new X12Error(X12ErrorLevel.TransactionSet, "NamedRuleMissing",
                $"Guide rule '{r.Name}' is not registered, so it was not checked", _set.Position(), new X12AckCodes(), X12Severity.Warning));
            return;
        }
        impl.Check(new X12RuleContext(_set, _schema, _nodes, _errors));
    }

    private static string Fmt(decimal? v) => v?.ToString(CultureInfo.InvariantCulture) ?? "(empty)";
}
