using System.Text;
using EdiGateway.Edi.Specs;

namespace EdiGateway.Edi.Validation;

/// <summary>Guide rules over qualifier/value pairs: GS1 check digits by qualifier and the pair rule.</summary>
internal sealed partial class SetValidation
{
    private int ElementCount(int index) => _elementsAt[index + 1] - _elementsAt[index] - 1;

    private void RunCheckPairs(CheckDigitRule rule, CompiledCheckPairs r)
    {
        var from = rule.PairsFrom!.Value;
        for (var i = FirstHit(r.Match); i >= 0; i = NextHit(r.Match, i))
        {
            // Position q is a qualifier when q >= from, (q - from) is even and a value position follows it.
            var count = ElementCount(i);
            for (var q = from; q < count; q += 2)
            {
                var qual = ElementOf(i, q);
                var known = r.Qualifiers.IndexOf(qual);
                if (known < 0) continue;
                var scheme = r.Schemes[known];
                var value = ElementOf(i, q + 1);
                if (value.IsEmpty || Gs1.Passes(value, scheme)) continue;
                var v = Encoding.UTF8.GetString(value);
                if (Gs1.Check(v, scheme) is { } why)
                    RuleError(i, q + 1, "CheckDigit", $"{rule.Segment} (segment {i + 1}), element {rule.Segment}{q + 1:00} {Encoding.UTF8.GetString(qual)} '{v}' {why}", v);
            }
        }
    }

    private void RunPair(PairRule r, CompiledPair c)
    {
        var allowed = c.Allowed;
        for (var i = FirstHit(c.Match); i >= 0; i = NextHit(c.Match, i))
        {
            var count = ElementCount(i);
            for (var q = r.PairsFrom; q <= count; q += 2)
            {
                var qual = ElementOf(i, q);
                var v = ElementOf(i, q + 1);
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
}
