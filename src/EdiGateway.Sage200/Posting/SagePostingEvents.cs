using System.Collections.Immutable;
using EdiGateway.Sage200.Contract;
using EdiGateway.Sage200.Validation;

namespace EdiGateway.Sage200.Posting;

/// <summary>A transition of one posting, for the appliance's lineage.</summary>
public abstract record SagePostingEvent(string Key, DateTimeOffset At);

/// <summary>A call to Sage started (after a lookup when the previous outcome was unknown).</summary>
public sealed record SagePostingAttempted(string Key, DateTimeOffset At, int Attempt, bool LookupFirst) : SagePostingEvent(Key, At);

/// <summary>Sage reported a locked record.</summary>
public sealed record SagePostingLocked(string Key, DateTimeOffset At, string? LockedRecord, string? SageMessage) : SagePostingEvent(Key, At);

/// <summary>A retry is scheduled after <paramref name="Delay"/>.</summary>
public sealed record SagePostingRetrying(string Key, DateTimeOffset At, int Attempt, TimeSpan Delay, SageErrorKind Kind) : SagePostingEvent(Key, At);

/// <summary>Why a posting was parked.</summary>
public enum SageParkReason
{
    /// <summary>Still locked after <see cref="SagePostingOptions.ParkLockedAfter"/>.</summary>
    RecordLocked,

    /// <summary>Transient failures used up the attempts.</summary>
    Transient,

    /// <summary>The circuit breaker is open (Sage is failing).</summary>
    CircuitOpen,

    /// <summary>Sage ID refused the token: re-authorise Sage.</summary>
    Auth,
}

/// <summary>Parked: recorded in the queue with the locked record and retried automatically at <paramref name="NextAttemptAt"/>.</summary>
public sealed record SagePostingParked(string Key, DateTimeOffset At, SageParkReason Reason, string? LockedRecord, string? SageMessage, DateTimeOffset NextAttemptAt) : SagePostingEvent(Key, At);

/// <summary>Sage created the order.</summary>
public sealed record SagePostingPosted(string Key, DateTimeOffset At, long SageOrderId, string? DocumentNo, ImmutableArray<SageFieldWarning> Warnings) : SagePostingEvent(Key, At);

/// <summary>Where an earlier posting was found.</summary>
public enum SageAlreadyPostedSource
{
    /// <summary>The local idempotency store had it as posted.</summary>
    IdempotencyStore,

    /// <summary>Sage had an order with this customer_document_no (after a timeout, unknown outcome or crash).</summary>
    SageLookup,
}

/// <summary>The order already exists in Sage; nothing was created.</summary>
public sealed record SagePostingAlreadyPosted(string Key, DateTimeOffset At, long SageOrderId, string? DocumentNo, SageAlreadyPostedSource Source) : SagePostingEvent(Key, At);

/// <summary>Permanent failure (bad data refused by the connector or Sage); needs a person.</summary>
public sealed record SagePostingFailed(string Key, DateTimeOffset At, SageErrorKind Kind, string Reason, ImmutableArray<SageContractViolation> Violations) : SagePostingEvent(Key, At);

/// <summary>Receives every event as it happens (the appliance writes them to its lineage).</summary>
public interface ISagePostingEventSink
{
    /// <summary>Records one event.</summary>
    ValueTask PublishAsync(SagePostingEvent postingEvent, CancellationToken cancellationToken);
}

/// <summary>Final state of one posting call.</summary>
public enum SagePostingOutcome
{
    /// <summary>Created in Sage by this call.</summary>
    Posted,

    /// <summary>Already in Sage; not created again.</summary>
    AlreadyPosted,

    /// <summary>Parked; will be retried automatically.</summary>
    Parked,

    /// <summary>Failed permanently.</summary>
    Failed,
}

/// <summary>Reply of the engine for one posting, with the events it produced.</summary>
public sealed record SagePostingResult(string Key, SagePostingOutcome Outcome, long? SageOrderId, string? DocumentNo, ImmutableArray<SagePostingEvent> Events);
