using System.Collections.Immutable;
using EdiGateway.Sage200.Contract;
using EdiGateway.Sage200.Validation;

namespace EdiGateway.Sage200.Client;

/// <summary>
/// Outcome of a write: Sage's answer plus the trims made, or the refusals that stopped it before sending
/// (bad data is a value; infrastructure failures are <see cref="SageApiException"/>).
/// </summary>
public sealed record SageWriteResult<T>(T? Value, ImmutableArray<SageFieldWarning> Warnings, ImmutableArray<SageContractViolation> Refusals)
    where T : class
{
    /// <summary>True when the connector refused to send the request.</summary>
    public bool IsRefused => !Refusals.IsEmpty;
}
