namespace EdiGateway.Actors;

/// <summary>Why a message could not be delivered.</summary>
public enum DeadLetterReason
{
    /// <summary>The recipient had stopped (or was stopping and dropped its queue).</summary>
    RecipientTerminated,

    /// <summary>The recipient's bounded mailbox was full.</summary>
    MailboxFull,

    /// <summary>Sent to <see cref="ActorSystem.DeadLetters"/> directly, typically a reply to a message without sender.</summary>
    NoRecipient,

    /// <summary>The recipient had no handler for it.</summary>
    Unhandled,
}

/// <summary>A message that reached no handler: what, from whom, to whom, why and when.</summary>
public sealed record DeadLetter(object Message, IActorRef? Sender, IActorRef Recipient, DeadLetterReason Reason, DateTimeOffset At)
{
    /// <summary>The message's type (what the log records; payloads are never logged).</summary>
    public Type MessageType => Message.GetType();
}
