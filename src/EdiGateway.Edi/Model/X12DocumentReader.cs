using System.Collections.Immutable;
using System.Text;
using EdiGateway.Edi.Errors;
using EdiGateway.Edi.Reading;

namespace EdiGateway.Edi.Model;

/// <summary>A document read into the generic tree, with the envelope errors the reader found.</summary>
public sealed record X12DocumentReadResult(X12Document Document, ImmutableArray<X12Error> Errors);

/// <summary>Reads a whole file into the generic tree (for to-json, split and typed mapping; not for huge files).</summary>
public static class X12DocumentReader
{
    /// <summary>Reads all interchanges from <paramref name="stream"/>.</summary>
    public static X12DocumentReadResult Read(Stream stream, X12ReaderOptions? options = null) => Build(X12Reader.Read(stream, options));

    /// <summary>Reads all interchanges from text.</summary>
    public static X12DocumentReadResult Parse(string text, X12ReaderOptions? options = null) =>
        Build(X12Reader.Read(Encoding.UTF8.GetBytes(text), options));

    private static X12DocumentReadResult Build(IEnumerable<X12ReadItem> items)
    {
        var interchanges = ImmutableArray.CreateBuilder<X12Interchange>();
        var errors = ImmutableArray.CreateBuilder<X12Error>();
        X12InterchangeHeader? isa = null;
        ImmutableArray<X12FunctionalGroup>.Builder? groups = null;
        var ta1 = ImmutableArray.CreateBuilder<X12Segment>();
        X12Segment? gs = null;
        ImmutableArray<X12TransactionSet>.Builder? sets = null;
        foreach (var item in items)
        {
            switch (item)
            {
                case X12InterchangeStarted s:
                    isa = s.Header;
                    groups = ImmutableArray.CreateBuilder<X12FunctionalGroup>();
                    ta1.Clear();
                    errors.AddRange(s.Errors);
                    break;
                case X12Ta1Read t:
                    ta1.Add(Simple("TA1", t.Elements));
                    break;
                case X12GroupStarted g:
                    gs = Simple("GS", g.Header.Elements);
                    sets = ImmutableArray.CreateBuilder<X12TransactionSet>();
                    errors.AddRange(g.Errors);
                    break;
                case X12SetRead r:
                    var segs = ImmutableArray.CreateBuilder<X12Segment>(r.Set.SegmentCount);
                    for (var i = 0; i < r.Set.SegmentCount; i++) segs.Add(ToSegment(r.Set[i]));
                    sets?.Add(new X12TransactionSet(segs.MoveToImmutable()));
                    errors.AddRange(r.Set.EnvelopeErrors);
                    break;
                case X12GroupEnded ge:
                    groups?.Add(new X12FunctionalGroup(gs ?? Simple("GS", ge.Header.Elements), sets?.ToImmutable() ?? [],
                        ge.Trailer.Count == 0 ? null : Simple("GE", ge.Trailer)));
                    errors.AddRange(ge.Errors);
                    sets = null;
                    break;
                case X12InterchangeEnded ie:
                    if (ie.Header.Raw.Length > 0)
                        interchanges.Add(new X12Interchange(ie.Header.Delimiters, Simple("ISA", ie.Header.Elements), ta1.ToImmutable(),
                            groups?.ToImmutable() ?? [], ie.Trailer.Count == 0 ? null : Simple("IEA", ie.Trailer)));
                    errors.AddRange(ie.Errors);
                    isa = null;
                    break;
                case X12StrayData sd:
                    errors.Add(sd.Error);
                    break;
            }
        }
        _ = isa;
        return new X12DocumentReadResult(new X12Document(interchanges.ToImmutable()), errors.ToImmutable());
    }

    private static X12Segment Simple(string id, IReadOnlyList<string> elements) =>
        new(id, [.. elements.Select(X12Element.Of)]);

    /// <summary>Converts a segment view into a tree segment, splitting repetitions and components.</summary>
    public static X12Segment ToSegment(X12SegmentView view)
    {
        var d = view.Delimiters;
        var span = view.Span;
        var idEnd = span.IndexOf(d.Element);
        var id = Encoding.UTF8.GetString(idEnd < 0 ? span : span[..idEnd]);
        if (idEnd < 0) return new X12Segment(id, []);
        var elements = ImmutableArray.CreateBuilder<X12Element>();
        var rest = span[(idEnd + 1)..];
        while (true)
        {
            var k = rest.IndexOf(d.Element);
            var value = k < 0 ? rest : rest[..k];
            elements.Add(ToElement(value, d));
            if (k < 0) break;
            rest = rest[(k + 1)..];
        }
        return new X12Segment(id, elements.ToImmutable());
    }

    private static X12Element ToElement(ReadOnlySpan<byte> value, X12Delimiters d)
    {
        var reps = ImmutableArray.CreateBuilder<ImmutableArray<string>>();
        var rest = value;
        while (true)
        {
            var k = d.HasRepetition ? rest.IndexOf(d.Repetition) : -1;
            var rep = k < 0 ? rest : rest[..k];
            var comps = ImmutableArray.CreateBuilder<string>();
            var r2 = rep;
            while (true)
            {
                var c = r2.IndexOf(d.Component);
                comps.Add(Encoding.UTF8.GetString(c < 0 ? r2 : r2[..c]));
                if (c < 0) break;
                r2 = r2[(c + 1)..];
            }
            reps.Add(comps.ToImmutable());
            if (k < 0) break;
            rest = rest[(k + 1)..];
        }
        return new X12Element(reps.ToImmutable());
    }
}
