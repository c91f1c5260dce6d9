namespace EdiGateway.Actors.Internal;

/// <summary>The stash: messages put aside by the actor, returned to the front of the queue on unstash or restart.</summary>
internal sealed partial class ActorCell : IStash
{
    private readonly List<Envelope> _stash = [];

    int IStash.Count => _stash.Count;

    void IStash.Stash()
    {
        if (!_hasCurrent)
        {
            throw new InvalidOperationException("Stash() can only be called while handling a message.");
        }

        _stash.Add(_current);
    }

    void IStash.Unstash()
    {
        if (_stash.Count == 0)
        {
            return;
        }

        _priority.AddFirst(_stash[0]);
        _stash.RemoveAt(0);
    }

    void IStash.UnstashAll() => UnstashAllToFront();

    private void UnstashAllToFront()
    {
        for (var i = _stash.Count - 1; i >= 0; i--)
        {
            _priority.AddFirst(_stash[i]);
        }

        _stash.Clear();
    }
}
