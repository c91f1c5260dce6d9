using Polly.CircuitBreaker;
using Polly.Timeout;

namespace EdiGateway.Sage200.Posting;

/// <summary>A failure of one attempt, reduced to what the decisions need.</summary>
public sealed record SageFailure(SageErrorKind Kind, string? LockedRecord, string? Message, bool CircuitOpen = false)
{
    /// <summary>True when the attempt may have committed: look the order up before any retry.</summary>
    public bool RequiresLookup => Kind is SageErrorKind.UnknownOutcome or SageErrorKind.Timeout;
}

/// <summary>What to do once the retries of one call are over.</summary>
public abstract record SagePostingDecision
{
    /// <summary>Park and try again at <paramref name="NextAttemptAt"/>.</summary>
    public sealed record Park(SageParkReason Reason, DateTimeOffset NextAttemptAt) : SagePostingDecision;

    /// <summary>Fail permanently.</summary>
    public sealed record Fail(SageErrorKind Kind) : SagePostingDecision;
}

/// <summary>The engine's decisions as pure functions (no I/O, no clock of their own): easy to test, easy to wrap in an actor.</summary>
public static class SagePostingPolicy
{
    /// <summary>Reduces an exception to a <see cref="SageFailure"/>; null for exceptions that are not Sage failures.</summary>
    public static SageFailure? Classify(Exception exception) => exception switch
    {
        SageApiException e => new SageFailure(e.Kind, e.LockedRecord, e.SageMessage),
        TimeoutRejectedException => new SageFailure(SageErrorKind.UnknownOutcome, null, "Sage did not answer within the attempt timeout"),
        BrokenCircuitException => new SageFailure(SageErrorKind.Transient, null, "circuit open", CircuitOpen: true),
        _ => null,
    };

    /// <summary>
    /// Retry now-ish (true) or stop (false): locks retry until <see cref="SagePostingOptions.ParkLockedAfter"/> has
    /// passed since the first lock; other transient failures until <see cref="SagePostingOptions.MaxTransientAttempts"/>.
    /// </summary>
    public static bool ShouldRetry(SageFailure failure, int attemptsMade, TimeSpan lockedFor, SagePostingOptions options)
    {
        if (failure.CircuitOpen)
        {
            return false;
        }

        return failure.Kind switch
        {
            SageErrorKind.RecordLocked => lockedFor < options.ParkLockedAfter,
            SageErrorKind.Transient or SageErrorKind.Timeout or SageErrorKind.UnknownOutcome => attemptsMade < options.MaxTransientAttempts,
            _ => false,
        };
    }

    /// <summary>Whether a failure counts towards opening the circuit (locks are per record, not Sage being down).</summary>
    public static bool CountsForCircuit(SageFailure failure) =>
        failure.Kind is SageErrorKind.Transient or SageErrorKind.Timeout or SageErrorKind.UnknownOutcome;

    /// <summary>After the last retry: park transient trouble (never lose it), fail bad data.</summary>
    public static SagePostingDecision AfterRetries(SageFailure failure, DateTimeOffset now, SagePostingOptions options) => failure switch
    {
        { CircuitOpen: true } => new SagePostingDecision.Park(SageParkReason.CircuitOpen, now + options.CircuitBreakDuration),
        { Kind: SageErrorKind.RecordLocked } => new SagePostingDecision.Park(SageParkReason.RecordLocked, now + options.ParkedRetryInterval),
        { Kind: SageErrorKind.Auth } => new SagePostingDecision.Park(SageParkReason.Auth, now + options.ParkedRetryInterval),
        { Kind: SageErrorKind.Transient or SageErrorKind.Timeout or SageErrorKind.UnknownOutcome } => new SagePostingDecision.Park(SageParkReason.Transient, now + options.ParkedRetryInterval),
        _ => new SagePostingDecision.Fail(failure.Kind),
    };

    /// <summary>True when a stored record is due for another try.</summary>
    public static bool IsDue(SagePostingRecord record, DateTimeOffset now) =>
        record.Status == SagePostingStatus.InFlight || (record.Status == SagePostingStatus.Parked && (record.NextAttemptAt ?? now) <= now);
}
