namespace EdiGateway.Actors;

/// <summary>
/// An actor whose behaviour is a list of typed handlers registered in its constructor with
/// <see cref="Receive{T}(Action{T}, Func{T, bool}?)"/>; the first matching handler wins.
/// <see cref="Become"/> swaps the whole list (a state machine without flags).
/// </summary>
public abstract class ReceiveActor : ActorBase
{
    private List<Func<object, Task?>> _handlers = [];

    /// <summary>Handles messages of type <typeparamref name="T"/> (matching <paramref name="shouldHandle"/> if given).</summary>
    protected void Receive<T>(Action<T> handler, Func<T, bool>? shouldHandle = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        _handlers.Add(message =>
        {
            if (message is T typed && (shouldHandle is null || shouldHandle(typed)))
            {
                handler(typed);
                return Task.CompletedTask;
            }

            return null;
        });
    }

    /// <summary>
    /// Handles messages of type <typeparamref name="T"/> asynchronously; the mailbox waits for the task, so keep it
    /// short and send real I/O through <c>PipeTo</c>.
    /// </summary>
    protected void ReceiveAsync<T>(Func<T, Task> handler, Func<T, bool>? shouldHandle = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        _handlers.Add(message => message is T typed && (shouldHandle is null || shouldHandle(typed)) ? handler(typed) : null);
    }

    /// <summary>Handles any message not taken by an earlier handler.</summary>
    protected void ReceiveAny(Action<object> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        _handlers.Add(message =>
        {
            handler(message);
            return Task.CompletedTask;
        });
    }

    /// <summary>Replaces all handlers by the ones <paramref name="configure"/> registers; effective from the next message.</summary>
    protected void Become(Action configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        _handlers = [];
        configure();
    }

    /// <inheritdoc />
    protected sealed override Task OnReceive(object message)
    {
        foreach (var handler in _handlers)
        {
            var task = handler(message);
            if (task is not null)
            {
                return task;
            }
        }

        Unhandled(message);
        return Task.CompletedTask;
    }
}
