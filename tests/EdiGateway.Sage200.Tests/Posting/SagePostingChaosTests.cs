using System.Diagnostics;
using EdiGateway.Sage200.Posting;
using EdiGateway.Sage200.Tests.Infrastructure;
using EdiGateway.Sandbox;

namespace EdiGateway.Sage200.Tests.Posting;

public sealed class SagePostingChaosTests : IAsyncLifetime
{
    private const int Postings = 2000;
    private readonly SandboxHost host = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        var violations = host.ContractViolations;
        await host.DisposeAsync();
        Assert.True(violations.Count == 0, "requests/responses outside the Sage contract:\n" + string.Join("\n", violations));
    }

    [Fact]
    public async Task PostBatchAsync_LocksTimeoutsAndEngineCrash_EveryPostingExactlyOnceNoneParked()
    {
        var watch = Stopwatch.StartNew();
        var c = await host.ConnectAsync();
        var store = new InMemorySageIdempotencyStore();
        var options = new SagePostingOptions
        {
            AttemptTimeout = TimeSpan.FromSeconds(1),
            RetryBaseDelay = TimeSpan.FromMilliseconds(5),
            RetryMaxDelay = TimeSpan.FromMilliseconds(50),
            MaxTransientAttempts = 30,
            ParkLockedAfter = TimeSpan.FromSeconds(30),
            CircuitMinimumThroughput = 10_000,
            MaxConcurrency = 16,
            MaxBatchSize = 250,
            MaxRequestsPerSecond = 0,
            AutoResumeInterval = null,
            SalesOrderDocumentTypeId = 0,
        };
        host.Faults.Set(new SandboxFaults { LockErrorRate = 0.20, TimeoutAfterCommitRate = 0.02, TimeoutAfterCommitMs = 10_000, Seed = 42 });
        var postings = Enumerable.Range(1, Postings).Select(i => PostingHelpers.AmazonOrder("CHAOS" + i.ToString("D5", System.Globalization.CultureInfo.InvariantCulture), 27006 + (i % 3))).ToList();
        var sink = new RecordingSink();

        // engine 1 crashes (is disposed) in the middle of the run
        var engine1 = PostingHelpers.Engine(c, store, TimeProvider.System, options, sink);
        var firstRun = postings.Select(p => engine1.PostAsync(p)).ToList();
        while (firstRun.Count(t => t.IsCompleted) < Postings / 2)
        {
            await Task.Delay(20);
        }

        await engine1.DisposeAsync();
        var cancelled = firstRun.Count(t => t.IsCanceled || t.IsFaulted);
        await Task.Delay(200); // a restart takes time; lets writes already inside Sage finish

        // engine 2 resumes the in-flight postings (lookup first), then takes the whole feed again
        await using var engine2 = PostingHelpers.Engine(c, store, TimeProvider.System, options, sink);
        var resumed = await engine2.ResumeAsync();
        var secondRun = await engine2.PostBatchAsync(postings);

        var inFlightAtCrash = await Task.WhenAll(firstRun.Where(t => t.IsCompletedSuccessfully));
        Assert.True(cancelled > 0, "the crash should interrupt postings in flight");
        Assert.All(secondRun, r => Assert.True(r.Outcome is SagePostingOutcome.Posted or SagePostingOutcome.AlreadyPosted, r.Key + " " + r.Outcome + " " + r.Events[^1]));
        Assert.Empty(await store.ListAsync(SagePostingStatus.Parked, default));
        Assert.Empty(await store.ListAsync(SagePostingStatus.InFlight, default));
        Assert.Equal(Postings, (await store.ListAsync(SagePostingStatus.Posted, default)).Count);
        (int orders, int distinct) = await host.Company.ReadAsync(() =>
        {
            var keys = host.Company.Store.All("sop_orders").Select(o => EdiGateway.Sandbox.Sage.Json.Str(o, "customer_document_no")).ToList();
            return (keys.Count, keys.Distinct(StringComparer.Ordinal).Count());
        }, default);
        Assert.Equal(Postings, orders);
        Assert.Equal(Postings, distinct);
        Assert.Contains(sink.Events, e => e is SagePostingLocked);
        Assert.Contains(sink.Events, e => e is SagePostingAlreadyPosted { Source: SageAlreadyPostedSource.SageLookup });
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), $"chaos run took {watch.Elapsed}");
        Assert.NotNull(resumed);
        Assert.NotNull(inFlightAtCrash);
    }
}
