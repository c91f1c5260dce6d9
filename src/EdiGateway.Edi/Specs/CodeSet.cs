using System.Buffers.Binary;
using System.Collections.Frozen;

namespace EdiGateway.Edi.Specs;

/// <summary>A code list that can be probed with raw bytes without allocating.</summary>
public sealed class CodeSet
{
    private readonly FrozenSet<string> _set;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly byte[][]? _small;
    // Codes of up to 7 ASCII characters (almost every X12 list), packed into one ulong each (length in the top byte,
    // so no key is 0), in an open-addressing table at most half full: a probe is a multiply, a shift and a compare.
    private readonly ulong[]? _table;
    private readonly int[]? _slotIndex; // the index in Values of each table slot's code
    private readonly int _shift;

    /// <summary>Creates a set from codes.</summary>
    public CodeSet(IEnumerable<string> codes)
    {
        _set = codes.ToFrozenSet(StringComparer.Ordinal);
        _lookup = _set.GetAlternateLookup<ReadOnlySpan<char>>();
        Values = [.. _set.Order(StringComparer.Ordinal)];
        if (_set.Count <= 16) _small = [.. Values.Select(v => System.Text.Encoding.Latin1.GetBytes(v))];
        if (Values.All(v => v.Length is > 0 and <= 7 && v.All(char.IsAscii)))
        {
            var bits = 1;
            while (1 << bits < 2 * Values.Count) bits++;
            _table = new ulong[1 << bits];
            _slotIndex = new int[1 << bits];
            _shift = 64 - bits;
            for (var i = 0; i < Values.Count; i++)
            {
                var key = Pack(System.Text.Encoding.ASCII.GetBytes(Values[i]));
                var h = Slot(key);
                while (_table[h] != 0) h = (h + 1) & (_table.Length - 1);
                _table[h] = key;
                _slotIndex[h] = i;
            }
        }
    }

    private int Slot(ulong key) => (int)((key * 0x9E3779B97F4A7C15UL) >> _shift);

    /// <summary>The table slot holding the packed code <paramref name="value"/>, or -1 (table sets only).</summary>
    private int Find(ulong[] table, ReadOnlySpan<byte> value)
    {
        if (value.Length is 0 or > 7) return -1;
        var key = Pack(value);
        var mask = table.Length - 1;
        for (var h = Slot(key); ; h = (h + 1) & mask)
        {
            var k = table[h];
            if (k == key) return h;
            if (k == 0) return -1;
        }
    }

    /// <summary>Packs 1 to 7 bytes into a ulong: byte i at bits 8i, the length in the top byte.</summary>
    private static ulong Pack(ReadOnlySpan<byte> v)
    {
        var key = (ulong)v.Length << 56;
        if (v.Length >= 4)
        {
            // Two overlapping 4-byte reads: the shared bytes land on the same bits.
            key |= BinaryPrimitives.ReadUInt32LittleEndian(v);
            key |= (ulong)BinaryPrimitives.ReadUInt32LittleEndian(v[^4..]) << (8 * (v.Length - 4));
            return key;
        }
        return v.Length switch
        {
            3 => key | BinaryPrimitives.ReadUInt16LittleEndian(v) | (ulong)v[2] << 16,
            2 => key | BinaryPrimitives.ReadUInt16LittleEndian(v),
            1 => key | v[0],
            _ => key,
        };
    }

    /// <summary>The codes, sorted.</summary>
    public IReadOnlyList<string> Values { get; }

    /// <summary>True when the (ASCII/Latin-1) bytes are one of the codes.</summary>
    public bool Contains(ReadOnlySpan<byte> value)
    {
        if (_table is { } table) return Find(table, value) >= 0;
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

    /// <summary>Index in <see cref="Values"/> of the (ASCII/Latin-1) code <paramref name="value"/>, or -1, so a table
    /// keyed by code can be an array in <see cref="Values"/> order.</summary>
    public int IndexOf(ReadOnlySpan<byte> value)
    {
        if (_table is { } table) return Find(table, value) is >= 0 and var slot ? _slotIndex![slot] : -1;
        if (!Contains(value)) return -1;
        var s = System.Text.Encoding.Latin1.GetString(value);
        for (var i = 0; i < Values.Count; i++)
            if (Values[i] == s) return i;
        return -1;
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
