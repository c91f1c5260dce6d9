using EdiGateway.Actors.Internal;

namespace EdiGateway.Actors;

/// <summary>
/// Base of every actor. The runtime calls <see cref="OnReceive"/> with one message at a time; if it returns an
/// unfinished task the next message waits for it, so never await I/O here: start it and <c>PipeTo(Self)</c>.
/// Instances are created only by the runtime from <see cref="Props"/>, again on every restart.
/// </summary>
public abstract class ActorBase
{
    private readonly ActorCell _cell;

    /// <summary>Binds the instance to the cell that is creating it.</summary>
    protected ActorBase()
    {
        _cell = ActorCell.Constructing
            ?? throw new InvalidOperationException(
                "Actors are created by the runtime: use ActorSystem.ActorOf or Context.ActorOf with Props, not 'new'.");
    }

    /// <summary>The actor's view of the runtime.</summary>
    protected IActorContext Context => _cell;

    /// <summary>Shortcut for <c>Context.Self</c>.</summary>
    protected IActorRef Self => _cell.Self;

    /// <summary>Shortcut for <c>Context.Sender</c>: the sender of the message being handled.</summary>
    protected IActorRef Sender => _cell.Sender;

    /// <summary>The actor's stash (see <see cref="IStash"/>).</summary>
    protected IStash Stash => _cell;

    /// <summary>How this actor supervises its children; null falls back to <see cref="Props.SupervisorStrategy"/>, then the default.</summary>
    protected virtual SupervisorStrategy? SupervisorStrategy => null;

    /// <summary>Handles one message. An exception (thrown or in the returned task) goes to the parent's supervisor.</summary>
    protected abstract Task OnReceive(object message);

    /// <summary>Called once the instance is created, before its first message.</summary>
    protected virtual void PreStart()
    {
    }

    /// <summary>Called after the actor stopped (children are already stopped); release resources here.</summary>
    protected virtual void PostStop()
    {
    }

    /// <summary>
    /// Called on the failed instance before it is replaced. The default stops all children and calls <see cref="PostStop"/>;
    /// <paramref name="message"/> is the message that failed (not delivered again).
    /// </summary>
    protected virtual void PreRestart(Exception reason, object? message)
    {
        foreach (var child in Context.Children)
        {
            Context.Unwatch(child);
            Context.Stop(child);
        }

        PostStop();
    }

    /// <summary>Called on the fresh instance after a restart; the default calls <see cref="PreStart"/>.</summary>
    protected virtual void PostRestart(Exception reason) => PreStart();

    /// <summary>
    /// Called for a message no handler took. A <see cref="Terminated"/> throws <see cref="DeathPactException"/>;
    /// anything else is recorded as a dead letter with <see cref="DeadLetterReason.Unhandled"/>.
    /// </summary>
    protected virtual void Unhandled(object message)
    {
        if (message is Terminated terminated)
        {
            throw new DeathPactException(terminated.ActorRef);
        }

        _cell.System.PublishDeadLetter(message, _cell.CurrentSender, Self, DeadLetterReason.Unhandled);
    }

    internal SupervisorStrategy? ChildStrategy => SupervisorStrategy;

    internal Task InvokeReceive(object message) => OnReceive(message);

    internal void InvokePreStart() => PreStart();

    internal void InvokePostStop() => PostStop();

    internal void InvokePreRestart(Exception reason, object? message) => PreRestart(reason, message);

    internal void InvokePostRestart(Exception reason) => PostRestart(reason);
}
