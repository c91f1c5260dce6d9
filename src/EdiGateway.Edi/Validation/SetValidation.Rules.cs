using System.Globalization;
using System.Text;
using EdiGateway.Edi.Errors;
using EdiGateway.Edi.Specs;

namespace EdiGateway.Edi.Validation;

/// <summary>Guide rules: count, hashTotal, sum, checkDigit, pair, hl, pattern, named.</summary>
internal sealed partial class SetValidation
{
    private void RunRules()
    {
        var compiled = _schema.CompiledRules.Items;
        var rules = _schema.Rules;
        for (var k = 0; k < rules.Length; k++)
        {
            switch (compiled[k])
            {
                case CompiledCount c: RunCount(c); break;
                case CompiledHashTotal c: RunHashTotal(c); break;
                case CompiledSum c: RunSum((SumRule)rules[k], c); break;
                case CompiledCheckElement c: RunCheckElement(c); break;
                case CompiledCheckPairs c: RunCheckPairs((CheckDigitRule)rules[k], c); break;
                case CompiledPair c: RunPair((PairRule)rules[k], c); break;
                case CompiledPattern c: RunPattern((PatternRule)rules[k], c); break;
                default:
                    if (rules[k] is HlPatternRule h) RunHlPattern(h);
                    else if (rules[k] is NamedRule n) RunNamed(n);
                    break;
            }
        }
    }

    private EffectiveElement? DefAt(int index, int position) =>
        _nodes[index]?.Segment is { } s && position <= s.Elements.Length ? s.Elements[position - 1] : null;

    /// <summary>The element's numeric value with implied decimals applied; null when empty or not a number.</summary>
    private decimal? NumberAt(int index, int position)
    {
        var v = ElementOf(index, position);
        if (v.IsEmpty || !TryParseNumber(v, out var d)) return null;
        if (DefAt(index, position) is { Type: X12DataType.N, Decimals: > 0 } def) d /= Pow10(def.Decimals);
        return d;
    }

    /// <summary>decimal.TryParse (leading sign, decimal point, invariant) with an allocation-free fast path for plain
    /// unsigned numbers of up to 18 digits; the result (value and scale) is the same as decimal.TryParse's.</summary>
    internal static bool TryParseNumber(ReadOnlySpan<byte> v, out decimal d)
    {
        if (v.Length <= 19)
        {
            ulong m = 0;
            var digits = 0;
            var scale = -1;
            var ok = true;
            for (var i = 0; i < v.Length; i++)
            {
                var b = v[i];
                if (b is >= (byte)'0' and <= (byte)'9') { m = m * 10 + (ulong)(b - '0'); digits++; if (scale >= 0) scale++; }
                else if (b == (byte)'.' && scale < 0) scale = 0;
                else { ok = false; break; }
            }
            if (ok && digits is > 0 and <= 18)
            {
                d = new decimal((int)(uint)m, (int)(uint)(m >> 32), 0, false, (byte)Math.Max(scale, 0));
                return true;
            }
        }
        return decimal.TryParse(v, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out d);
    }

    private static decimal Pow10(int n)
    {
        var r = 1m;
        for (var i = 0; i < n; i++) r *= 10;
        return r;
    }

    private bool Holds(int index, RuleCondition when)
    {
        if (when.Position == 0) return true;
        var got = ElementOf(index, when.Position);
        foreach (var w in when.Values)
            if (got.SequenceEqual(w)) return true;
        return false;
    }

    private void RuleError(int index, int position, string code, string message, string? bad = null)
    {
        _currentNode = _nodes[index];
        _errors.Add(X12Errors.Element(_set.Position(index) with { LoopId = _nodes[index]?.LoopId, ElementPosition = position,
            ElementReference = DefAt(index, position)?.Ref }, code, "7", "I12", message, bad));
    }

    private void RunCount(CompiledCount r)
    {
        var (target, tpos) = (r.Target.Match, r.Target.Position);
        var tseg = target.Segment;
        var ofSeg = r.Of.Segment;
        var actual = 0;
        for (var i = FirstHit(r.Of); i >= 0; i = NextHit(r.Of, i)) actual++;
        for (var t = FirstHit(target); t >= 0; t = NextHit(target, t))
        {
            var v = NumberAt(t, tpos);
            if (v != actual)
                RuleError(t, tpos, "CountMismatch",
                    $"{tseg} (segment {t + 1}), element {tseg}{tpos:00} says {Fmt(v)} but the set has {actual} {ofSeg} segment{(actual == 1 ? "" : "s")}", Fmt(v));
        }
    }

