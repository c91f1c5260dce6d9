namespace EdiGateway.Actors;

/// <summary>
/// Puts the current message aside until the actor is ready for it (e.g. while it waits for a connection);
/// unstashed messages are handled before anything else in the mailbox. Kept across restarts (unstashed then).
/// </summary>
public interface IStash
{
    /// <summary>Number of stashed messages.</summary>
    int Count { get; }

    /// <summary>Stashes the message being handled, with its sender.</summary>
    void Stash();

    /// <summary>Moves the oldest stashed message to the front of the mailbox.</summary>
    void Unstash();

    /// <summary>Moves every stashed message to the front of the mailbox, in the order they were stashed.</summary>
    void UnstashAll();
}
