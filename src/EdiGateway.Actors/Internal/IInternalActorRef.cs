namespace EdiGateway.Actors.Internal;

/// <summary>The runtime side of a reference: which system it belongs to and how to send it system messages.</summary>
internal interface IInternalActorRef : IActorRef
{
    ActorSystem System { get; }

    /// <summary>The reference system messages and identity use (a probe returns its inner actor).</summary>
    IInternalActorRef Underlying { get; }

    void SendSystemMessage(SystemMessage message);
}

internal static class ActorRefExtensions
{
    public static IInternalActorRef AsInternal(this IActorRef actor) =>
        actor is IInternalActorRef internalRef
            ? internalRef.Underlying
            : throw new ArgumentException($"{actor.GetType().Name} is not an actor reference created by an ActorSystem.", nameof(actor));
}
