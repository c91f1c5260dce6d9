using EdiGateway.Edi.Errors;
using EdiGateway.Edi.Reading;
using EdiGateway.Edi.Specs;

namespace EdiGateway.Edi.Validation;

/// <summary>Per-set validation state: the loop state machine over the effective structure.</summary>
internal sealed partial class SetValidation
{
    private sealed class Frame(EffectiveNode loop)
    {
        public EffectiveNode Loop { get; } = loop;
        public int Pos { get; set; }
        public int[] Counts { get; } = new int[loop.Children.Length];

        public Frame Reset()
        {
            Pos = 0;
            Array.Clear(Counts);
            return this;
        }
    }

    private readonly Frame?[] _frames;

    /// <summary>A cleared frame for <paramref name="loop"/>; a loop is never on the stack twice, so its frame is reused.</summary>
    private Frame FrameFor(EffectiveNode loop) =>
        (_frames[loop.LoopOrdinal] ??= new Frame(loop)).Reset();

    private readonly X12RawSet _set;
    private readonly EffectiveSet _schema;
    private readonly X12ValidationOptions _options;
    private readonly List<X12Error> _errors;
    // The loops open at the current segment, outermost first: _stack[0.._depth). A loop is never open twice, so the
    // depth never passes the loop count plus the root.
    private readonly Frame[] _stack;
    private int _depth;
    private readonly EffectiveNode?[] _nodes;
    private readonly bool _pooled;

    // Per-thread scratch reused across sets (frames per schema, node array), so validation allocates little.
    [ThreadStatic] private static Dictionary<EffectiveSet, (Frame?[] Frames, Frame[] Stack)>? t_frames;
    [ThreadStatic] private static EffectiveNode?[]? t_nodes;
    [ThreadStatic] private static bool t_busy;
    private readonly X12Delimiters _d;
    private SpecialSet? _special;

    /// <summary>The special bytes of this set's delimiters, for the full element check.</summary>
    private SpecialSet SpecialBytesHere => _special ??= Special(_d);
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<X12Delimiters, SpecialSet> SpecialBytes = new();

    /// <summary>Bytes that end the fast element scan (the separators, control characters, DEL and every non-ASCII byte),
    /// as a table for the first bytes of a value (most are short) and as search values for the rest.</summary>
    private sealed class SpecialSet(System.Buffers.SearchValues<byte> values, bool[] table)
    {
        private const int ScalarBytes = 16;

        /// <summary>Index of the first special byte in <paramref name="s"/>, or -1 (same answer as IndexOfAny).</summary>
        public int IndexIn(ReadOnlySpan<byte> s)
        {
            var n = Math.Min(s.Length, ScalarBytes);
            for (var i = 0; i < n; i++)
                if (table[s[i]]) return i;
            if (s.Length <= ScalarBytes) return -1;
            var j = s[ScalarBytes..].IndexOfAny(values);
            return j < 0 ? -1 : j + ScalarBytes;
        }
    }

    private static SpecialSet Special(X12Delimiters d) => SpecialBytes.GetOrAdd(d, static d =>
    {
        var bytes = new List<byte> { d.Element, d.Component, 0x7F };
        if (d.HasRepetition) bytes.Add(d.Repetition);
        for (var b = 0; b < 0x20; b++) bytes.Add((byte)b);
        for (var b = 0x80; b <= 0xFF; b++) bytes.Add((byte)b);
        var table = new bool[256];
        foreach (var b in bytes) table[b] = true;
        return new SpecialSet(System.Buffers.SearchValues.Create([.. bytes.Distinct()]), table);
    });

    public SetValidation(X12RawSet set, EffectiveSet schema, X12ValidationOptions options, List<X12Error> errors)
    {
        _set = set;
        _schema = schema;
        _options = options;
        _errors = errors;
        _d = set.Delimiters;
        if (!t_busy)
        {
            t_busy = true;
            _pooled = true;
            var cache = t_frames ??= [];
            if (cache.Count > 256) cache.Clear();
            if (!cache.TryGetValue(schema, out var scratch)) cache[schema] = scratch = (new Frame?[schema.LoopCount], new Frame[schema.LoopCount + 1]);
            (_frames, _stack) = scratch;
            var nodes = t_nodes;
            if (nodes is null || nodes.Length < set.SegmentCount) t_nodes = nodes = new EffectiveNode?[Math.Max(set.SegmentCount, 256)];
            else Array.Clear(nodes, 0, set.SegmentCount);
            _nodes = nodes;
        }
        else
        {
            _frames = new Frame?[schema.LoopCount];
            _stack = new Frame[schema.LoopCount + 1];
            _nodes = new EffectiveNode?[set.SegmentCount];
        }
    }

