namespace EdiGateway.Actors;

/// <summary>What a bounded mailbox does when it is full.</summary>
public enum MailboxFullMode
{
    /// <summary><c>TellAsync</c> waits for room; a plain <c>Tell</c> cannot wait and drops the message to dead letters.</summary>
    Wait,

    /// <summary>Both <c>Tell</c> and <c>TellAsync</c> drop the message to dead letters (<see cref="DeadLetterReason.MailboxFull"/>).</summary>
    DropToDeadLetters,
}

/// <summary>Mailbox shape of one actor: unbounded (default) or bounded with a full-mailbox policy.</summary>
/// <param name="Capacity">Maximum queued user messages; null means unbounded.</param>
/// <param name="WhenFull">Policy when <paramref name="Capacity"/> is reached.</param>
public sealed record MailboxOptions(int? Capacity = null, MailboxFullMode WhenFull = MailboxFullMode.Wait)
{
    /// <summary>An unbounded mailbox (the default).</summary>
    public static MailboxOptions Unbounded { get; } = new();

    /// <summary>A bounded mailbox of <paramref name="capacity"/> messages.</summary>
    public static MailboxOptions Bounded(int capacity, MailboxFullMode whenFull = MailboxFullMode.Wait)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        return new MailboxOptions(capacity, whenFull);
    }
}
