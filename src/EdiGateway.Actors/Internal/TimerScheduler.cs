namespace EdiGateway.Actors.Internal;

/// <summary>
/// Keyed timers of one actor on the system's <see cref="TimeProvider"/>. Ticks carry a generation so a tick of a
/// cancelled or replaced timer that is already queued is discarded. Used only from the actor's loop.
/// </summary>
internal sealed class TimerScheduler(ActorCell cell) : ITimerScheduler
{
    private readonly Dictionary<object, Entry> _timers = [];
    private int _generation;

    public void StartSingleTimer(object key, object message, TimeSpan delay) => Start(key, message, delay, Timeout.InfiniteTimeSpan);

    public void StartPeriodicTimer(object key, object message, TimeSpan interval) => StartPeriodicTimer(key, message, interval, interval);

    public void StartPeriodicTimer(object key, object message, TimeSpan initialDelay, TimeSpan interval)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        Start(key, message, initialDelay, interval);
    }

    public bool IsTimerActive(object key) => _timers.ContainsKey(key);

    public void Cancel(object key)
    {
        if (_timers.Remove(key, out var entry))
        {
            entry.Timer.Dispose();
        }
    }

    public void CancelAll()
    {
        foreach (var entry in _timers.Values)
        {
            entry.Timer.Dispose();
        }

        _timers.Clear();
    }

    /// <summary>True if <paramref name="tick"/> is from the live timer of its key; a single timer is then done.</summary>
    public bool Accept(TimerTick tick)
    {
        if (!_timers.TryGetValue(tick.Key, out var entry) || entry.Generation != tick.Generation)
        {
            return false;
        }

        if (!entry.Periodic)
        {
            _timers.Remove(tick.Key);
            entry.Timer.Dispose();
        }

        return true;
    }

    private void Start(object key, object message, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(message);
        Cancel(key);
        var tick = new TimerTick(key, ++_generation, message);
        var self = cell.Self;
        var timer = cell.System.TimeProvider.CreateTimer(
            static state =>
            {
                var (target, t) = ((LocalActorRef, TimerTick))state!;
                target.Tell(t);
            },
            (self, tick),
            dueTime < TimeSpan.Zero ? TimeSpan.Zero : dueTime,
            period);
        _timers[key] = new Entry(timer, tick.Generation, period != Timeout.InfiniteTimeSpan);
    }

    private sealed record Entry(ITimer Timer, int Generation, bool Periodic);
}
