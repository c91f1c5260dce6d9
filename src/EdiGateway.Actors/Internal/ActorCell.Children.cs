using System.Globalization;

namespace EdiGateway.Actors.Internal;

/// <summary>Children: creation with unique names, lookup, stop. The table is locked because guardians are used from any thread.</summary>
internal sealed partial class ActorCell
{
    private readonly object _childrenGate = new();
    private readonly Dictionary<string, ChildEntry> _children = new(StringComparer.Ordinal);
    private long _generatedNames;

    public IReadOnlyList<IActorRef> Children
    {
        get
        {
            lock (_childrenGate)
            {
                return [.. _children.Values.Select(c => c.Ref)];
            }
        }
    }

    public IActorRef? Child(string name)
    {
        lock (_childrenGate)
        {
            return _children.TryGetValue(name, out var entry) ? entry.Ref : null;
        }
    }

    public IActorRef ActorOf(Props props, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(props);
        props.SupervisorStrategy?.Validate();
        if (name is not null && !ActorPath.IsValidName(name))
        {
            throw new InvalidActorNameException(
                $"Invalid actor name '{name}' under {Path}: use 1-100 characters without '/' or whitespace, not starting with '$'.");
        }

        ActorCell cell;
        lock (_childrenGate)
        {
            if (_stopping || IsTerminated)
            {
                throw new InvalidOperationException($"{Path} is stopping; it cannot create children.");
            }

            name ??= "$" + (++_generatedNames).ToString(CultureInfo.InvariantCulture);
            if (_children.ContainsKey(name))
            {
                throw new InvalidActorNameException($"Actor name '{name}' is not unique under {Path}.");
            }

            cell = new ActorCell(System, Path.Child(name), props, this);
            _children[name] = new ChildEntry(cell.Self);
        }

        System.Register(cell);
        cell.Start();
        return cell.Self;
    }

    public void Stop(IActorRef actor)
    {
        var target = actor.AsInternal();
        if (ReferenceEquals(target, Self))
        {
            BeginStop(drain: false);
            return;
        }

        ChildEntry? entry;
        lock (_childrenGate)
        {
            _children.TryGetValue(target.Path.Name, out entry);
        }

        if (entry is not null && ReferenceEquals(entry.Ref, target))
        {
            StopChild(entry, drain: false);
        }
        else
        {
            target.SendSystemMessage(new TerminateActor(Drain: false));
        }
    }

    private void StopChild(ChildEntry entry, bool drain)
    {
        entry.CancelBackoff();
        entry.Stopping = true;
        entry.Ref.SendSystemMessage(new TerminateActor(drain));
    }

    private void StopAllChildren(bool drain)
    {
        ChildEntry[] entries;
        lock (_childrenGate)
        {
            entries = [.. _children.Values];
        }

        foreach (var entry in entries)
        {
            if (!entry.Stopping)
            {
                StopChild(entry, drain);
            }
        }
    }

    private ChildEntry? FindChild(LocalActorRef child)
    {
        lock (_childrenGate)
        {
            return _children.TryGetValue(child.Path.Name, out var entry) && ReferenceEquals(entry.Ref, child) ? entry : null;
        }
    }

    private bool HasChildren()
    {
        lock (_childrenGate)
        {
            return _children.Count > 0;
        }
    }

    private bool AnyChildStopping()
    {
        lock (_childrenGate)
        {
            return _children.Values.Any(c => c.Stopping);
        }
    }

    private void HandleChildTerminated(LocalActorRef child)
    {
        lock (_childrenGate)
        {
            if (_children.TryGetValue(child.Path.Name, out var entry) && ReferenceEquals(entry.Ref, child))
            {
                entry.CancelBackoff();
                _children.Remove(child.Path.Name);
            }
        }

        TryFinishRecreate();
    }

    /// <summary>Per-child bookkeeping: the stop flag and the restart window of one-for-one supervision.</summary>
    private sealed class ChildEntry(LocalActorRef childRef)
    {
        private ITimer? _backoff;

        public LocalActorRef Ref { get; } = childRef;

        public bool Stopping { get; set; }

        public int RestartsInWindow { get; set; }

        public DateTimeOffset WindowStart { get; set; }

        public void SetBackoff(ITimer timer)
        {
            _backoff?.Dispose();
            _backoff = timer;
        }

        public void CancelBackoff()
        {
            _backoff?.Dispose();
            _backoff = null;
        }
    }
}
