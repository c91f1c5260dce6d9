using System.Collections.Immutable;

namespace EdiGateway.Edi.Model;

/// <summary>One element: one or more repetitions, each one or more components. Most elements are a single value.</summary>
public sealed record X12Element(ImmutableArray<ImmutableArray<string>> Repetitions)
{
    /// <summary>An empty element.</summary>
    public static X12Element Empty { get; } = new([[""]]);

    /// <summary>A simple element.</summary>
    public static X12Element Of(string value) => new([[value ?? ""]]);

    /// <summary>A composite element (one repetition).</summary>
    public static X12Element Composite(params string[] components) => new([[.. components]]);

    /// <summary>The first component of the first repetition.</summary>
    public string Value => Repetitions.IsDefaultOrEmpty || Repetitions[0].IsDefaultOrEmpty ? "" : Repetitions[0][0];

    /// <summary>True when the element carries no data.</summary>
    public bool IsEmpty => Repetitions.All(r => r.All(c => c.Length == 0));

    /// <summary>Component <paramref name="position"/> (1-based) of the first repetition, "" when absent.</summary>
    public string Component(int position) =>
        Repetitions.IsDefaultOrEmpty || position < 1 || position > Repetitions[0].Length ? "" : Repetitions[0][position - 1];
}

/// <summary>A segment: id and elements (element 1 at index 0).</summary>
public sealed record X12Segment(string Id, ImmutableArray<X12Element> Elements)
{
    /// <summary>Builds a segment of simple elements; trailing empty elements are dropped, as X12 requires.</summary>
    public static X12Segment Of(string id, params string?[] elements)
    {
        var n = elements.Length;
        while (n > 0 && string.IsNullOrEmpty(elements[n - 1])) n--;
        return new X12Segment(id, [.. elements.Take(n).Select(e => X12Element.Of(e ?? ""))]);
    }

    /// <summary>Builds a segment from prepared elements, dropping trailing empty ones.</summary>
    public static X12Segment OfElements(string id, IEnumerable<X12Element?> elements)
    {
        var list = elements.Select(e => e ?? X12Element.Empty).ToList();
        while (list.Count > 0 && list[^1].IsEmpty) list.RemoveAt(list.Count - 1);
        return new X12Segment(id, [.. list]);
    }

    /// <summary>Simple value of element <paramref name="position"/> (1-based), "" when absent.</summary>
    public string this[int position] => position >= 1 && position <= Elements.Length ? Elements[position - 1].Value : "";

    /// <summary>Element <paramref name="position"/> (1-based), or null.</summary>
    public X12Element? Element(int position) => position >= 1 && position <= Elements.Length ? Elements[position - 1] : null;
}

/// <summary>A transaction set, ST to SE inclusive.</summary>
public sealed record X12TransactionSet(ImmutableArray<X12Segment> Segments)
{
    /// <summary>ST01.</summary>
    public string SetId => Segments.IsDefaultOrEmpty ? "" : Segments[0][1];
    /// <summary>ST02.</summary>
    public string ControlNumber => Segments.IsDefaultOrEmpty ? "" : Segments[0][2];
    /// <summary>Segments between ST and SE.</summary>
    public IEnumerable<X12Segment> Body => Segments.Skip(1).Take(Math.Max(0, Segments.Length - 2));
}

/// <summary>A functional group: GS, sets, GE (null when missing on input).</summary>
public sealed record X12FunctionalGroup(X12Segment Gs, ImmutableArray<X12TransactionSet> Sets, X12Segment? Ge);

/// <summary>An interchange: ISA, optional TA1s, groups, IEA (null when missing on input), and its delimiters.</summary>
public sealed record X12Interchange(X12Delimiters Delimiters, X12Segment Isa, ImmutableArray<X12Segment> Ta1,
    ImmutableArray<X12FunctionalGroup> Groups, X12Segment? Iea);

/// <summary>A whole file: one or more interchanges.</summary>
public sealed record X12Document(ImmutableArray<X12Interchange> Interchanges);
