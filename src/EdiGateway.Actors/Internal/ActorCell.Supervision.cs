namespace EdiGateway.Actors.Internal;

/// <summary>One-for-one supervision of this cell's children.</summary>
internal sealed partial class ActorCell
{
    private SupervisorStrategy Strategy => _actor?.ChildStrategy ?? _props.SupervisorStrategy ?? SupervisorStrategy.Default;

    private void HandleChildFailed(ChildFailed failed)
    {
        var entry = FindChild(failed.Child);
        if (entry is null || entry.Stopping || _stopping)
        {
            return;
        }

        var strategy = Strategy;
        var cause = failed.Cause;
        var childPath = failed.Child.Path.ToString();
        Directive directive;
        try
        {
            directive = strategy.Decider(cause);
        }
        catch (Exception ex)
        {
            Log.HookFailed(System.Logger, "Decider", Path.ToString(), ex.GetType().Name, ex);
            directive = Directive.Escalate;
        }

        switch (directive)
        {
            case Directive.Resume:
                Log.Resuming(System.Logger, childPath, cause.GetType().Name, cause);
                failed.Child.SendSystemMessage(ResumeActor.Instance);
                break;
            case Directive.Restart:
                RestartChild(entry, strategy, cause);
                break;
            case Directive.Stop:
                Log.StoppingAfterFailure(System.Logger, childPath, cause.GetType().Name, cause);
                StopChild(entry, drain: false);
                break;
            default:
                EscalateFrom(entry, cause);
                break;
        }
    }

    private void RestartChild(ChildEntry entry, SupervisorStrategy strategy, Exception cause)
    {
        var now = System.TimeProvider.GetUtcNow();
        if (entry.RestartsInWindow == 0 || now - entry.WindowStart > strategy.RetryWindow)
        {
            entry.WindowStart = now;
            entry.RestartsInWindow = 0;
        }

        entry.RestartsInWindow++;
        if (strategy.MaxRetries >= 0 && entry.RestartsInWindow > strategy.MaxRetries)
        {
            Log.RetriesExhausted(System.Logger, entry.Ref.Path.ToString(), strategy.MaxRetries, strategy.RetryWindow, strategy.WhenRetriesExhausted);
            if (strategy.WhenRetriesExhausted == Directive.Stop)
            {
                StopChild(entry, drain: false);
            }
            else
            {
                EscalateFrom(entry, cause);
            }

            return;
        }

        var delay = strategy.ComputeBackoff(entry.RestartsInWindow, System.NextJitter());
        Log.RestartScheduled(System.Logger, entry.Ref.Path.ToString(), cause.GetType().Name, entry.RestartsInWindow, (long)delay.TotalMilliseconds, cause);
        var child = entry.Ref;
        var recreate = new RecreateActor(cause, strategy.RedeliverFailedMessage);
        if (delay <= TimeSpan.Zero)
        {
            child.SendSystemMessage(recreate);
            return;
        }

        entry.SetBackoff(System.TimeProvider.CreateTimer(
            static state =>
            {
                var (target, message) = ((LocalActorRef, RecreateActor))state!;
                target.SendSystemMessage(message);
            },
            (child, recreate),
            delay,
            Timeout.InfiniteTimeSpan));
    }

    /// <summary>Fails this actor with the child's exception so the grandparent decides; the guardian stops the child instead.</summary>
    private void EscalateFrom(ChildEntry entry, Exception cause)
    {
        if (_parent is null)
        {
            Log.EscalatedToGuardian(System.Logger, entry.Ref.Path.ToString(), cause);
            StopChild(entry, drain: false);
            return;
        }

        Log.Escalating(System.Logger, entry.Ref.Path.ToString(), Path.ToString(), cause.GetType().Name);
        if (_suspended)
        {
            return;
        }

        Fail(cause, message: null);
        _escalatedFrom = entry.Ref;
    }
}
