namespace EdiGateway.Actors;

/// <summary>
/// Stops the receiving actor once it reaches this message: everything queued before it is handled,
/// everything after it goes to dead letters.
/// </summary>
public sealed class PoisonPill
{
    private PoisonPill()
    {
    }

    /// <summary>The single instance.</summary>
    public static PoisonPill Instance { get; } = new();
}

/// <summary>Delivered to every watcher (see <see cref="IActorContext.Watch"/>) when the watched actor has stopped.</summary>
/// <param name="ActorRef">The actor that stopped.</param>
public sealed record Terminated(IActorRef ActorRef);

/// <summary>Outcome messages: a completed <c>PipeTo</c> task without a mapped result, or a failure reply that fails an <c>Ask</c>.</summary>
public static class Status
{
    /// <summary>A task finished; <paramref name="Result"/> is its value (null for a plain <see cref="Task"/>).</summary>
    public sealed record Success(object? Result);

    /// <summary>A task failed or a request was refused; replying this to an <c>Ask</c> faults the ask with <paramref name="Cause"/>.</summary>
    public sealed record Failure(Exception Cause);
}
