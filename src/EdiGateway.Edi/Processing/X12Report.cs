using System.Collections.Immutable;
using EdiGateway.Edi.Errors;
using EdiGateway.Edi.Reading;
using EdiGateway.Edi.Validation;

namespace EdiGateway.Edi.Processing;

/// <summary>Validation outcome of one functional group.</summary>
/// <param name="Header">The GS.</param>
/// <param name="DeclaredSets">GE01, null when the GE was missing.</param>
/// <param name="Sets">Per-set results in order.</param>
/// <param name="Errors">GS/GE errors.</param>
public sealed record X12GroupResult(X12GroupHeader Header, int? DeclaredSets, ImmutableArray<X12SetResult> Sets, ImmutableArray<X12Error> Errors)
{
    /// <summary>Sets accepted.</summary>
    public int AcceptedCount => Sets.Count(s => s.Status != X12AckStatus.Rejected);

    /// <summary>AK901: R when the group envelope fails or no set is accepted; P when some are; A otherwise.</summary>
    public X12AckStatus Status =>
        Errors.Any(e => e.Severity == X12Severity.Error) || (Sets.Length > 0 && AcceptedCount == 0) ? X12AckStatus.Rejected
        : AcceptedCount < Sets.Length ? X12AckStatus.PartiallyAccepted
        : X12AckStatus.Accepted;
}

/// <summary>Validation outcome of one interchange.</summary>
/// <param name="Header">The ISA.</param>
/// <param name="Groups">Groups in order.</param>
/// <param name="Errors">ISA/IEA and interchange-content errors (TA1 level).</param>
/// <param name="DeclaredGroups">IEA01, null when missing.</param>
public sealed record X12InterchangeResult(X12InterchangeHeader Header, ImmutableArray<X12GroupResult> Groups, ImmutableArray<X12Error> Errors, int? DeclaredGroups)
{
    /// <summary>True when the interchange envelope itself fails (a TA1 with R is due).</summary>
    public bool IsRejected => Errors.Any(e => e.Severity == X12Severity.Error);
}

/// <summary>The report for a whole file: per interchange, group and set, plus errors outside any interchange.</summary>
public sealed record X12FileReport(ImmutableArray<X12InterchangeResult> Interchanges, ImmutableArray<X12Error> StrayErrors, long Bytes)
{
    /// <summary>Every error and warning in file order of levels.</summary>
    public IEnumerable<X12Error> AllErrors =>
        StrayErrors.Concat(Interchanges.SelectMany(i => i.Errors.Concat(i.Groups.SelectMany(g => g.Errors.Concat(g.Sets.SelectMany(s => s.Errors))))));

    /// <summary>True when nothing is rejected anywhere.</summary>
    public bool IsValid => !AllErrors.Any(e => e.Severity == X12Severity.Error) && Interchanges.Length > 0;

    /// <summary>Number of transaction sets seen.</summary>
    public int SetCount => Interchanges.Sum(i => i.Groups.Sum(g => g.Sets.Length));
}
