using System.Collections.Frozen;

namespace EdiGateway.Edi.Specs;

/// <summary>A code list that can be probed with raw bytes without allocating.</summary>
public sealed class CodeSet
{
    private readonly FrozenSet<string> _set;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly byte[][]? _small;
    private readonly ulong[]? _packedSmall;
    private readonly FrozenSet<ulong>? _packed;

    /// <summary>Creates a set from codes.</summary>
    public CodeSet(IEnumerable<string> codes)
    {
        _set = codes.ToFrozenSet(StringComparer.Ordinal);
        _lookup = _set.GetAlternateLookup<ReadOnlySpan<char>>();
        Values = [.. _set.Order(StringComparer.Ordinal)];
        if (_set.Count <= 16) _small = [.. Values.Select(v => System.Text.Encoding.Latin1.GetBytes(v))];
        // Codes of up to 7 ASCII characters (almost every X12 list) are packed into one ulong each: length in the top byte.
        if (Values.All(v => v.Length <= 7 && v.All(char.IsAscii)))
        {
            var keys = Values.Select(v => Pack(System.Text.Encoding.ASCII.GetBytes(v))).ToArray();
            if (keys.Length <= 16) _packedSmall = keys;
            else _packed = keys.ToFrozenSet();
        }
    }

    private static ulong Pack(ReadOnlySpan<byte> v)
    {
        var key = (ulong)v.Length << 56;
        for (var i = 0; i < v.Length; i++) key |= (ulong)v[i] << (8 * i);
        return key;
    }

    /// <summary>The codes, sorted.</summary>
    public IReadOnlyList<string> Values { get; }

    /// <summary>True when the (ASCII/Latin-1) bytes are one of the codes.</summary>
    public bool Contains(ReadOnlySpan<byte> value)
    {
        if (_packedSmall is not null || _packed is not null)
        {
            if (value.Length > 7) return false;
            var key = Pack(value);
            if (_packed is not null) return _packed.Contains(key);
            foreach (var k in _packedSmall!)
                if (k == key) return true;
            return false;
        }
        if (_small is not null)
        {
            foreach (var code in _small)
                if (value.SequenceEqual(code)) return true;
            return false;
        }
        if (value.Length > 128) return false;
        Span<char> chars = stackalloc char[value.Length];
        for (var i = 0; i < value.Length; i++) chars[i] = (char)value[i];
        return _lookup.Contains(chars);
    }

    /// <summary>True when the string is one of the codes.</summary>
    public bool Contains(string value) => _set.Contains(value);

    /// <summary>Codes for a message: "EA, CA" (first 12, then "...").</summary>
    public string Describe(IReadOnlyList<string>? order = null)
    {
        var list = order ?? Values;
        return list.Count <= 12 ? string.Join(", ", list) : string.Join(", ", list.Take(12)) + ", ...";
    }
}
