using System.Text;
using EdiGateway.Edi.Reading;

namespace EdiGateway.Pipeline;

/// <summary>
/// One transaction set as a self-contained interchange: the original ISA and GS, the set's segments as
/// received, and a GE/IEA counting one. Flow actors read this instead of the whole (possibly huge) file.
/// </summary>
public static class SetDocument
{
    public static byte[] Build(X12RawSet set)
    {
        var d = set.Delimiters;
        var element = (char)d.Element;
        var terminator = (char)d.Segment;
        var sb = new StringBuilder(set.ByteLength + 256);
        sb.Append(set.Interchange.Raw).Append(terminator).Append('\n');
        sb.Append("GS").Append(element).Append(string.Join(element, set.Group.Elements)).Append(terminator).Append('\n');
        for (var i = 0; i < set.SegmentCount; i++)
        {
            sb.Append(set[i].ToString()).Append(terminator).Append('\n');
        }

        sb.Append("GE").Append(element).Append('1').Append(element).Append(set.Group.ControlNumber).Append(terminator).Append('\n');
        sb.Append("IEA").Append(element).Append('1').Append(element).Append(set.Interchange.ControlNumber).Append(terminator).Append('\n');
        return Encoding.UTF8.GetBytes(sb.ToString());
    }
}
