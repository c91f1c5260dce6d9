using System.Collections.Immutable;
using EdiGateway.Edi.Model;
using EdiGateway.Edi.Reading;

namespace EdiGateway.Flows.Common;

/// <summary>Bridges the engine's streaming sets to the tree the readers map from.</summary>
public static class RawSets
{
    /// <summary>Copies a streamed set (ST..SE) into a tree set.</summary>
    public static X12TransactionSet ToTree(X12RawSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        var segments = ImmutableArray.CreateBuilder<X12Segment>(set.SegmentCount);
        for (var i = 0; i < set.SegmentCount; i++) segments.Add(X12DocumentReader.ToSegment(set[i]));
        return new X12TransactionSet(segments.MoveToImmutable());
    }

    /// <summary>Every transaction set in an X12 text, in order (envelope errors are the engine's concern, checked before).</summary>
    public static IReadOnlyList<X12TransactionSet> FromText(string x12)
    {
        ArgumentNullException.ThrowIfNull(x12);
        return [.. X12DocumentReader.Parse(x12).Document.Interchanges.SelectMany(i => i.Groups).SelectMany(g => g.Sets)];
    }
}
