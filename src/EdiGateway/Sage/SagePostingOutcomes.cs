using System.Collections.Concurrent;

namespace EdiGateway.Sage;

/// <summary>
/// Where posting outcomes go: subscribers see every outcome (parked ones too, and those of resumed postings);
/// a submission's completion task ends with the first final outcome for its key.
/// </summary>
public sealed class SagePostingOutcomes
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<SalesOrderOutcome>> waiters = new(StringComparer.Ordinal);
    private readonly Lock gate = new();
    private ImmutableObservers observers = new([]);

    /// <summary>Calls <paramref name="observer"/> for every outcome until the returned handle is disposed (on the actor's thread: keep it quick).</summary>
    public IDisposable Subscribe(Action<SalesOrderOutcome> observer)
    {
        lock (gate)
        {
            observers = new([.. observers.List, observer]);
        }

        return new Subscription(() =>
        {
            lock (gate)
            {
                observers = new([.. observers.List.Where(o => !ReferenceEquals(o, observer))]);
            }
        });
    }

    /// <summary>The next final outcome for <paramref name="key"/> (registered before the command is sent, so none is missed).</summary>
    public Task<SalesOrderOutcome> WhenFinal(string key) =>
        waiters.GetOrAdd(key, _ => new TaskCompletionSource<SalesOrderOutcome>(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    internal void Publish(SalesOrderOutcome outcome)
    {
        foreach (var observer in observers.List)
        {
            observer(outcome);
        }

        if (outcome.IsFinal && waiters.TryRemove(outcome.Key, out var waiter))
        {
            waiter.TrySetResult(outcome);
        }
    }

    private sealed record ImmutableObservers(IReadOnlyList<Action<SalesOrderOutcome>> List);

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private Action? onDispose = dispose;

        public void Dispose() => Interlocked.Exchange(ref onDispose, null)?.Invoke();
    }
}