    public void Run()
    {
        try
        {
            RunCore();
        }
        finally
        {
            if (_pooled) t_busy = false;
        }
    }

    private void RunCore()
    {
        _stack[_depth++] = FrameFor(_schema.Root);
        // A set with no control, non-ASCII, component or repetition bytes (nearly every set) needs no per-segment scan
        // for them; in any other set each segment is looked at on its own.
        var data = _set.Data;
        var clean = IsClean(data);
        InitIndex();
        MarkSeparators(data);
        _elementsAt[0] = 0;
        for (var i = 0; i < _set.SegmentCount; i++)
        {
            var span = _set.SegmentSpan(i);
            var at = _set.SegmentStart(i);
            var idLength = NextSeparator(at, at + span.Length) - at;
            var node = Locate(span[..idLength], i);
            _nodes[i] = node;
            _next[i] = -1;
            if (node is null)
            {
                IndexElements(span, idLength);
                _elementsAt[i + 1] = _startCount;
                continue;
            }
            Place(i, node);
            // The fast path only says "nothing to report" (and indexes the elements); anything else gets the full
            // check, which builds the messages.
            if (node.Plan is not { } plan)
                IndexElements(span, idLength);
            else if (!((clean || IsClean(span)) && FastElements(i, span, idLength, plan)))
            {
                _startCount = _elementsAt[i];
                IndexElements(span, idLength);
                _currentNode = node;
                ValidateElements(i, span, idLength, node.Segment!, node);
            }
            _elementsAt[i + 1] = _startCount;
            if (node.IsHlSegment)
            {
                _currentNode = node;
                CheckHl(i);
            }
        }
        while (_depth > 1) PopFrame(_set.SegmentCount - 1);
        CheckMissing(_stack[0], _stack[0].Loop.Children.Length, _set.SegmentCount - 1);
        if (_schema.Rules.Length > 0) RunRules();
    }

    /// <summary>Which occurrence of <paramref name="id"/> segment <paramref name="index"/> is (for messages only).</summary>
    private int Occurrence(string id, int index)
    {
        var n = 1;
        for (var k = 0; k < index; k++)
            if (_nodes[k] is { } node && node.Id == id) n++;
        return n;
    }

    /// <summary>How many positions after a frame's current one are compared directly before the index is asked.</summary>
    private const int ScanAhead = 6;

    private EffectiveNode? Locate(ReadOnlySpan<byte> id, int index)
    {
        var key = EffectiveNode.Key(id);
        if (key == 0)
        {
            ReportUnplaced(id, index);
            return null;
        }
        for (var depth = _depth - 1; depth >= 0; depth--)
        {
            var frame = _stack[depth];
            var loop = frame.Loop;
            var from = depth > 0 && frame.Pos == 0 ? 1 : frame.Pos;
            var j = FirstChild(loop, key, from);
            if (j < 0) continue;
            var c = loop.Children[j];
            while (_depth - 1 > depth) PopFrame(index);
            CheckMissing(frame, j, index);
            frame.Pos = j;
            var count = ++frame.Counts[j];
            if (c.IsLoop)
            {
                if (count > c.Max)
                    Segment(index, c.Trigger, c.Id, "LoopExceedsMaximum", "4", "4", $"Loop {c.Id} occurs {count} times; {Limit(c)} {c.Max}");
                var inner = FrameFor(c);
                inner.Counts[0] = 1;
                _stack[_depth++] = inner;
                var trigger = c.Children[0];
                if (trigger.NotUsedHere) NotUsed(index, trigger, c);
                return trigger;
            }
            if (count > c.Max)
                Segment(index, c.Id, c.LoopId, "SegmentExceedsMaximumUse", "5", c.FromGuide ? "I8" : "5",
                    $"{c.Id} occurs {count} times here; {Limit(c)} {c.Max}");
            if (c.NotUsedHere) NotUsed(index, c, null);
            return c;
        }
        ReportUnplaced(id, index);
        return null;
    }

    /// <summary>The first child of <paramref name="loop"/> at or after <paramref name="from"/> whose trigger has
    /// <paramref name="key"/>, or -1: the next few positions directly (a set nearly always goes forward by one or
    /// repeats), the rest through the loop's index.</summary>
    private static int FirstChild(EffectiveNode loop, int key, int from)
    {
        if (key == loop.UniqueTriggerKey && from > 0) return -1;
        var keys = loop.ChildKeys;
        var end = Math.Min(keys.Length, from + ScanAhead);
        for (var q = from; q < end; q++)
            if (keys[q] == key) return q;
        if (end >= keys.Length || !loop.ChildIndex.TryGetValue(key, out var candidates)) return -1;
        foreach (var c in candidates)
            if (c >= end) return c;
        return -1;
    }

