using EdiGateway.Edi.Specs;

namespace EdiGateway.Edi.Validation;

/// <summary>Syntax notes (P, R, E, C, L): bitmask fast path, position-by-position check and messages.</summary>
internal sealed partial class SetValidation
{
    private static ulong PresentBits(ReadOnlySpan<bool> present)
    {
        ulong bits = 0;
        for (var p = 1; p < present.Length && p < 64; p++) if (present[p]) bits |= 1UL << p;
        return bits;
    }

    private void CheckSyntax(int index, System.Collections.Immutable.ImmutableArray<SyntaxNote> notes, SyntaxMask[]? masks,
        ReadOnlySpan<bool> present, ulong presentBits, int? composite)
    {
        if (notes.IsDefaultOrEmpty) return;
        if (masks is not null)
        {
            // Precompiled: each note is a bitmask of its positions; only a violated note takes the slow path for its message.
            var violatedAny = false;
            foreach (var m in masks)
                if (m.Violated(presentBits)) { violatedAny = true; break; }
            if (!violatedAny) return;
        }
        foreach (var n in notes)
        {
            var count = 0;
            foreach (var p in n.Positions) if (p < present.Length && present[p]) count++;
            var first = n.Positions[0] < present.Length && present[n.Positions[0]];
            var violated = n.Kind switch
            {
                'P' => count > 0 && count < n.Positions.Length,
                'R' => count == 0,
                'E' => count > 1,
                'C' => first && count < n.Positions.Length,
                'L' => first && count < 2,
                _ => false,
            };
            if (violated) ReportSyntax(index, n, present.ToArray(), composite);
        }
    }

    private void ReportSyntax(int index, SyntaxNote n, bool[] present, int? composite)
    {
        bool P(int pos) => pos < present.Length && present[pos];
        string R(int p) => composite is int c ? Ref(c, p) : Ref(p);
        var names = string.Join(", ", n.Positions.Select(R));
        var rest = string.Join(", ", n.Positions.Skip(1).Select(R));
        switch (n.Kind)
        {
            case 'P':
                SyntaxError(index, n.Positions.First(p => !P(p)), composite, "2", $"if any of {names} is present, all must be (syntax note {n.Text})");
                break;
            case 'R':
                SyntaxError(index, n.Positions[0], composite, "2", $"at least one of {names} is required (syntax note {n.Text})");
                break;
            case 'E':
                SyntaxError(index, n.Positions.Where(P).Skip(1).First(), composite, "10", $"only one of {names} may be present (syntax note {n.Text})");
                break;
            case 'C':
                SyntaxError(index, n.Positions.Skip(1).First(p => !P(p)), composite, "2", $"when {R(n.Positions[0])} is present, {rest} must be too (syntax note {n.Text})");
                break;
            case 'L':
                SyntaxError(index, n.Positions[1], composite, "2", $"when {R(n.Positions[0])} is present, at least one of {rest} must be (syntax note {n.Text})");
                break;
        }
    }

    private void SyntaxError(int index, int position, int? composite, string code, string why)
    {
        var ep = composite ?? position;
        int? cp = composite is null ? null : position;
        var defs = _currentNode?.Segment?.Elements;
        var ed = defs is { } d && ep >= 1 && ep <= d.Length ? d[ep - 1] : null;
        if (ed is not null && cp is int c && c >= 1 && c <= ed.Components.Length) ed = ed.Components[c - 1];
        Element(index, ep, cp, null, ed, code == "10" ? "ExclusionViolated" : "ConditionalElementMissing", code, code, $"{Where(index)}: {why}");
    }
}
