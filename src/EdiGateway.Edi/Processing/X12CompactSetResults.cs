using System.Collections.Immutable;
using System.Globalization;
using EdiGateway.Edi.Errors;
using EdiGateway.Edi.Validation;

namespace EdiGateway.Edi.Processing;

/// <summary>The per-set results of one group as retained for the acknowledgements: a set without errors or warnings
/// and with a numeric ST02 is kept as a packed entry (control number, index in group, shared ST01/ST03/guide), and
/// a run of such sets numbered one after another (0001, 0002, ... at indexes 1, 2, ...), as senders number them, is
/// one entry, so a group of clean sets costs a few bytes whatever its size; any other set keeps its full
/// <see cref="X12SetResult"/>. <see cref="Materialize"/> gives back equal results.</summary>
internal sealed class X12CompactSetResults
{
    private readonly record struct Shape(string SetId, string? ImplementationReference, string? GuideId);

    /// <summary>Ref &gt;= 0: a shape index, Packed = control number value &lt;&lt; 4 | digit count of the first set, and Run sets
    /// in a row (control number and index each one more than the last); Ref &lt; 0: full result ~Ref (Run 1).</summary>
    private readonly record struct Entry(long Packed, int IndexInGroup, int Ref, int Run);

    private readonly List<Shape> _shapes = [];
    private readonly List<X12SetResult> _full = [];
    private Entry[] _entries = new Entry[16];
    private int _entryCount;
    private int _lastShape = -1;

    /// <summary>Number of sets held.</summary>
    public int Count { get; private set; }

    /// <summary>Sets not rejected.</summary>
    public int AcceptedCount { get; private set; }

    public void Add(X12SetResult result)
    {
        if (result.Status != X12AckStatus.Rejected) AcceptedCount++;
        Count++;
        if (result.Errors.IsEmpty && !result.Errors.IsDefault && TryPack(result.ControlNumber, out var packed))
        {
            var shape = ShapeOf(result);
            if (_entryCount > 0 && _entries[_entryCount - 1] is { Ref: >= 0 } last && last.Ref == shape
                && packed == last.Packed + ((long)last.Run << 4) && result.IndexInGroup == last.IndexInGroup + last.Run)
            {
                _entries[_entryCount - 1] = last with { Run = last.Run + 1 };
                return;
            }
            Append(new Entry(packed, result.IndexInGroup, shape, 1));
        }
        else
        {
            _full.Add(result);
            Append(new Entry(0, 0, ~(_full.Count - 1), 1));
        }
    }

    private void Append(Entry e)
    {
        if (_entryCount == _entries.Length) Array.Resize(ref _entries, _entries.Length * 2);
        _entries[_entryCount++] = e;
    }

    /// <summary>Drops spare capacity once the group is complete.</summary>
    public X12CompactSetResults Seal()
    {
        if (_entries.Length > _entryCount) Array.Resize(ref _entries, _entryCount);
        _full.TrimExcess();
        return this;
    }

    /// <summary>The results in order (allocated on each call; nothing is cached).</summary>
    public ImmutableArray<X12SetResult> Materialize()
    {
        var b = ImmutableArray.CreateBuilder<X12SetResult>(Count);
        for (var k = 0; k < _entryCount; k++)
        {
            var e = _entries[k];
            if (e.Ref < 0)
            {
                b.Add(_full[~e.Ref]);
                continue;
            }
            var s = _shapes[e.Ref];
            for (var r = 0; r < e.Run; r++)
                b.Add(new X12SetResult(s.SetId, Unpack(e.Packed + ((long)r << 4)), s.ImplementationReference, e.IndexInGroup + r, s.GuideId, ImmutableArray<X12Error>.Empty));
        }
        return b.MoveToImmutable();
    }

    /// <summary>Errors and warnings of every set, in set order (only full results have any).</summary>
    public IEnumerable<X12Error> Errors() => _full.SelectMany(s => s.Errors);

    private int ShapeOf(X12SetResult r)
    {
        if (_lastShape >= 0 && Same(_shapes[_lastShape], r)) return _lastShape;
        for (var i = 0; i < _shapes.Count; i++)
            if (Same(_shapes[i], r)) return _lastShape = i;
        _shapes.Add(new Shape(r.SetId, r.ImplementationReference, r.GuideId));
        return _lastShape = _shapes.Count - 1;
    }

    private static bool Same(Shape s, X12SetResult r) =>
        string.Equals(s.SetId, r.SetId, StringComparison.Ordinal)
        && string.Equals(s.ImplementationReference, r.ImplementationReference, StringComparison.Ordinal)
        && string.Equals(s.GuideId, r.GuideId, StringComparison.Ordinal);

    private static bool TryPack(string control, out long packed)
    {
        packed = 0;
        if (control.Length is < 1 or > 9) return false;
        long v = 0;
        foreach (var c in control)
        {
            if (!char.IsAsciiDigit(c)) return false;
            v = v * 10 + (c - '0');
        }
        packed = v << 4 | (uint)control.Length;
        return true;
    }

    private static string Unpack(long packed) =>
        (packed >> 4).ToString(CultureInfo.InvariantCulture).PadLeft((int)(packed & 0xF), '0');
}
