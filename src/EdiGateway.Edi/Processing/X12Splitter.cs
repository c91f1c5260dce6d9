using System.Text;
using EdiGateway.Edi.Errors;
using EdiGateway.Edi.Reading;

namespace EdiGateway.Edi.Processing;

/// <summary>One transaction set cut out of an interchange, wrapped in copies of its original ISA and GS
/// (control numbers kept) with GE01 = 1 and IEA01 = 1.</summary>
/// <param name="InterchangeIndex">1-based index of the source interchange.</param>
/// <param name="InterchangeControlNumber">ISA13 of the source.</param>
/// <param name="GroupControlNumber">GS06 of the source.</param>
/// <param name="SetId">ST01.</param>
/// <param name="ControlNumber">ST02.</param>
/// <param name="Content">The stand-alone interchange bytes.</param>
/// <param name="EnvelopeErrors">ST/SE errors the reader found in the set.</param>
public sealed record X12SplitPart(int InterchangeIndex, string InterchangeControlNumber, string GroupControlNumber,
    string SetId, string ControlNumber, byte[] Content, IReadOnlyList<X12Error> EnvelopeErrors);

/// <summary>Splits interchanges into one interchange per transaction set, streaming.</summary>
public static class X12Splitter
{
    /// <summary>Yields one part per set in <paramref name="stream"/>.</summary>
    public static IEnumerable<X12SplitPart> Split(Stream stream, X12ReaderOptions? options = null, string lineBreak = "\n")
    {
        foreach (var item in X12Reader.Read(stream, options))
        {
            if (item is not X12SetRead { Set: var set }) continue;
            var d = set.Delimiters;
            var term = (char)d.Segment + lineBreak;
            var sep = (char)d.Element;
            var sb = new StringBuilder(set.ByteLength + 400);
            sb.Append(set.Interchange.Raw).Append(term);
            sb.Append("GS").Append(sep).Append(string.Join(sep, set.Group.Elements)).Append(term);
            var bytes = new MemoryStream(set.ByteLength + 600);
            bytes.Write(Encoding.UTF8.GetBytes(sb.ToString()));
            var termBytes = Encoding.UTF8.GetBytes(term);
            for (var i = 0; i < set.SegmentCount; i++)
            {
                bytes.Write(set[i].Span);
                bytes.Write(termBytes);
            }
            var tail = $"GE{sep}1{sep}{set.Group.ControlNumber}{term}IEA{sep}1{sep}{set.Interchange.ControlNumber}{term}";
            bytes.Write(Encoding.UTF8.GetBytes(tail));
            yield return new X12SplitPart(set.Interchange.Index, set.Interchange.ControlNumber, set.Group.ControlNumber,
                set.SetId, set.ControlNumber, bytes.ToArray(), set.EnvelopeErrors);
        }
    }
}
