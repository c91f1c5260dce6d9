using System.Collections.Immutable;
using EdiGateway.Edi.Errors;

namespace EdiGateway.Edi.Reading;

/// <summary>One thing the streaming reader yields, in file order.</summary>
public abstract record X12ReadItem;

/// <summary>An ISA was read. <paramref name="Errors"/> holds ISA field and delimiter errors (TA1 level).</summary>
public sealed record X12InterchangeStarted(X12InterchangeHeader Header, ImmutableArray<X12Error> Errors) : X12ReadItem;

/// <summary>A GS was read.</summary>
public sealed record X12GroupStarted(X12InterchangeHeader Interchange, X12GroupHeader Header, ImmutableArray<X12Error> Errors) : X12ReadItem;

/// <summary>A transaction set was read (ST..SE).</summary>
public sealed record X12SetRead(X12RawSet Set) : X12ReadItem;

/// <summary>A group ended (at its GE, or where the GE should have been).</summary>
/// <param name="Interchange">Enclosing interchange.</param>
/// <param name="Header">The group's GS.</param>
/// <param name="DeclaredSets">GE01, or null when the GE was missing or unreadable.</param>
/// <param name="SetsRead">Transaction sets actually read in the group.</param>
/// <param name="Errors">GE errors (AK9 level).</param>
/// <param name="Trailer">The GE elements, empty when the GE was missing.</param>
public sealed record X12GroupEnded(X12InterchangeHeader Interchange, X12GroupHeader Header, int? DeclaredSets, int SetsRead,
    ImmutableArray<X12Error> Errors, IReadOnlyList<string> Trailer) : X12ReadItem;

/// <summary>An interchange ended (at its IEA, or where the IEA should have been).</summary>
/// <param name="Header">The interchange's ISA.</param>
/// <param name="DeclaredGroups">IEA01, or null when missing.</param>
/// <param name="GroupsRead">Groups actually read.</param>
/// <param name="Errors">IEA and interchange-content errors (TA1 level).</param>
/// <param name="Trailer">The IEA elements, empty when the IEA was missing.</param>
public sealed record X12InterchangeEnded(X12InterchangeHeader Header, int? DeclaredGroups, int GroupsRead,
    ImmutableArray<X12Error> Errors, IReadOnlyList<string> Trailer) : X12ReadItem;

/// <summary>Bytes outside any interchange that are not line breaks (or an ISA that could not be read).</summary>
public sealed record X12StrayData(X12Error Error) : X12ReadItem;

/// <summary>A TA1 (interchange acknowledgment) segment inside an interchange, before or between groups.</summary>
public sealed record X12Ta1Read(X12InterchangeHeader Interchange, IReadOnlyList<string> Elements) : X12ReadItem;
