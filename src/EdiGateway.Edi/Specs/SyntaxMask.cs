using System.Collections.Immutable;

namespace EdiGateway.Edi.Specs;

/// <summary>A syntax note as a bitmask of element positions (bit p = position p, 1..63), checked against the bitmask
/// of present elements with one AND and a population count.</summary>
internal readonly record struct SyntaxMask(char Kind, ulong Mask, ulong First, int Count)
{
    /// <summary>Masks for every note, or null when a note names a position outside 1..63 or names one twice.</summary>
    public static SyntaxMask[]? Build(ImmutableArray<SyntaxNote> notes)
    {
        if (notes.IsDefaultOrEmpty) return [];
        var result = new SyntaxMask[notes.Length];
        for (var i = 0; i < notes.Length; i++)
        {
            var n = notes[i];
            if (n.Positions.IsDefaultOrEmpty) return null;
            ulong mask = 0;
            foreach (var p in n.Positions)
            {
                if (p is < 1 or > 63) return null;
                mask |= 1UL << p;
            }
            if (System.Numerics.BitOperations.PopCount(mask) != n.Positions.Length) return null;
            result[i] = new SyntaxMask(n.Kind, mask, 1UL << n.Positions[0], n.Positions.Length);
        }
        return result;
    }

    /// <summary>Same verdict as the position-by-position check.</summary>
    public bool Violated(ulong present)
    {
        var count = System.Numerics.BitOperations.PopCount(present & Mask);
        var first = (present & First) != 0;
        return Kind switch
        {
            'P' => count > 0 && count < Count,
            'R' => count == 0,
            'E' => count > 1,
            'C' => first && count < Count,
            'L' => first && count < 2,
            _ => false,
        };
    }
}
