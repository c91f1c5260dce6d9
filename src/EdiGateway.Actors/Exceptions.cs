namespace EdiGateway.Actors;

/// <summary>An <c>Ask</c> got no reply within its timeout (measured on the system's <see cref="TimeProvider"/>).</summary>
public sealed class AskTimeoutException : TimeoutException
{
    /// <summary>Creates the exception for an ask of <paramref name="messageType"/> to <paramref name="target"/>.</summary>
    public AskTimeoutException(ActorPath target, Type messageType, TimeSpan timeout)
        : base($"Ask of {messageType.Name} to {target} timed out after {timeout.TotalMilliseconds:0} ms")
    {
        Target = target;
        MessageType = messageType;
        Timeout = timeout;
    }

    /// <summary>The actor that did not answer.</summary>
    public ActorPath Target { get; }

    /// <summary>The type of the message that was asked.</summary>
    public Type MessageType { get; }

    /// <summary>The timeout that elapsed.</summary>
    public TimeSpan Timeout { get; }
}

/// <summary>An actor failed while being created (factory, constructor, <c>PreStart</c> or <c>PostRestart</c>); the default decider stops it.</summary>
public sealed class ActorInitializationException : Exception
{
    /// <summary>Wraps the creation failure of the actor at <paramref name="path"/>.</summary>
    public ActorInitializationException(ActorPath path, Exception innerException)
        : base($"Actor {path} failed to initialize: {innerException.GetType().Name}", innerException) => Path = path;

    /// <summary>The actor that could not be created.</summary>
    public ActorPath Path { get; }
}

/// <summary>An actor did not handle a <see cref="Terminated"/> of an actor it watched (Akka's death pact); the default decider stops it.</summary>
public sealed class DeathPactException : Exception
{
    /// <summary>Creates the exception for the unhandled termination of <paramref name="deadActor"/>.</summary>
    public DeathPactException(IActorRef deadActor)
        : base($"Unhandled Terminated of watched actor {deadActor.Path}") => DeadActor = deadActor;

    /// <summary>The watched actor that stopped.</summary>
    public IActorRef DeadActor { get; }
}

/// <summary>An actor name is malformed or already taken by a live sibling.</summary>
public sealed class InvalidActorNameException : ArgumentException
{
    /// <summary>Creates the exception with a message naming the bad name.</summary>
    public InvalidActorNameException(string message)
        : base(message)
    {
    }
}
