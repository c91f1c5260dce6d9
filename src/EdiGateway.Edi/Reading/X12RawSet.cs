using System.Collections.Immutable;
using EdiGateway.Edi.Errors;

namespace EdiGateway.Edi.Reading;

/// <summary>One transaction set as read (ST to SE, or to where the SE should have been), with its envelope
/// context and the envelope errors found for it. Owns a compact copy of its segment bytes.</summary>
public sealed class X12RawSet
{
    private readonly byte[] _data;
    // Segment index in one array: [0, count] segment starts in _data (segments are contiguous, so the length of
    // segment i is start[i + 1] - start[i]), then [count + 1, 2 count + 1) file offsets relative to _baseOffset.
    // _bigOffsets holds absolute offsets instead when a relative one does not fit an int.
    private readonly int[] _index;
    private readonly long _baseOffset;
    private readonly long[]? _bigOffsets;

    internal X12RawSet(byte[] data, int[] index, long baseOffset, long[]? bigOffsets, int count)
    {
        _data = data;
        _index = index;
        _baseOffset = baseOffset;
        _bigOffsets = bigOffsets;
        SegmentCount = count;
    }

    /// <summary>The enclosing interchange.</summary>
    public required X12InterchangeHeader Interchange { get; init; }
    /// <summary>The enclosing group.</summary>
    public required X12GroupHeader Group { get; init; }
    /// <summary>ST01 transaction set identifier code.</summary>
    public required string SetId { get; init; }
    /// <summary>ST02 transaction set control number.</summary>
    public required string ControlNumber { get; init; }
    /// <summary>ST03 implementation convention reference (5010), if sent.</summary>
    public string? ImplementationReference { get; init; }
    /// <summary>1-based index of the set within its group.</summary>
    public required int IndexInGroup { get; init; }
    /// <summary>Ordinal within the file of the ST segment.</summary>
    public required long FirstSegmentInFile { get; init; }
    /// <summary>True when the set ended with its SE (false when the SE was missing).</summary>
    public required bool HasTrailer { get; init; }
    /// <summary>ST/SE errors (control number, count, missing trailer).</summary>
    public required ImmutableArray<X12Error> EnvelopeErrors { get; init; }

    /// <summary>Segments held, ST and SE included.</summary>
    public int SegmentCount { get; }

    /// <summary>Delimiters of the interchange.</summary>
    public X12Delimiters Delimiters => Interchange.Delimiters;

    /// <summary>Segment <paramref name="index"/> (0-based; 0 is the ST).</summary>
    public X12SegmentView this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, SegmentCount);
            var start = _index[index];
            return new(_data, start, _index[index + 1] - start, Interchange.Delimiters);
        }
    }

    /// <summary>The bytes of segment <paramref name="index"/> (0-based, in range), for the validator's hot path.</summary>
    internal ReadOnlySpan<byte> SegmentSpan(int index)
    {
        var start = _index[index];
        return new(_data, start, _index[index + 1] - start);
    }

    /// <summary>Offset in <see cref="Data"/> where segment <paramref name="index"/> starts.</summary>
    internal int SegmentStart(int index) => _index[index];

    /// <summary>Every segment's bytes, end to end (terminators excluded).</summary>
    internal ReadOnlySpan<byte> Data => _data;

    /// <summary>Byte offset in the file of segment <paramref name="index"/>.</summary>
    public long ByteOffsetOf(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, SegmentCount);
        return _bigOffsets is { } big ? big[index] : _baseOffset + _index[SegmentCount + 1 + index];
    }

    /// <summary>Total bytes of segment data held (terminators excluded).</summary>
    public int ByteLength => _data.Length;

    /// <summary>A position for this set, to be refined by callers.</summary>
    public X12Position Position(int? segmentIndex = null) => new()
    {
        InterchangeIndex = Interchange.Index,
        InterchangeControlNumber = Interchange.ControlNumber,
        GroupControlNumber = Group.ControlNumber,
        SetId = SetId,
        SetControlNumber = ControlNumber,
        SegmentInSet = segmentIndex + 1,
        SegmentInFile = segmentIndex is int i ? FirstSegmentInFile + i : null,
        ByteOffset = segmentIndex is int j ? ByteOffsetOf(j) : null,
        SegmentId = segmentIndex is int k ? this[k].Id : null,
    };
}
