namespace EdiGateway.Actors.Internal;

/// <summary>A resettable wake-up signal for a message loop: Reset before checking the queues, then await.</summary>
internal sealed class AsyncSignal
{
    private TaskCompletionSource _tcs = New();

    public Task WaitAsync() => Volatile.Read(ref _tcs).Task;

    public void Set() => Volatile.Read(ref _tcs).TrySetResult();

    public void Reset()
    {
        var current = Volatile.Read(ref _tcs);
        if (current.Task.IsCompleted)
        {
            Interlocked.CompareExchange(ref _tcs, New(), current);
        }
    }

    private static TaskCompletionSource New() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
