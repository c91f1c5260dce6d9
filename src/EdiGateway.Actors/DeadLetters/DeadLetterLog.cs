namespace EdiGateway.Actors;

/// <summary>
/// The system's dead-letter record: a bounded history (<see cref="Snapshot"/>), a total count and an observable
/// stream. Observers are called synchronously on the sending thread: keep <c>OnNext</c> short.
/// </summary>
public sealed class DeadLetterLog : IObservable<DeadLetter>
{
    private readonly object _gate = new();
    private readonly Queue<DeadLetter> _recent = new();
    private readonly int _capacity;
    private IObserver<DeadLetter>[] _observers = [];
    private long _total;

    internal DeadLetterLog(int capacity) => _capacity = Math.Max(0, capacity);

    /// <summary>All dead letters since the system started (not bounded by the history).</summary>
    public long TotalCount => Interlocked.Read(ref _total);

    /// <summary>The most recent dead letters, oldest first.</summary>
    public IReadOnlyList<DeadLetter> Snapshot()
    {
        lock (_gate)
        {
            return [.. _recent];
        }
    }

    /// <inheritdoc />
    public IDisposable Subscribe(IObserver<DeadLetter> observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        lock (_gate)
        {
            _observers = [.. _observers, observer];
        }

        return new Subscription(this, observer);
    }

    internal void Publish(DeadLetter letter)
    {
        IObserver<DeadLetter>[] observers;
        lock (_gate)
        {
            _total++;
            if (_capacity > 0)
            {
                if (_recent.Count == _capacity)
                {
                    _recent.Dequeue();
                }

                _recent.Enqueue(letter);
            }

            observers = _observers;
        }

        foreach (var observer in observers)
        {
            try
            {
                observer.OnNext(letter);
            }
            catch (Exception)
            {
                // An observer must never break the sender; the letter is already recorded.
            }
        }
    }

    private void Unsubscribe(IObserver<DeadLetter> observer)
    {
        lock (_gate)
        {
            _observers = Array.FindAll(_observers, o => !ReferenceEquals(o, observer));
        }
    }

    private sealed class Subscription(DeadLetterLog log, IObserver<DeadLetter> observer) : IDisposable
    {
        public void Dispose() => log.Unsubscribe(observer);
    }
}
