namespace EdiGateway.Actors.Internal;

/// <summary>The message loop: system messages first, then one user message at a time, awaited to completion.</summary>
internal sealed partial class ActorCell
{
    private Task<bool>? _readWait;
    private volatile bool _waiting;

    /// <summary>True when the loop is parked with nothing it could do now (used by test kits to detect quiescence).</summary>
    public bool IsIdle =>
        IsTerminated
        || (_waiting && _systemQueue.IsEmpty && (!CanProcessUserMessages || (_mailbox.Reader.Count == 0 && _priority.Count == 0)));

    private bool CanProcessUserMessages => _actor is not null && !_suspended && !(_stopping && !_drainOnStop);

    private async Task RunAsync()
    {
        try
        {
            CreateInstance(restartCause: null);
            while (true)
            {
                _signal.Reset();
                ProcessSystemMessages();
                if (IsTerminated || TryFinishStop())
                {
                    return;
                }

                if (CanProcessUserMessages && TryDequeue(out var envelope))
                {
                    await InvokeAsync(envelope).ConfigureAwait(false);
                    continue;
                }

                await WaitForWorkAsync().ConfigureAwait(false);
            }
        }
        catch (Exception ex)
        {
            Log.LoopCrashed(System.Logger, Path.ToString(), ex);
            _actor = null;
            FinalizeStop();
        }
    }

    private async Task WaitForWorkAsync()
    {
        _waiting = true;
        try
        {
            if (CanProcessUserMessages && !_mailbox.Reader.Completion.IsCompleted)
            {
                _readWait ??= _mailbox.Reader.WaitToReadAsync().AsTask();
                await Task.WhenAny(_readWait, _signal.WaitAsync()).ConfigureAwait(false);
                if (_readWait.IsCompleted)
                {
                    _readWait = null;
                }
            }
            else
            {
                await _signal.WaitAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            _waiting = false;
        }
    }

    private bool TryDequeue(out Envelope envelope)
    {
        if (_priority.First is { } first)
        {
            envelope = first.Value;
            _priority.RemoveFirst();
            return true;
        }

        return _mailbox.Reader.TryRead(out envelope);
    }

    private async Task InvokeAsync(Envelope envelope)
    {
        var message = envelope.Message;
        if (message is TimerTick tick)
        {
            if (!_timers.Accept(tick))
            {
                return;
            }

            message = tick.Message;
            envelope = new Envelope(message, null);
        }

        if (message is PoisonPill)
        {
            BeginStop(drain: false);
            return;
        }

        _current = envelope;
        _hasCurrent = true;
        try
        {
            var task = _actor!.InvokeReceive(message);
            if (!task.IsCompletedSuccessfully)
            {
                await task.ConfigureAwait(false);
            }
        }
        catch (Exception ex)
        {
            Fail(ex, message);
            _failedEnvelope = envelope;
        }
        finally
        {
            _hasCurrent = false;
            _current = default;
        }
    }

    private void ProcessSystemMessages()
    {
        while (!IsTerminated && _systemQueue.TryDequeue(out var message))
        {
            switch (message)
            {
                case TerminateActor terminate:
                    BeginStop(terminate.Drain);
                    break;
                case ChildFailed failed:
                    HandleChildFailed(failed);
                    break;
                case ChildTerminated terminated:
                    HandleChildTerminated(terminated.Child);
                    break;
                case RecreateActor recreate:
                    BeginRecreate(recreate.Cause, recreate.RedeliverFailedMessage);
                    break;
                case ResumeActor:
                    HandleResume();
                    break;
                case WatchActor watch:
                    _watchers.Add(watch.Watcher);
                    break;
                case UnwatchActor unwatch:
                    _watchers.Remove(unwatch.Watcher);
                    break;
                case DeathWatchNotification death:
                    if (_watching.Remove(death.Actor))
                    {
                        // Behind whatever the dead actor sent before it stopped; a full or closed mailbox cannot lose it.
                        var terminated = new Envelope(new Terminated(death.Actor), null);
                        if (!_mailbox.Writer.TryWrite(terminated))
                        {
                            _priority.AddLast(terminated);
                        }
                    }

                    break;
            }
        }
    }
}
