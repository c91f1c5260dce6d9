using System.Globalization;

namespace EdiGateway.Actors.Internal;

/// <summary>The one-shot sender of an ask: its first message completes the task; later ones are dead letters.</summary>
internal sealed class PromiseActorRef<T> : IInternalActorRef
{
    private static long s_counter;
    private readonly TaskCompletionSource<T> _tcs = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ITimer? _timer;
    private readonly CancellationTokenRegistration _cancellation;

    public PromiseActorRef(ActorSystem system, ActorPath target, Type messageType, TimeSpan timeout, CancellationToken cancellationToken)
    {
        System = system;
        Path = ActorPath.Root.Child("temp").Child("ask-" + Interlocked.Increment(ref s_counter).ToString(CultureInfo.InvariantCulture));
        _timer = system.TimeProvider.CreateTimer(
            static state =>
            {
                var (promise, exception) = ((PromiseActorRef<T>, AskTimeoutException))state!;
                promise.Complete(p => p._tcs.TrySetException(exception));
            },
            (this, new AskTimeoutException(target, messageType, timeout)),
            timeout,
            Timeout.InfiniteTimeSpan);
        if (cancellationToken.CanBeCanceled)
        {
            _cancellation = cancellationToken.Register(() => Complete(p => p._tcs.TrySetCanceled(cancellationToken)));
        }
    }

    public Task<T> Task => _tcs.Task;

    public ActorPath Path { get; }

    public ActorSystem System { get; }

    public IInternalActorRef Underlying => this;

    public void Tell(object message, IActorRef? sender = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        var accepted = Complete(p => message switch
        {
            T reply => p._tcs.TrySetResult(reply),
            Status.Failure failure => p._tcs.TrySetException(failure.Cause),
            _ => p._tcs.TrySetException(new InvalidCastException(
                $"Ask expected a reply of type {typeof(T).Name} but got {message.GetType().Name}")),
        });
        if (!accepted)
        {
            System.PublishDeadLetter(message, sender, this, DeadLetterReason.RecipientTerminated);
        }
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

    private bool Complete(Func<PromiseActorRef<T>, bool> complete)
    {
        if (!complete(this))
        {
            return false;
        }

        _timer?.Dispose();
        _cancellation.Dispose();
        return true;
    }
}
