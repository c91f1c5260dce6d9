namespace EdiGateway.Actors.Internal;

/// <summary>The reference of a live (or dead) actor cell; identity is the instance, stable across restarts.</summary>
internal sealed class LocalActorRef(ActorCell cell) : IInternalActorRef
{
    public ActorCell Cell { get; } = cell;

    public ActorPath Path => Cell.Path;

    public ActorSystem System => Cell.System;

    public IInternalActorRef Underlying => this;

    public void Tell(object message, IActorRef? sender = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        Cell.Post(new Envelope(message, sender));
    }

    public ValueTask TellAsync(object message, IActorRef? sender = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Cell.PostAsync(new Envelope(message, sender), cancellationToken);
    }

    public void SendSystemMessage(SystemMessage message) => Cell.SendSystemMessage(message);

    public override string ToString() => Path.ToString();
}
