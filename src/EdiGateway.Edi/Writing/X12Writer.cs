using System.Text;
using EdiGateway.Edi.Model;

namespace EdiGateway.Edi.Writing;

/// <summary>Options of the writer.</summary>
/// <param name="LineBreak">Written after each segment terminator ("" for none, "\n" or "\r\n").</param>
public sealed record X12WriteOptions(string LineBreak = "\n");

/// <summary>Serialises the generic tree to X12 bytes exactly as given (no recounting): the round-trip path.
/// Use <see cref="X12Envelope"/> to create envelopes with correct counts and control numbers.</summary>
public static class X12Writer
{
    /// <summary>Writes a document to <paramref name="stream"/> as UTF-8.</summary>
    public static void Write(X12Document document, Stream stream, X12WriteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        foreach (var i in document.Interchanges) Write(i, stream, options);
    }

    /// <summary>Writes one interchange to <paramref name="stream"/> as UTF-8.</summary>
    public static void Write(X12Interchange interchange, Stream stream, X12WriteOptions? options = null)
    {
        var bytes = Encoding.UTF8.GetBytes(ToText(interchange, options));
        stream.Write(bytes);
    }

    /// <summary>The interchange as text.</summary>
    public static string ToText(X12Interchange interchange, X12WriteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(interchange);
        var o = options ?? new X12WriteOptions();
        var sb = new StringBuilder(4096);
        var d = interchange.Delimiters;
        void Seg(X12Segment s)
        {
            AppendSegment(sb, s, d);
            sb.Append((char)d.Segment).Append(o.LineBreak);
        }
        Seg(interchange.Isa);
        foreach (var t in interchange.Ta1) Seg(t);
        foreach (var g in interchange.Groups)
        {
            Seg(g.Gs);
            foreach (var set in g.Sets)
                foreach (var s in set.Segments) Seg(s);
            if (g.Ge is not null) Seg(g.Ge);
        }
        if (interchange.Iea is not null) Seg(interchange.Iea);
        return sb.ToString();
    }

    /// <summary>The document as text.</summary>
    public static string ToText(X12Document document, X12WriteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        return string.Concat(document.Interchanges.Select(i => ToText(i, options)));
    }

    /// <summary>Appends one segment (without terminator).</summary>
    public static void AppendSegment(StringBuilder sb, X12Segment segment, X12Delimiters d)
    {
        ArgumentNullException.ThrowIfNull(sb);
        ArgumentNullException.ThrowIfNull(segment);
        sb.Append(segment.Id);
        foreach (var e in segment.Elements)
        {
            sb.Append((char)d.Element);
            for (var r = 0; r < e.Repetitions.Length; r++)
            {
                if (r > 0) sb.Append((char)d.Repetition);
                var comps = e.Repetitions[r];
                for (var c = 0; c < comps.Length; c++)
                {
                    if (c > 0) sb.Append((char)d.Component);
                    sb.Append(comps[c]);
                }
            }
        }
    }
}
