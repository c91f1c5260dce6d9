namespace EdiGateway.Actors;

/// <summary>What a parent does with a child that threw (one-for-one: siblings are never touched).</summary>
public enum Directive
{
    /// <summary>Keep the instance and its state; continue with the next message.</summary>
    Resume,

    /// <summary>Replace the instance from its <see cref="Props"/> after a backoff; the mailbox is kept, the failed message is not redelivered.</summary>
    Restart,

    /// <summary>Stop the child; its queued messages go to dead letters.</summary>
    Stop,

    /// <summary>Fail the parent with the same exception so the grandparent decides.</summary>
    Escalate,
}