    private void RunHashTotal(CompiledHashTotal r)
    {
        var (target, tpos) = (r.Target.Match, r.Target.Position);
        var tseg = target.Segment;
        var (of, opos) = (r.Of.Match, r.Of.Position);
        var sum = 0m;
        for (var i = FirstHit(of); i >= 0; i = NextHit(of, i)) sum += NumberAt(i, opos) ?? 0;
        for (var t = FirstHit(target); t >= 0; t = NextHit(target, t))
        {
            var v = NumberAt(t, tpos);
            if (v is null) continue;
            var max = DefAt(t, tpos)?.Max ?? 10;
            var truncated = sum == decimal.Truncate(sum) && max < 28 ? sum % Pow10(max) : sum;
            if (v != sum && v != truncated)
                RuleError(t, tpos, "HashTotalMismatch",
                    $"{tseg} (segment {t + 1}), element {tseg}{tpos:00} hash total {Fmt(v)} does not equal the sum of {of.Segment}{opos:00} ({Fmt(sum)})", Fmt(v));
        }
    }

    private void RunSum(SumRule rule, CompiledSum r)
    {
        var (target, tpos) = (r.Target.Match, r.Target.Position);
        var tseg = target.Segment;
        var total = 0m;
        foreach (var term in r.Terms)
        {
            for (var i = FirstHit(term.Match); i >= 0; i = NextHit(term.Match, i))
            {
                if (!Holds(i, term.When)) continue;
                var product = 1m;
                foreach (var p in term.Positions) product *= NumberAt(i, p) ?? 0;
                total += term.Sign * product;
            }
        }
        for (var ti = FirstHit(target); ti >= 0; ti = NextHit(target, ti))
        {
            var v = NumberAt(ti, tpos);
            if (v is null) continue;
            var decimals = DefAt(ti, tpos) is { Type: X12DataType.N } d ? d.Decimals : 2;
            if (Math.Round(total, decimals, MidpointRounding.AwayFromZero) != v)
                RuleError(ti, tpos, "SumMismatch",
                    $"{tseg} (segment {ti + 1}), element {tseg}{tpos:00} total {Fmt(v)} does not equal {string.Join(" ", rule.Terms)} = {Fmt(Math.Round(total, decimals))}",
                    Encoding.UTF8.GetString(ElementOf(ti, tpos)));
        }
    }

    private void RunCheckElement(CompiledCheckElement r)
    {
        var (match, pos) = (r.Target.Match, r.Target.Position);
        var seg = match.Segment;
        for (var i = FirstHit(match); i >= 0; i = NextHit(match, i))
        {
            if (!Holds(i, r.When)) continue;
            var bytes = ElementOf(i, pos);
            if (bytes.IsEmpty || Gs1.Passes(bytes, r.Scheme)) continue;
            var v = Encoding.UTF8.GetString(bytes);
            if (Gs1.Check(v, r.Scheme) is { } why)
                RuleError(i, pos, "CheckDigit", $"{seg} (segment {i + 1}), element {seg}{pos:00} '{v}' {why}", v);
        }
    }

    private void RunHlPattern(HlPatternRule r)
    {
        if (_hl is null) return;
        Span<bool> isParent = _hl.Count <= 4096 ? stackalloc bool[_hl.Count + 1] : new bool[_hl.Count + 1];
        foreach (var (_, _, parent, _) in _hl) if (parent > 0) isParent[parent] = true;
        Span<char> buffer = stackalloc char[32];
        var packed = r.PackedPatterns;
        for (var id = 1; id <= _hl.Count; id++)
        {
            if (isParent[id]) continue; // not a leaf
            if (_hl[id - 1].Path is var known and not 0 && Array.IndexOf(packed, known) >= 0) continue;
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

    private void RunPattern(PatternRule r, CompiledPattern c)
    {
        var (match, pos) = (c.Target.Match, c.Target.Position);
        var seg = match.Segment;
        Span<char> chars = stackalloc char[256];
        for (var i = FirstHit(match); i >= 0; i = NextHit(match, i))
        {
            if (!Holds(i, c.When)) continue;
            var bytes = ElementOf(i, pos);
            if (bytes.IsEmpty) continue;
            var ok = c.Simple?.IsMatch(bytes) ?? (bytes.Length <= chars.Length && Encoding.UTF8.TryGetChars(bytes, chars, out var n)
                ? c.Regex.IsMatch(chars[..n])
                : c.Regex.IsMatch(Encoding.UTF8.GetString(bytes)));
            if (ok) continue;
            var v = Encoding.UTF8.GetString(bytes);
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