    private string Limit(EffectiveNode n) => n.FromGuide ? $"{_schema.PartnerName} allows at most" : "the standard allows at most";

    private void NotUsed(int index, EffectiveNode node, EffectiveNode? loop) =>
        Segment(index, node.Id, node.LoopId, "SegmentNotUsed", "2", "I4",
            $"{node.Id} (segment {index + 1}) is not used by {_schema.PartnerName}" + (loop is not null ? $" (loop {loop.Id})" : ""));

    private void PopFrame(int index)
    {
        var frame = _stack[_depth - 1];
        CheckMissing(frame, frame.Loop.Children.Length, index);
        _depth--;
    }

    /// <summary>Reports mandatory items skipped between the frame's position and <paramref name="upTo"/>.</summary>
    /// <remarks>Nearly always there is none: the test is small enough to inline at every call, the walk is not.</remarks>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private void CheckMissing(Frame frame, int upTo, int index)
    {
        if (frame.Loop.NextMandatory[frame.Pos] < upTo) ReportMissing(frame, upTo, index);
    }

    private void ReportMissing(Frame frame, int upTo, int index)
    {
        var children = frame.Loop.Children;
        var next = frame.Loop.NextMandatory;
        for (var k = next[frame.Pos]; k < upTo; k = next[k + 1])
        {
            if (frame.Counts[k] > 0) continue;
            var c = children[k];
            if (c.Id == "SE" && !_set.HasTrailer) continue;
            var by = c.FromGuide ? $" ({_schema.PartnerName} requires it)" : "";
            var where = frame.Loop.Id.Length == 0 ? "" : $" in loop {frame.Loop.Id}";
            if (c.IsLoop)
                Segment(index, c.Trigger, c.Id, "MandatoryLoopMissing", "3", c.FromGuide ? "I7" : "3",
                    $"Mandatory loop {c.Id} (starting with {c.Trigger}) is missing{where} before segment {index + 1}{by}");
            else
                Segment(index, c.Id, c.LoopId, "MandatorySegmentMissing", "3", c.FromGuide ? "I6" : "3",
                    $"Mandatory segment {c.Id} is missing{where} before segment {index + 1}{by}");
        }
    }

    private void ReportUnplaced(ReadOnlySpan<byte> idBytes, int index)
    {
        var id = System.Text.Encoding.UTF8.GetString(idBytes);
        var valid = id.Length is 2 or 3 && char.IsAsciiLetterUpper(id[0]) && id.All(ch => char.IsAsciiLetterUpper(ch) || char.IsAsciiDigit(ch));
        if (!valid)
        {
            var why = id.Length == 0 ? "an empty segment" : id.Any(char.IsWhiteSpace) ? $"'{id}' contains whitespace" : $"'{id}' is not 2-3 upper-case letters/digits";
            Segment(index, id.Length == 0 ? "" : id[..Math.Min(3, id.Length)], null, "InvalidSegmentId", "1", "1", $"Segment {index + 1} has no valid segment id: {why}");
        }
        else if (!_schema.Version.Segments.ContainsKey(id))
            Segment(index, id, null, "UnrecognizedSegment", "1", "1", $"Segment {index + 1} '{id}' is not an X12 {_schema.Version.Version} segment");
        else if (_schema.SegmentNodes().Any(n => n.Id == id))
            Segment(index, id, null, "SegmentOutOfOrder", "7", "7",
                $"{id} (segment {index + 1}) is not in its proper place: the {_schema.Set.Id} structure does not allow it after {PreviousId(index)}");
        else
            Segment(index, id, null, "SegmentNotInSet", "6", "6", $"{id} (segment {index + 1}) is not part of transaction set {_schema.Set.Id}");
    }

    private string PreviousId(int index)
    {
        for (var k = index - 1; k >= 0; k--)
            if (_nodes[k] is { } n) return $"{n.Id} (segment {k + 1})";
        return "the start";
    }

    private void Segment(int index, string segmentId, string? loopId, string code, string ak304, string ik304, string message) =>
        _errors.Add(X12Errors.Segment(_set.Position(index) with { SegmentId = segmentId, LoopId = loopId }, code, ak304, ik304, message));
}
