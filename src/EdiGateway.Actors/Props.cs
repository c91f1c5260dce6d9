namespace EdiGateway.Actors;

/// <summary>
/// The recipe for an actor: a factory (called again on every restart, so state starts fresh), the
/// strategy this actor applies to its children, and its mailbox shape.
/// </summary>
public sealed record Props
{
    private Props(Func<ActorBase> factory) => Factory = factory;

    /// <summary>Creates a new actor instance; invoked on start and on every restart.</summary>
    public Func<ActorBase> Factory { get; }

    /// <summary>How this actor supervises its children; null uses the actor's override or <see cref="SupervisorStrategy.Default"/>.</summary>
    public SupervisorStrategy? SupervisorStrategy { get; init; }

    /// <summary>Mailbox shape; unbounded by default.</summary>
    public MailboxOptions Mailbox { get; init; } = MailboxOptions.Unbounded;

    /// <summary>Props whose actor is built by <paramref name="factory"/>.</summary>
    public static Props Create<TActor>(Func<TActor> factory)
        where TActor : ActorBase
    {
        ArgumentNullException.ThrowIfNull(factory);
        return new Props(factory);
    }

    /// <summary>Props for an actor with a parameterless constructor.</summary>
    public static Props Create<TActor>()
        where TActor : ActorBase, new() => new(() => new TActor());

    /// <summary>The same props with <paramref name="strategy"/> supervising the actor's children.</summary>
    public Props WithSupervisorStrategy(SupervisorStrategy strategy) => this with { SupervisorStrategy = strategy };

    /// <summary>The same props with a bounded mailbox.</summary>
    public Props WithBoundedMailbox(int capacity, MailboxFullMode whenFull = MailboxFullMode.Wait) =>
        this with { Mailbox = MailboxOptions.Bounded(capacity, whenFull) };
}
