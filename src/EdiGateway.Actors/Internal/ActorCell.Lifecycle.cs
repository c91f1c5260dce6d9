namespace EdiGateway.Actors.Internal;

/// <summary>Creation, failure, restart, resume and stop of the actor instance.</summary>
internal sealed partial class ActorCell
{
    private readonly HashSet<IInternalActorRef> _watchers = [];
    private readonly HashSet<IActorRef> _watching = [];
    private bool _suspended;
    private object? _failedMessage;
    private Envelope? _failedEnvelope;
    private Exception? _lastFailure;
    private Exception? _pendingRecreate;
    private LocalActorRef? _escalatedFrom;
    private bool _stopping;
    private bool _drainOnStop;

    private void CreateInstance(Exception? restartCause)
    {
        try
        {
            var instance = Construct();
            _actor = instance;
            if (restartCause is null)
            {
                instance.InvokePreStart();
            }
            else
            {
                instance.InvokePostRestart(restartCause);
            }

            _suspended = false;
            _failedMessage = null;
        }
        catch (Exception ex)
        {
            _actor = null;
            Fail(new ActorInitializationException(Path, ex), message: null);
        }
    }

    /// <summary>Suspends the actor and asks the parent what to do (the guardians have no parent and stop).</summary>
    private void Fail(Exception cause, object? message)
    {
        _suspended = true;
        _failedMessage = message;
        _failedEnvelope = null;
        _lastFailure = cause;
        _escalatedFrom = null;
        if (_parent is null)
        {
            Log.ActorFailed(System.Logger, Path.ToString(), cause.GetType().Name, cause);
            BeginStop(drain: false);
            return;
        }

        _parent.Self.SendSystemMessage(new ChildFailed(Self, cause));
    }

    private void BeginRecreate(Exception cause, bool redeliverFailedMessage)
    {
        if (_stopping || !_suspended || _pendingRecreate is not null)
        {
            return;
        }

        var restarts = System.CountRestart(Path);
        Log.Restarted(System.Logger, Path.ToString(), restarts);
        _timers.CancelAll();
        if (redeliverFailedMessage && _failedEnvelope is { } failed)
        {
            _priority.AddFirst(failed);
        }

        _failedEnvelope = null;
        UnstashAllToFront();
        var old = _actor;
        _actor = null;
        if (old is not null)
        {
            RunHook("PreRestart", () => old.InvokePreRestart(cause, _failedMessage));
        }

        _pendingRecreate = cause;
        TryFinishRecreate();
    }

    /// <summary>Creates the new instance once the children stopped by <c>PreRestart</c> are gone (their names are free again).</summary>
    private void TryFinishRecreate()
    {
        if (_pendingRecreate is not { } cause || _stopping || AnyChildStopping())
        {
            return;
        }

        _pendingRecreate = null;
        CreateInstance(cause);
    }

    private void HandleResume()
    {
        if (!_suspended || _stopping)
        {
            return;
        }

        if (_actor is null)
        {
            BeginRecreate(_lastFailure ?? new InvalidOperationException("resumed without an instance"), redeliverFailedMessage: false);
            return;
        }

        _suspended = false;
        _failedMessage = null;
        _failedEnvelope = null;
        if (_escalatedFrom is { } child)
        {
            _escalatedFrom = null;
            child.SendSystemMessage(ResumeActor.Instance);
        }
    }

    private void BeginStop(bool drain)
    {
        if (_stopping)
        {
            _drainOnStop &= drain;
            return;
        }

        _stopping = true;
        _drainOnStop = drain && !_suspended;
        CloseMailbox();
        StopAllChildren(drain);
    }

    /// <summary>Finishes the stop once the queue is drained (or dropped) and every child is gone.</summary>
    private bool TryFinishStop()
    {
        if (!_stopping)
        {
            return false;
        }

        if (!CanProcessUserMessages)
        {
            DropPendingToDeadLetters();
        }
        else if (_priority.Count > 0 || _mailbox.Reader.Count > 0)
        {
            return false;
        }

        if (HasChildren())
        {
            return false;
        }

        FinalizeStop();
        return true;
    }

    private void FinalizeStop()
    {
        if (IsTerminated)
        {
            return;
        }

        _timers.CancelAll();
        if (_actor is { } actor)
        {
            _actor = null;
            RunHook("PostStop", actor.InvokePostStop);
        }

        CloseMailbox();
        Interlocked.Exchange(ref _terminated, 1);
        DropPendingToDeadLetters();
        System.Unregister(this);
        DrainSystemQueueAfterDeath();

        // The parent first: it frees the name before a watching parent sees Terminated and may reuse it.
        _parent?.Self.SendSystemMessage(new ChildTerminated(Self));
        foreach (var watcher in _watchers)
        {
            watcher.SendSystemMessage(new DeathWatchNotification(Self));
        }

        _watchers.Clear();
        Log.Stopped(System.Logger, Path.ToString());
        _whenTerminated.TrySetResult();
    }

    private void DropPendingToDeadLetters()
    {
        foreach (var envelope in _stash)
        {
            DeadLetterPending(envelope);
        }

        _stash.Clear();
        while (TryDequeue(out var envelope))
        {
            DeadLetterPending(envelope);
        }
    }

    private void DeadLetterPending(Envelope envelope)
    {
        if (envelope.Message is TimerTick or Terminated)
        {
            return;
        }

        System.PublishDeadLetter(envelope.Message, envelope.Sender, Self, DeadLetterReason.RecipientTerminated);
    }

    /// <summary>After death only a watch needs an answer: the watcher learns at once that this actor is gone.</summary>
    private void DrainSystemQueueAfterDeath()
    {
        while (_systemQueue.TryDequeue(out var message))
        {
            if (message is WatchActor watch)
            {
                watch.Watcher.SendSystemMessage(new DeathWatchNotification(Self));
            }
        }
    }

    private void RunHook(string hook, Action action)
    {
        try
        {
            action();
        }
        catch (Exception ex)
        {
            Log.HookFailed(System.Logger, hook, Path.ToString(), ex.GetType().Name, ex);
        }
    }
}
