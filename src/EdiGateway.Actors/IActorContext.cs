namespace EdiGateway.Actors;

/// <summary>
/// What an actor sees of the runtime while it handles a message: itself, the sender, its family,
/// its timers. Use it only from the actor's own handlers and hooks, never from a task it started.
/// </summary>
public interface IActorContext
{
    /// <summary>The actor's own reference; stable across restarts.</summary>
    IActorRef Self { get; }

    /// <summary>The sender of the current message, or <see cref="ActorSystem.DeadLetters"/> when there is none.</summary>
    IActorRef Sender { get; }

    /// <summary>The supervising parent.</summary>
    IActorRef Parent { get; }

    /// <summary>The system the actor belongs to.</summary>
    ActorSystem System { get; }

    /// <summary>Keyed timers that send messages to <see cref="Self"/>; cancelled on stop and restart.</summary>
    ITimerScheduler Timers { get; }

    /// <summary>Live children (including ones that are stopping).</summary>
    IReadOnlyList<IActorRef> Children { get; }

    /// <summary>The child named <paramref name="name"/>, or null.</summary>
    IActorRef? Child(string name);

    /// <summary>Creates a child; <paramref name="name"/> must be unique among live siblings (null generates one).</summary>
    IActorRef ActorOf(Props props, string? name = null);

    /// <summary>Stops <paramref name="actor"/> (a child or <see cref="Self"/>) after its current message; queued messages go to dead letters.</summary>
    void Stop(IActorRef actor);

    /// <summary>Delivers <see cref="Terminated"/> to this actor when <paramref name="actor"/> stops (at once if it already has).</summary>
    IActorRef Watch(IActorRef actor);

    /// <summary>Stops watching <paramref name="actor"/>; no <see cref="Terminated"/> arrives afterwards.</summary>
    IActorRef Unwatch(IActorRef actor);

    /// <summary>Sends <paramref name="message"/> to <paramref name="target"/> keeping the current <see cref="Sender"/>.</summary>
    void Forward(IActorRef target, object message);
}
