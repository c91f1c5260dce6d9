using System.Collections.Immutable;
using EdiGateway.Sage200;
using EdiGateway.Sage200.Posting;

namespace EdiGateway.Sage;

/// <summary>
/// State of one company's posting actor: postings handed to the engine (by key), accepted postings waiting for a
/// batch slot (already recorded as submitted, so losing this queue in a crash loses nothing), whether a resume runs.
/// </summary>
public sealed record SagePostingActorState(ImmutableDictionary<string, int> InFlight, ImmutableQueue<PostSalesOrder> Waiting, bool Resuming, int MaxInFlight)
{
    public static SagePostingActorState Initial(int maxInFlight) =>
        new(ImmutableDictionary<string, int>.Empty.WithComparers(StringComparer.Ordinal), ImmutableQueue<PostSalesOrder>.Empty, false, maxInFlight);

    public int InFlightCount => InFlight.Values.Sum();
}

/// <summary>What to do with a command.</summary>
public enum SubmitDecision
{
    /// <summary>Hand it to the engine now.</summary>
    Start,

    /// <summary>The batch is full: queue it until a posting finishes.</summary>
    Wait,
}

/// <summary>What to do when a posting task died without a result.</summary>
public enum CrashDecision
{
    /// <summary>Tell the caller it failed (its lineage entry does not exist).</summary>
    Fail,

    /// <summary>Try the command again after a delay (storage or Sage trouble before the engine recorded it).</summary>
    Retry,

    /// <summary>The engine is stopping: nothing to do, the record stays resumable.</summary>
    Ignore,
}

/// <summary>The posting actor's decisions as pure functions, tested without an actor system.</summary>
public static class SagePostingDecisions
{
    public static SubmitDecision DecideSubmit(SagePostingActorState state, PostSalesOrder command) =>
        state.InFlight.ContainsKey(command.Posting.Key) || state.InFlightCount < state.MaxInFlight ? SubmitDecision.Start : SubmitDecision.Wait;

    /// <summary>An accepted posting: start it now, or queue it behind the full batch.</summary>
    public static (SagePostingActorState State, PostSalesOrder? Start) Accept(SagePostingActorState state, PostSalesOrder command) =>
        DecideSubmit(state, command) == SubmitDecision.Start
            ? (Started(state, command.Posting.Key), command)
            : (state with { Waiting = state.Waiting.Enqueue(command) }, null);

    /// <summary>A slot freed: the next waiting posting to start, if any.</summary>
    public static (SagePostingActorState State, PostSalesOrder? Start) Next(SagePostingActorState state)
    {
        if (state.Waiting.IsEmpty || state.InFlightCount >= state.MaxInFlight)
        {
            return (state, null);
        }

        var waiting = state.Waiting.Dequeue(out var next);
        return (Started(state with { Waiting = waiting }, next.Posting.Key), next);
    }

    public static SagePostingActorState Started(SagePostingActorState state, string key) =>
        state with { InFlight = state.InFlight.SetItem(key, state.InFlight.GetValueOrDefault(key) + 1) };

    /// <summary>A posting finished (or crashed); unknown keys (tasks started before a restart) change nothing.</summary>
    public static SagePostingActorState Finished(SagePostingActorState state, string key) => state.InFlight.TryGetValue(key, out var n)
        ? state with { InFlight = n <= 1 ? state.InFlight.Remove(key) : state.InFlight.SetItem(key, n - 1) }
        : state;

    public static bool ShouldResume(SagePostingActorState state) => !state.Resuming;

    public static CrashDecision DecideCrash(Exception error) => error switch
    {
        ArgumentException => CrashDecision.Fail,
        ObjectDisposedException or OperationCanceledException => CrashDecision.Ignore,
        _ => CrashDecision.Retry,
    };

    /// <summary>The outcome callers see for an engine result.</summary>
    public static SalesOrderOutcome ToOutcome(long lineageId, SagePostingResult result) => result.Outcome switch
    {
        SagePostingOutcome.Posted => new SalesOrderPosted(lineageId, result.Key, result.SageOrderId ?? 0, result.DocumentNo, AlreadyPosted: false),
        SagePostingOutcome.AlreadyPosted => new SalesOrderPosted(lineageId, result.Key, result.SageOrderId ?? 0, result.DocumentNo, AlreadyPosted: true),
        SagePostingOutcome.Parked => result.Events.OfType<SagePostingParked>().LastOrDefault() is { } p
            ? new SalesOrderParked(lineageId, result.Key, p.Reason, p.LockedRecord, p.NextAttemptAt)
            : new SalesOrderParked(lineageId, result.Key, SageParkReason.Transient, null, DateTimeOffset.MaxValue),
        _ => result.Events.OfType<SagePostingFailed>().LastOrDefault() is { } f
            ? new SalesOrderFailed(lineageId, result.Key, f.Kind, f.Reason)
            : new SalesOrderFailed(lineageId, result.Key, SageErrorKind.Validation, "refused"),
    };
}
