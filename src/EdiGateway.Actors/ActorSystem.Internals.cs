using EdiGateway.Actors.Internal;

namespace EdiGateway.Actors;

/// <summary>Registry, counters and dead-letter publishing shared by the cells.</summary>
public sealed partial class ActorSystem
{
    /// <summary>Changes whenever a message is enqueued anywhere; test kits use it with <see cref="IsQuiescent"/>.</summary>
    internal long ActivityStamp => Interlocked.Read(ref _activity);

    internal void NoteActivity() => Interlocked.Increment(ref _activity);

    internal void Register(ActorCell cell) => _cells[cell.Path.ToString()] = cell;

    internal void Unregister(ActorCell cell) =>
        _cells.TryRemove(new KeyValuePair<string, ActorCell>(cell.Path.ToString(), cell));

    internal long CountRestart(ActorPath path) => _restarts.AddOrUpdate(path.ToString(), 1, static (_, n) => n + 1);

    internal double NextJitter()
    {
        if (_random is null)
        {
            return Random.Shared.NextDouble();
        }

        lock (_randomGate)
        {
            return _random.NextDouble();
        }
    }

    /// <summary>True when every actor is parked with nothing to do (suspended actors waiting for a backoff count as parked).</summary>
    internal bool IsQuiescent(out IReadOnlyList<string> busy)
    {
        var list = new List<string>();
        foreach (var (path, cell) in _cells)
        {
            if (!cell.IsIdle)
            {
                list.Add(path);
            }
        }

        busy = list;
        return list.Count == 0;
    }

    internal void PublishDeadLetter(object message, IActorRef? sender, IActorRef recipient, DeadLetterReason reason)
    {
        if (message is TimerTick tick)
        {
            message = tick.Message;
        }

        var letter = new DeadLetter(message, sender, recipient, reason, TimeProvider.GetUtcNow());
        Log.DeadLetter(Logger, message.GetType().Name, sender?.Path.ToString() ?? "(none)", recipient.Path.ToString(), reason);
        DeadLetterLog.Publish(letter);
    }
}
