using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EdiGateway.Actors;

/// <summary>What <see cref="ActorSystem.Terminate"/> does with messages still queued when an actor is told to stop.</summary>
public enum TerminationMode
{
    /// <summary>Each actor handles what was queued before the terminate; later messages go to dead letters.</summary>
    Drain,

    /// <summary>Each actor finishes its current message only; the rest goes to dead letters.</summary>
    Drop,
}

/// <summary>Settings of an <see cref="ActorSystem"/>; inject the clock and logging here.</summary>
public sealed record ActorSystemOptions
{
    /// <summary>Drives timers, restart backoff and ask timeouts; tests pass a FakeTimeProvider.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Where supervision, lifecycle and dead-letter events are logged (event ids 1000-1099).</summary>
    public ILoggerFactory LoggerFactory { get; init; } = NullLoggerFactory.Instance;

    /// <summary>How the <c>/user</c> guardian supervises top-level actors; an escalation to it stops the child.</summary>
    public SupervisorStrategy GuardianStrategy { get; init; } = SupervisorStrategy.Default;

    /// <summary>Drain (default) or drop queued messages on <see cref="ActorSystem.Terminate"/>.</summary>
    public TerminationMode TerminationMode { get; init; } = TerminationMode.Drain;

    /// <summary>Source of restart jitter; pass a seeded <see cref="System.Random"/> for reproducible backoffs (null: shared).</summary>
    public Random? Random { get; init; }

    /// <summary>How many recent dead letters <see cref="DeadLetterLog.Snapshot"/> keeps.</summary>
    public int DeadLetterHistory { get; init; } = 1000;
}
