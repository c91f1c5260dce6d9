using System.Collections.Immutable;
using EdiGateway.Edi.Errors;

namespace EdiGateway.Edi.Validation;

/// <summary>Acknowledgement status of a set or group (AK501/IK501, AK901).</summary>
public enum X12AckStatus
{
    /// <summary>A: accepted.</summary>
    Accepted,
    /// <summary>E: accepted, errors noted.</summary>
    AcceptedWithErrors,
    /// <summary>P: partially accepted (groups only: some sets rejected).</summary>
    PartiallyAccepted,
    /// <summary>R: rejected.</summary>
    Rejected,
}

/// <summary>The outcome of validating one transaction set: identity, errors, status. Holds no segment data.</summary>
/// <param name="SetId">ST01.</param>
/// <param name="ControlNumber">ST02.</param>
/// <param name="ImplementationReference">ST03, if sent.</param>
/// <param name="IndexInGroup">1-based position in the group.</param>
/// <param name="GuideId">Guide applied, or null for the bare standard.</param>
/// <param name="Errors">Every error and warning, in segment order.</param>
public sealed record X12SetResult(string SetId, string ControlNumber, string? ImplementationReference, int IndexInGroup,
    string? GuideId, ImmutableArray<X12Error> Errors)
{
    /// <summary>Rejected when any error (not warning) is present.</summary>
    public X12AckStatus Status => Errors.Any(e => e.Severity == X12Severity.Error) ? X12AckStatus.Rejected : X12AckStatus.Accepted;

    /// <summary>True when the set is accepted.</summary>
    public bool IsValid => Status != X12AckStatus.Rejected;
}
