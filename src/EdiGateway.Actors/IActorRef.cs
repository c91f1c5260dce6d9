namespace EdiGateway.Actors;

/// <summary>
/// A handle to an actor: the only way to talk to it. Sending never blocks and never throws;
/// a message to a stopped actor becomes a <see cref="DeadLetter"/>.
/// </summary>
public interface IActorRef
{
    /// <summary>Where the actor lives, e.g. <c>/user/partner-amazon/flow-850</c>.</summary>
    ActorPath Path { get; }

    /// <summary>Enqueues <paramref name="message"/>; <paramref name="sender"/> is what the receiver sees as <c>Sender</c> (null: no sender).</summary>
    void Tell(object message, IActorRef? sender = null);

    /// <summary>
    /// Like <see cref="Tell"/>, but on a bounded mailbox with <see cref="MailboxFullMode.Wait"/> it waits
    /// asynchronously for room instead of dropping the message to dead letters.
    /// </summary>
    ValueTask TellAsync(object message, IActorRef? sender = null, CancellationToken cancellationToken = default);
}
