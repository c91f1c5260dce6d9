using System.Collections.Concurrent;

namespace EdiGateway.Pipeline;

/// <summary>
/// What the pipeline has done since start: counts for the dashboard and health, and a way for tests and
/// operator tools to wait until a given piece of work is finished.
/// </summary>
public sealed class PipelineMonitor
{
    private readonly ConcurrentQueue<(Func<PipelineEvent, bool> Match, TaskCompletionSource<PipelineEvent> Done)> waiters = new();
    private long documents;
    private long setsHandled;
    private long failures;

    public long DocumentsProcessed => Interlocked.Read(ref documents);

    public long SetsHandled => Interlocked.Read(ref setsHandled);

    public long Failures => Interlocked.Read(ref failures);

    public void Record(PipelineEvent e)
    {
        switch (e)
        {
            case PipelineEvent.DocumentProcessed:
                Interlocked.Increment(ref documents);
                break;
            case PipelineEvent.SetHandled:
                Interlocked.Increment(ref setsHandled);
                break;
            case PipelineEvent.Failed:
                Interlocked.Increment(ref failures);
                break;
        }

        foreach (var waiter in waiters.ToArray())
        {
            if (!waiter.Done.Task.IsCompleted && waiter.Match(e))
            {
                waiter.Done.TrySetResult(e);
            }
        }
    }

    /// <summary>Completes when an event matching <paramref name="match"/> is recorded after this call.</summary>
    public Task<PipelineEvent> WaitForAsync(Func<PipelineEvent, bool> match, TimeSpan timeout)
    {
        var done = new TaskCompletionSource<PipelineEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        waiters.Enqueue((match, done));
        return done.Task.WaitAsync(timeout);
    }
}

/// <summary>Things the pipeline reports as they happen.</summary>
public abstract record PipelineEvent
{
    /// <summary>A stored inbound document was read, acknowledged and routed.</summary>
    public sealed record DocumentProcessed(string PartnerId, InboundProcessed Result) : PipelineEvent;

    /// <summary>A flow actor finished with a transaction set (e.g. the 850 is ready to post to Sage).</summary>
    public sealed record SetHandled(string PartnerId, string Flow, long LineageId, string State) : PipelineEvent;

    /// <summary>Work failed and will be retried; the reason is in the queue.</summary>
    public sealed record Failed(string PartnerId, string What, string Reason) : PipelineEvent;
}
