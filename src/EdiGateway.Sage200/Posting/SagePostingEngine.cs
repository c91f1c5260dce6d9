using EdiGateway.Sage200.Client;
using Microsoft.Extensions.Logging;
using Polly;

namespace EdiGateway.Sage200.Posting;

/// <summary>
/// Posts sales orders to one Sage company exactly once: Polly retry (exponential, jitter) for locks and transient
/// failures, per-attempt timeout, circuit breaker, bounded concurrency and rate, parking of postings that stay
/// locked, and a Sage lookup by customer_document_no before any retry after an unknown outcome. Actor-free: the
/// "Sage posting actor" owns one engine per company and forwards its events.
/// </summary>
public sealed partial class SagePostingEngine : IAsyncDisposable
{
    private static readonly ResiliencePropertyKey<PostingRun> RunKey = new("edigw.sage.posting-run");

    private readonly Sage200Client client;
    private readonly ISageIdempotencyStore store;
    private readonly SagePostingOptions options;
    private readonly TimeProvider time;
    private readonly ISagePostingEventSink? sink;
    private readonly ILogger logger;
    private readonly ResiliencePipeline pipeline;
    private readonly SageRateGate rate;
    private readonly SemaphoreSlim concurrency;
    private readonly CancellationTokenSource stopping = new();
    private readonly Lock activeGate = new();
    private readonly Dictionary<string, Task<SagePostingResult>> active = new(StringComparer.Ordinal);
    private readonly ITimer? resumeTimer;
    private int resuming;

    /// <summary>Creates the engine; starts the auto-resume timer when <see cref="SagePostingOptions.AutoResumeInterval"/> is set.</summary>
    public SagePostingEngine(Sage200Client client, ISageIdempotencyStore store, SagePostingOptions options, TimeProvider time, ISagePostingEventSink? sink, ILogger<SagePostingEngine> logger)
    {
        this.client = client;
        this.store = store;
        this.options = options;
        this.time = time;
        this.sink = sink;
        this.logger = logger;
        rate = new SageRateGate(time, options.MaxRequestsPerSecond);
        concurrency = new SemaphoreSlim(options.MaxConcurrency, options.MaxConcurrency);
        pipeline = BuildPipeline();
        if (options.AutoResumeInterval is { } every)
        {
            resumeTimer = time.CreateTimer(_ => OnResumeTimer(), null, every, every);
        }
    }

    /// <summary>Posts one order (concurrent calls with the same key share one run).</summary>
    public Task<SagePostingResult> PostAsync(SalesOrderPosting posting, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(stopping.IsCancellationRequested, this);
        lock (activeGate)
        {
            if (active.TryGetValue(posting.Key, out var running))
            {
                return running;
            }

            var task = RunTrackedAsync(posting, cancellationToken);
            if (!task.IsCompleted)
            {
                active[posting.Key] = task;
            }

            return task;
        }
    }

    /// <summary>Posts a batch in chunks of <see cref="SagePostingOptions.MaxBatchSize"/>, at most <see cref="SagePostingOptions.MaxConcurrency"/> at once.</summary>
    public async Task<IReadOnlyList<SagePostingResult>> PostBatchAsync(IReadOnlyList<SalesOrderPosting> postings, CancellationToken cancellationToken = default)
    {
        var results = new List<SagePostingResult>(postings.Count);
        foreach (var chunk in postings.Chunk(options.MaxBatchSize))
        {
            results.AddRange(await Task.WhenAll(chunk.Select(p => PostAsync(p, cancellationToken))).ConfigureAwait(false));
        }

        return results;
    }

    /// <summary>
    /// Resumes what is due: in-flight postings left by a crashed engine (looked up in Sage first) and parked
    /// postings whose next attempt has come.
    /// </summary>
    public async Task<IReadOnlyList<SagePostingResult>> ResumeAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var due = new List<SalesOrderPosting>();
        foreach (var status in new[] { SagePostingStatus.InFlight, SagePostingStatus.Parked })
        {
            foreach (var record in await store.ListAsync(status, cancellationToken).ConfigureAwait(false))
            {
                bool running;
                lock (activeGate)
                {
                    running = active.ContainsKey(record.Key);
                }

                if (!running && SagePostingPolicy.IsDue(record, now))
                {
                    due.Add(record.Posting);
                }
            }
        }

        if (due.Count > 0)
        {
            LogResuming(logger, due.Count);
        }

        return await PostBatchAsync(due, cancellationToken).ConfigureAwait(false);
    }

    private async Task<SagePostingResult> RunTrackedAsync(SalesOrderPosting posting, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Yield();
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, stopping.Token);
            return await RunAsync(posting, linked.Token).ConfigureAwait(false);
        }
        finally
        {
            lock (activeGate)
            {
                active.Remove(posting.Key);
            }
        }
    }

    private void OnResumeTimer()
    {
        if (stopping.IsCancellationRequested || Interlocked.Exchange(ref resuming, 1) == 1)
        {
            return;
        }

        _ = Task.Run(async () =>
        {
            try
            {
                await ResumeAsync(stopping.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                // shutting down
            }
            catch (Exception ex)
            {
                LogResumeFailed(logger, ex.GetType().Name);
            }
            finally
            {
                Volatile.Write(ref resuming, 0);
            }
        });
    }

    /// <summary>Stops the engine: in-flight calls are cancelled and stay InFlight in the store for the next engine.</summary>
    public async ValueTask DisposeAsync()
    {
        if (stopping.IsCancellationRequested)
        {
            return;
        }

        await stopping.CancelAsync().ConfigureAwait(false);
        if (resumeTimer is not null)
        {
            await resumeTimer.DisposeAsync().ConfigureAwait(false);
        }

        Task[] running;
        lock (activeGate)
        {
            running = [.. active.Values];
        }

        try
        {
            await Task.WhenAll(running).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or SageApiException)
        {
            // the callers saw these; the records stay InFlight
        }

        stopping.Dispose();
        concurrency.Dispose();
    }
}
