using System.Globalization;

namespace EdiGateway.Edi.Validation;

/// <summary>HL hierarchy: HL01 sequence, HL02 parent exists, HL03 level under an allowed parent level.
/// HL ids are tracked by ordinal (HL01 must count 1, 2, 3...), so the hot path allocates nothing.</summary>
internal sealed partial class SetValidation
{
    // Per HL in order: its segment, level code, parent HL (0 top, -1 unknown) and its path from the top packed one byte
    // a level (0 when it cannot be: a level past the eighth, an unknown parent).
    private List<(int Index, byte Level, int Parent, ulong Path)>? _hl;
    [ThreadStatic] private static List<(int Index, byte Level, int Parent, ulong Path)>? t_hl;

    private static int ParseId(ReadOnlySpan<byte> v)
    {
        if (v.IsEmpty || v.Length > 9) return -1;
        var n = 0;
        foreach (var b in v)
        {
            if (b is < (byte)'0' or > (byte)'9') return -1;
            n = n * 10 + (b - '0');
        }
        return n;
    }

    private void CheckHl(int index)
    {
        if (_hl is null)
        {
            _hl = _pooled ? t_hl ??= [] : [];
            _hl.Clear();
        }
        var e1 = ElementOf(index, 1);
        var e2 = ElementOf(index, 2);
        var e3 = ElementOf(index, 3);

        var expected = _hl.Count + 1;
        var id = ParseId(e1);
        if (id != expected)
        {
            var hl01 = Str(e1);
            Element(index, 1, null, null, null, "HlSequence", "7", "I12",
                $"{Where(index)}, element HL01 hierarchical ID '{hl01}' is out of sequence; expected '{expected.ToString(CultureInfo.InvariantCulture)}' (HL01 counts 1, 2, 3... in order)", hl01);
        }
        var parent = 0;
        if (!e2.IsEmpty)
        {
            parent = ParseId(e2);
            if (parent < 1 || parent > _hl.Count)
            {
                Element(index, 2, null, null, null, "HlParentMissing", "7", "I12",
                    $"{Where(index)}, element HL02 parent ID '{Str(e2)}' does not refer to an earlier HL", Str(e2));
                parent = -1;
            }
        }
        var level = e3.IsEmpty ? (byte)'?' : e3[0];
        var levels = _schema.Set.HlLevels;
        if (levels is not null && !e3.IsEmpty && !HlLevelFits(e3, parent))
        {
            var code = Str(e3);
            if (!levels.TryGetValue(code, out var parents))
                Element(index, 3, null, null, null, "HlLevelUnknown", "7", "7",
                    $"{Where(index)}, element HL03 level code '{code}' is not one of {string.Join(", ", levels.Keys)} for a {_schema.Set.Id}", code);
            else if (parent >= 0)
            {
                string? parentLevel = parent == 0 ? null : ((char)_hl[parent - 1].Level).ToString();
                if (!parents.Contains(parentLevel))
                {
                    var allowed = string.Join(", ", parents.Select(p => p ?? "top level"));
                    Element(index, 3, null, null, null, "HlLevelParent", "7", "I12",
                        $"{Where(index)}, HL level '{code}' cannot sit {(parentLevel is null ? "at the top level" : $"under level '{parentLevel}' (HL {parent.ToString(CultureInfo.InvariantCulture)})")}; allowed parents: {allowed}", code);
                }
            }
        }
        var up = parent > 0 ? _hl[parent - 1].Path : 0;
        var path = parent == 0 ? level : up is not 0 and < 1UL << 56 ? up << 8 | level : 0UL;
        _hl.Add((index, level, parent, path));
    }

    /// <summary>Fast path: true when HL03 is a known one-character level allowed under the parent's level, so the
    /// string-based check below (which builds the messages) would report nothing.</summary>
    private bool HlLevelFits(ReadOnlySpan<byte> e3, int parent)
    {
        if (_schema.HlTable is not { } table || e3.Length != 1 || e3[0] >= 128 || table[e3[0]] is not { } allowed) return false;
        if (parent < 0) return true;
        var p = parent == 0 ? 128 : _hl![parent - 1].Level;
        return p <= 128 && allowed[p];
    }

    /// <summary>Level codes from the top down to HL number <paramref name="id"/> (e.g. SOTPI), written into <paramref name="buffer"/>.</summary>
    private ReadOnlySpan<char> HlPath(int id, Span<char> buffer)
    {
        var n = 0;
        while (id >= 1 && id <= _hl!.Count && n < buffer.Length)
        {
            var (_, level, parent, _) = _hl[id - 1];
            buffer[n++] = (char)level;
            id = parent;
        }
        var path = buffer[..n];
        path.Reverse();
        return path;
    }
}
