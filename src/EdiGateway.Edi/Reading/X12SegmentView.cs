using System.Text;

namespace EdiGateway.Edi.Reading;

/// <summary>A read-only view of one segment's bytes (terminator excluded) inside a transaction set buffer.
/// Element access works on spans, so the hot path allocates nothing.</summary>
public readonly struct X12SegmentView
{
    private readonly byte[] _data;
    private readonly int _start;
    private readonly int _length;

    internal X12SegmentView(byte[] data, int start, int length, X12Delimiters delimiters)
    {
        _data = data;
        _start = start;
        _length = length;
        Delimiters = delimiters;
    }

    /// <summary>Delimiters of the enclosing interchange.</summary>
    public X12Delimiters Delimiters { get; }

    /// <summary>The segment bytes, without terminator.</summary>
    public ReadOnlySpan<byte> Span => new(_data, _start, _length);

    /// <summary>The segment id bytes (up to the first element separator).</summary>
    public ReadOnlySpan<byte> IdSpan
    {
        get
        {
            var s = Span;
            var i = s.IndexOf(Delimiters.Element);
            return i < 0 ? s : s[..i];
        }
    }

    /// <summary>The segment id (e.g. PO1).</summary>
    public string Id => Encoding.UTF8.GetString(IdSpan);

    /// <summary>Number of elements after the id (trailing empty elements included as sent).</summary>
    public int ElementCount => Span.Count(Delimiters.Element);

    /// <summary>The raw bytes of element <paramref name="position"/> (1-based), empty when absent.</summary>
    public ReadOnlySpan<byte> GetElement(int position)
    {
        var s = Span;
        for (var i = 0; i < position; i++)
        {
            var k = s.IndexOf(Delimiters.Element);
            if (k < 0) return default;
            s = s[(k + 1)..];
        }
        var e = s.IndexOf(Delimiters.Element);
        return e < 0 ? s : s[..e];
    }

    /// <summary>Element <paramref name="position"/> (1-based) as a string, "" when absent.</summary>
    public string GetElementString(int position) => Encoding.UTF8.GetString(GetElement(position));

    /// <summary>The segment as text.</summary>
    public override string ToString() => Encoding.UTF8.GetString(Span);
}
