namespace EdiGateway.Actors;

/// <summary>
/// The way an actor does I/O without blocking its mailbox: start the task, <c>PipeTo(Self)</c>, and handle the
/// result (or <see cref="Status.Failure"/>) as a later message. Never touch actor state from the task itself.
/// </summary>
public static class PipeToExtensions
{
    /// <summary>
    /// Sends the task's result (mapped by <paramref name="success"/>; a null result becomes <see cref="Status.Success"/>)
    /// or its failure (mapped by <paramref name="failure"/>, default <see cref="Status.Failure"/>) to <paramref name="recipient"/>.
    /// </summary>
    public static Task PipeTo<T>(
        this Task<T> task,
        IActorRef recipient,
        IActorRef? sender = null,
        Func<T, object>? success = null,
        Func<Exception, object>? failure = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(recipient);
        return task.ContinueWith(
            t =>
            {
                var message = t.Status == TaskStatus.RanToCompletion
                    ? (success is null ? t.Result as object ?? new Status.Success(null) : success(t.Result))
                    : Failed(t, failure);
                recipient.Tell(message, sender);
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    /// <summary>Sends <paramref name="success"/>'s message (default <see cref="Status.Success"/> with null) or the failure to <paramref name="recipient"/>.</summary>
    public static Task PipeTo(
        this Task task,
        IActorRef recipient,
        IActorRef? sender = null,
        Func<object>? success = null,
        Func<Exception, object>? failure = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(recipient);
        return task.ContinueWith(
            t =>
            {
                var message = t.Status == TaskStatus.RanToCompletion
                    ? success?.Invoke() ?? new Status.Success(null)
                    : Failed(t, failure);
                recipient.Tell(message, sender);
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private static object Failed(Task task, Func<Exception, object>? failure)
    {
        Exception cause = task.IsCanceled
            ? new TaskCanceledException(task)
            : task.Exception!.InnerExceptions.Count == 1 ? task.Exception.InnerExceptions[0] : task.Exception;
        return failure is null ? new Status.Failure(cause) : failure(cause);
    }
}
