using EdiGateway.Actors.Internal;

namespace EdiGateway.Actors;

/// <summary>Request-reply from outside an actor (or from one, piping the task): the reply completes a task.</summary>
public static class AskExtensions
{
    /// <summary>
    /// Sends <paramref name="message"/> with a temporary sender and returns its reply as <typeparamref name="T"/>.
    /// Faults with <see cref="AskTimeoutException"/> after <paramref name="timeout"/> on the system clock, with the
    /// cause of a <see cref="Status.Failure"/> reply, or with <see cref="InvalidCastException"/> for another reply type.
    /// Inside an actor never await it in a handler: <c>PipeTo(Self)</c> the task.
    /// </summary>
    public static Task<T> Ask<T>(this IActorRef target, object message, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(message);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        var system = target.AsInternal().System;
        var promise = new PromiseActorRef<T>(system, target.Path, message.GetType(), timeout, cancellationToken);
        target.Tell(message, promise);
        return promise.Task;
    }
}
