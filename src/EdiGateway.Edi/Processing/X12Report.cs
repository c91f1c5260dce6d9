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
/// <remarks>Built by <see cref="X12Processor"/>, the sets are held compactly (valid sets as a few bytes each) and
/// <see cref="Sets"/> materialises them on each call, so a report for a 1 GB file stays small; prefer
/// <see cref="SetCount"/> and <see cref="AcceptedCount"/> to counting <see cref="Sets"/>.</remarks>
public sealed record X12GroupResult(X12GroupHeader Header, int? DeclaredSets, ImmutableArray<X12SetResult> Sets, ImmutableArray<X12Error> Errors)
{
    private readonly ImmutableArray<X12SetResult> _sets = Sets;
    private readonly X12CompactSetResults? _compact;

    internal X12GroupResult(X12GroupHeader header, int? declaredSets, X12CompactSetResults compact, ImmutableArray<X12Error> errors)
        : this(header, declaredSets, ImmutableArray<X12SetResult>.Empty, errors) => _compact = compact.Seal();

    /// <summary>Per-set results in order.</summary>
    public ImmutableArray<X12SetResult> Sets
    {
        get => _compact is { } c ? c.Materialize() : _sets;
        init
        {
            _sets = value;
            _compact = null;
        }
    }

    /// <summary>Number of sets in the group.</summary>
    public int SetCount => _compact?.Count ?? _sets.Length;

    /// <summary>Sets accepted.</summary>
    public int AcceptedCount => _compact?.AcceptedCount ?? _sets.Count(s => s.Status != X12AckStatus.Rejected);

    /// <summary>Errors and warnings of the sets, in set order.</summary>
    public IEnumerable<X12Error> SetErrors => _compact?.Errors() ?? _sets.SelectMany(s => s.Errors);

    /// <summary>AK901: R when the group envelope fails or no set is accepted; P when some are; A otherwise.</summary>
    public X12AckStatus Status
    {
        get
        {
            var count = SetCount;
            var accepted = AcceptedCount;
            return Errors.Any(e => e.Severity == X12Severity.Error) || (count > 0 && accepted == 0) ? X12AckStatus.Rejected
                : accepted < count ? X12AckStatus.PartiallyAccepted
                : X12AckStatus.Accepted;
        }
    }
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
        StrayErrors.Concat(Interchanges.SelectMany(i => i.Errors.Concat(i.Groups.SelectMany(g => g.Errors.Concat(g.SetErrors)))));

    /// <summary>True when nothing is rejected anywhere.</summary>
    public bool IsValid => !AllErrors.Any(e => e.Severity == X12Severity.Error) && Interchanges.Length > 0;

    /// <summary>Number of transaction sets seen.</summary>
    public int SetCount => Interchanges.Sum(i => i.Groups.Sum(g => g.SetCount));
}
