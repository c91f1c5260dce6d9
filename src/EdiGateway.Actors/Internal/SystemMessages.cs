namespace EdiGateway.Actors.Internal;

/// <summary>Runtime-to-runtime messages; they jump the user mailbox and are handled even while an actor is suspended.</summary>
internal abstract record SystemMessage;

internal sealed record TerminateActor(bool Drain) : SystemMessage;

internal sealed record ChildFailed(LocalActorRef Child, Exception Cause) : SystemMessage;

internal sealed record ChildTerminated(LocalActorRef Child) : SystemMessage;

internal sealed record RecreateActor(Exception Cause, bool RedeliverFailedMessage) : SystemMessage;

internal sealed record ResumeActor : SystemMessage
{
    public static ResumeActor Instance { get; } = new();
}

internal sealed record WatchActor(IInternalActorRef Watcher) : SystemMessage;

internal sealed record UnwatchActor(IInternalActorRef Watcher) : SystemMessage;

internal sealed record DeathWatchNotification(IActorRef Actor) : SystemMessage;

/// <summary>A user message with its sender, as queued in a mailbox.</summary>
internal readonly record struct Envelope(object Message, IActorRef? Sender);

/// <summary>A timer firing; delivered only if the timer's generation is still current.</summary>
internal sealed record TimerTick(object Key, int Generation, object Message);
