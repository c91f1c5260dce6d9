namespace EdiGateway.Actors.Internal;

/// <summary><c>/deadLetters</c>: everything told to it is recorded; watching it yields <see cref="Terminated"/> at once.</summary>
internal sealed class DeadLetterActorRef(ActorSystem system) : IInternalActorRef
{
    public ActorPath Path { get; } = ActorPath.Root.Child("deadLetters");

    public ActorSystem System { get; } = system;

    public IInternalActorRef Underlying => this;

    public void Tell(object message, IActorRef? sender = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        System.PublishDeadLetter(message, sender, this, DeadLetterReason.NoRecipient);
    }

    public ValueTask TellAsync(object message, IActorRef? sender = null, CancellationToken cancellationToken = default)
    {
        Tell(message, sender);
        return ValueTask.CompletedTask;
    }

    public void SendSystemMessage(SystemMessage message)
    {
        if (message is WatchActor watch)
        {
            watch.Watcher.SendSystemMessage(new DeathWatchNotification(this));
        }
    }

    public override string ToString() => Path.ToString();
}
