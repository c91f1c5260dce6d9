using EdiGateway.Edi.Specs;

namespace EdiGateway.Edi.Validation;

/// <summary>What the main pass leaves for the guide rules: where each element of each segment starts, and the
/// segments at each structure position in set order, so a rule reads an element with two array reads and visits
/// only the segments it addresses.</summary>
internal sealed partial class SetValidation
{
    private sealed class IndexScratch
    {
        public int[] ElementsAt = [];
        public int[] Starts = [];
        public int[] Next = [];
        public int[] First = [];
        public int[] Last = [];
        public ulong[] Separators = [];
    }

    [ThreadStatic] private static IndexScratch? t_index;

    // Segment i's elements 1..n start at _starts[_elementsAt[i] .. + n) (offsets in the segment), followed by one
    // sentinel, the segment length + 1, so element p ends one byte before the start of p + 1.
    private int[] _elementsAt = [];
    private int[] _starts = [];
    private int _startCount;
    // Per structure position (SegmentOrdinal): the first and last segment placed there; per segment: the next one.
    private int[] _first = [];
    private int[] _last = [];
    private int[] _next = [];

    private void InitIndex()
    {
        var scratch = _pooled ? t_index ??= new IndexScratch() : new IndexScratch();
        var segments = _set.SegmentCount;
        var starts = _set.Data.Length + segments + 1;
        if (scratch.ElementsAt.Length < segments + 1) scratch.ElementsAt = new int[Math.Max(segments + 1, 256)];
        if (scratch.Next.Length < segments) scratch.Next = new int[Math.Max(segments, 256)];
        if (scratch.Starts.Length < starts) scratch.Starts = new int[Math.Max(starts, 4096)];
        var words = (_set.Data.Length + 63) >> 6;
        if (scratch.Separators.Length < words) scratch.Separators = new ulong[Math.Max(words, 256)];
        var positions = _schema.SegmentNodeCount;
        if (scratch.First.Length < positions)
        {
            scratch.First = new int[Math.Max(positions, 64)];
            scratch.Last = new int[scratch.First.Length];
        }
        _elementsAt = scratch.ElementsAt;
        _starts = scratch.Starts;
        _next = scratch.Next;
        _first = scratch.First;
        _last = scratch.Last;
        _separators = scratch.Separators;
        _first.AsSpan(0, positions).Fill(-1);
        _startCount = 0;
        // Large scratch is not kept for the thread's next set.
        if (_pooled && starts > 1 << 20) t_index = null;
    }

    /// <summary>Notes segment <paramref name="index"/> at its structure position.</summary>
    private void Place(int index, EffectiveNode node)
    {
        var ordinal = node.SegmentOrdinal;
        if (ordinal < 0) return;
        var last = _first[ordinal] < 0 ? -1 : _last[ordinal];
        if (last < 0) _first[ordinal] = index;
        else _next[last] = index;
        _last[ordinal] = index;
    }

    /// <summary>Indexes the elements of a segment the fast path did not (element separators only, as
    /// <see cref="Reading.X12SegmentView.GetElement"/> splits).</summary>
    private void IndexElements(ReadOnlySpan<byte> span, int idLength)
    {
        var sep = _d.Element;
        if (idLength < span.Length)
        {
            var start = idLength + 1;
            while (true)
            {
                _starts[_startCount++] = start;
                var k = span[start..].IndexOf(sep);
                if (k < 0) break;
                start += k + 1;
            }
        }
        _starts[_startCount++] = span.Length + 1;
    }

    /// <summary>Element <paramref name="position"/> (1-based) of segment <paramref name="index"/>, empty when absent.</summary>
    private ReadOnlySpan<byte> ElementOf(int index, int position)
    {
        var at = _elementsAt[index];
        var count = _elementsAt[index + 1] - at - 1;
        if ((uint)(position - 1) >= (uint)count) return default;
        var from = _starts[at + position - 1];
        return _set.SegmentSpan(index).Slice(from, _starts[at + position] - 1 - from);
    }

    /// <summary>The first segment <paramref name="match"/> addresses, or -1.</summary>
    private int FirstHit(SegmentMatch match) => match.SingleOrdinal switch
    {
        >= 0 and var o => _first[o],
        SegmentMatch.None => -1,
        _ => ScanHits(match, 0),
    };

    /// <summary>The next segment after <paramref name="index"/> that <paramref name="match"/> addresses, or -1.</summary>
    private int NextHit(SegmentMatch match, int index) => match.SingleOrdinal >= 0 ? _next[index] : ScanHits(match, index + 1);

    private int ScanHits(SegmentMatch match, int from)
    {
        for (var k = from; k < _set.SegmentCount; k++)
            if (match.Hits(_nodes[k])) return k;
        return -1;
    }
}
