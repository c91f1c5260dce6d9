using EdiGateway.Sage200.Posting;
using EdiGateway.Sage200.Tests.Infrastructure;
using EdiGateway.Sandbox;
using Microsoft.Extensions.Time.Testing;

namespace EdiGateway.Sage200.Tests.Posting;

public sealed class SagePostingEngineTests : IAsyncLifetime
{
    private readonly SandboxHost host = new();
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2025, 3, 14, 9, 0, 0, TimeSpan.Zero));
    private readonly InMemorySageIdempotencyStore store = new();
    private readonly RecordingSink sink = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        var violations = host.ContractViolations;
        await host.DisposeAsync();
        Assert.True(violations.Count == 0, "requests/responses outside the Sage contract:\n" + string.Join("\n", violations));
    }

    [Fact]
    public async Task PostAsync_LockedThreeTimes_RetriesWithExponentialBackoffAndPosts()
    {
        var c = await host.ConnectAsync(clock);
        await using var engine = PostingHelpers.Engine(c, store, clock, PostingHelpers.FakeClockOptions(), sink);
        host.Faults.Set(new SandboxFaults { LockNextWrites = 3 });

        var result = await clock.DriveAsync(engine.PostAsync(PostingHelpers.AmazonOrder("LOCK3")));

        Assert.Equal(SagePostingOutcome.Posted, result.Outcome);
        Assert.Equal(3, result.Events.OfType<SagePostingLocked>().Count(e => e.LockedRecord == "Customer AMZBHX4"));
        Assert.Equal([1d, 2d, 4d], result.Events.OfType<SagePostingRetrying>().Select(e => e.Delay.TotalSeconds));
        Assert.IsType<SagePostingPosted>(result.Events[^1]);
        Assert.Equal(result.Events, sink.Events);
        Assert.Equal(1, await PostingHelpers.OrdersWithKeyAsync(host, "AMZ-LOCK3"));
    }

    [Fact]
    public async Task PostAsync_StillLockedAfterParkTime_ParksWithRecordAndResumesAutomatically()
    {
        var c = await host.ConnectAsync(clock);
        var options = PostingHelpers.FakeClockOptions();
        options.AutoResumeInterval = TimeSpan.FromMinutes(1);
        await using var engine = PostingHelpers.Engine(c, store, clock, options, sink);
        host.Faults.Set(new SandboxFaults { LockNextWrites = 100_000 });

        var result = await clock.DriveAsync(engine.PostAsync(PostingHelpers.AmazonOrder("PARK1")));

        Assert.Equal(SagePostingOutcome.Parked, result.Outcome);
        var parked = Assert.IsType<SagePostingParked>(result.Events[^1]);
        Assert.Equal(SageParkReason.RecordLocked, parked.Reason);
        Assert.Equal("Customer AMZBHX4", parked.LockedRecord);
        var record = (await store.FindAsync("AMZ-PARK1", default))!;
        Assert.Equal(SagePostingStatus.Parked, record.Status);
        Assert.Equal("Customer AMZBHX4", record.LockedRecord);

        host.Faults.Set(new SandboxFaults()); // the desktop user closes the screen
        await clock.DriveUntilAsync(async () => (await store.FindAsync("AMZ-PARK1", default))!.Status == SagePostingStatus.Posted, TimeSpan.FromSeconds(20));

        Assert.True(clock.GetUtcNow() >= parked.NextAttemptAt);
        Assert.Contains(sink.Events, e => e is SagePostingPosted { Key: "AMZ-PARK1" } || e is SagePostingAlreadyPosted { Key: "AMZ-PARK1" });
        Assert.Equal(1, await PostingHelpers.OrdersWithKeyAsync(host, "AMZ-PARK1"));
    }

    [Fact]
    public async Task PostAsync_TimeoutAfterCommit_LooksUpBeforeRetryAndDoesNotDuplicate()
    {
        var c = await host.ConnectAsync(clock);
        var options = PostingHelpers.FakeClockOptions();
        options.AttemptTimeout = TimeSpan.FromSeconds(5);
        await using var engine = PostingHelpers.Engine(c, store, clock, options, sink);
        host.Faults.Set(new SandboxFaults { TimeoutNextWrites = 1, TimeoutAfterCommitMs = 20_000 });

        var result = await clock.DriveAsync(engine.PostAsync(PostingHelpers.AmazonOrder("TMO1")), TimeSpan.FromMilliseconds(100));

        Assert.Equal(SagePostingOutcome.AlreadyPosted, result.Outcome);
        Assert.Equal(SageAlreadyPostedSource.SageLookup, Assert.IsType<SagePostingAlreadyPosted>(result.Events[^1]).Source);
        var attempts = result.Events.OfType<SagePostingAttempted>().ToList();
        Assert.False(attempts[0].LookupFirst);
        Assert.True(attempts.Count >= 2 && attempts.Skip(1).All(a => a.LookupFirst)); // every retry after the timeout looks up first
        Assert.Equal(1, await PostingHelpers.OrdersWithKeyAsync(host, "AMZ-TMO1"));
        Assert.Equal(SagePostingStatus.Posted, (await store.FindAsync("AMZ-TMO1", default))!.Status);
    }

    [Fact]
    public async Task PostAsync_ConnectionDroppedAfterCommit_LooksUpAndDoesNotDuplicate()
    {
        var c = await host.ConnectAsync(clock);
        await using var engine = PostingHelpers.Engine(c, store, clock, PostingHelpers.FakeClockOptions(), sink);
        host.Faults.Set(new SandboxFaults { DropNextWrites = 1 });

        var result = await clock.DriveAsync(engine.PostAsync(PostingHelpers.AmazonOrder("DROP1")));

        Assert.Equal(SagePostingOutcome.AlreadyPosted, result.Outcome);
        Assert.Equal(SageErrorKind.UnknownOutcome, Assert.Single(result.Events.OfType<SagePostingRetrying>()).Kind);
        Assert.Equal(1, await PostingHelpers.OrdersWithKeyAsync(host, "AMZ-DROP1"));
    }

    [Fact]
    public async Task PostAsync_Throttled429_RetriesWithoutLookupAndPosts()
    {
        var c = await host.ConnectAsync(clock);
        await using var engine = PostingHelpers.Engine(c, store, clock, PostingHelpers.FakeClockOptions(), sink);
        host.Faults.Set(new SandboxFaults { ThrottleNextRequests = 1 });

        var result = await clock.DriveAsync(engine.PostAsync(PostingHelpers.AmazonOrder("THR1")));

        Assert.Equal(SagePostingOutcome.Posted, result.Outcome);
        Assert.Equal(SageErrorKind.Transient, Assert.Single(result.Events.OfType<SagePostingRetrying>()).Kind);
        Assert.All(result.Events.OfType<SagePostingAttempted>(), a => Assert.False(a.LookupFirst));
    }

    [Fact]
    public async Task PostAsync_SageFailingWrites_CircuitOpensAndPostingsPark()
    {
        var c = await host.ConnectAsync(clock);
        var options = PostingHelpers.FakeClockOptions();
        options.MaxTransientAttempts = 10;
        options.CircuitMinimumThroughput = 2;
        options.CircuitSamplingDuration = TimeSpan.FromSeconds(30);
        options.CircuitBreakDuration = TimeSpan.FromSeconds(30);
        await using var engine = PostingHelpers.Engine(c, store, clock, options, sink);
        host.Faults.Set(new SandboxFaults { FailNextWrites = 1000 });

        var first = await clock.DriveAsync(engine.PostAsync(PostingHelpers.AmazonOrder("CB1")));
        var postsBefore = c.Capture.Calls.Count(x => x is { Method: "POST", Resource: "/sop_orders" });
        var second = await clock.DriveAsync(engine.PostAsync(PostingHelpers.AmazonOrder("CB2")), TimeSpan.FromMilliseconds(10));

        Assert.Equal(SageParkReason.CircuitOpen, Assert.IsType<SagePostingParked>(first.Events[^1]).Reason);
        Assert.Equal(SageParkReason.CircuitOpen, Assert.IsType<SagePostingParked>(second.Events[^1]).Reason);
        Assert.Equal(postsBefore, c.Capture.Calls.Count(x => x is { Method: "POST", Resource: "/sop_orders" })); // open circuit: Sage left alone
        Assert.Equal(SagePostingStatus.Parked, (await store.FindAsync("AMZ-CB2", default))!.Status);
    }

    [Fact]
    public async Task PostAsync_SameKeyAgain_AlreadyPostedFromStoreWithoutCallingSage()
    {
        var c = await host.ConnectAsync(clock);
        await using var engine = PostingHelpers.Engine(c, store, clock, PostingHelpers.FakeClockOptions(), sink);
        await clock.DriveAsync(engine.PostAsync(PostingHelpers.AmazonOrder("DUP1")));
        var calls = c.Capture.Calls.Count;

        var again = await clock.DriveAsync(engine.PostAsync(PostingHelpers.AmazonOrder("DUP1")));

        Assert.Equal(SagePostingOutcome.AlreadyPosted, again.Outcome);
        Assert.Equal(SageAlreadyPostedSource.IdempotencyStore, Assert.IsType<SagePostingAlreadyPosted>(Assert.Single(again.Events)).Source);
        Assert.Equal(calls, c.Capture.Calls.Count);
    }

    [Fact]
    public async Task ResumeAsync_InFlightLeftByCrashedEngine_FindsOrderInSageAndDoesNotRepost()
    {
        var c = await host.ConnectAsync(clock);
        var posting = PostingHelpers.AmazonOrder("CRASH1");
        await c.Client.CreateSalesOrderAsync(posting.Order with { CustomerDocumentNo = posting.Key }, default); // committed, then the process died
        await store.TryAddAsync(new SagePostingRecord(posting.Key, posting, SagePostingStatus.InFlight, 0, clock.GetUtcNow(), clock.GetUtcNow()), default);
        await using var engine = PostingHelpers.Engine(c, store, clock, PostingHelpers.FakeClockOptions(), sink);

        var result = Assert.Single(await clock.DriveAsync(engine.ResumeAsync()));

        Assert.Equal(SagePostingOutcome.AlreadyPosted, result.Outcome);
        Assert.Equal(1, await PostingHelpers.OrdersWithKeyAsync(host, "AMZ-CRASH1"));
    }

    [Fact]
    public async Task PostAsync_SameKeyConcurrently_SharesOneRun()
    {
        var c = await host.ConnectAsync(clock);
        await using var engine = PostingHelpers.Engine(c, store, clock, PostingHelpers.FakeClockOptions(), sink);
        host.Faults.Set(new SandboxFaults { LockNextWrites = 2 });

        var first = engine.PostAsync(PostingHelpers.AmazonOrder("TWICE1"));
        var second = engine.PostAsync(PostingHelpers.AmazonOrder("TWICE1"));
        await clock.DriveAsync(Task.WhenAll(first, second));

        Assert.Same(first, second);
        Assert.Equal(1, await PostingHelpers.OrdersWithKeyAsync(host, "AMZ-TWICE1"));
    }

    [Fact]
    public async Task PostAsync_ExternalIdTooLongForCustomerDocumentNo_FailsWithViolation()
    {
        var c = await host.ConnectAsync(clock);
        await using var engine = PostingHelpers.Engine(c, store, clock, PostingHelpers.FakeClockOptions(), sink);

        var result = await engine.PostAsync(PostingHelpers.AmazonOrder(new string('9', 27)));

        Assert.Equal(SagePostingOutcome.Failed, result.Outcome);
        Assert.Equal("max-length", Assert.Single(Assert.IsType<SagePostingFailed>(Assert.Single(result.Events)).Violations).Rule);
    }

    [Fact]
    public async Task PostBatchAsync_RateLimited_SpacesCallsOnTheClock()
    {
        var c = await host.ConnectAsync(clock);
        var options = PostingHelpers.FakeClockOptions();
        options.MaxRequestsPerSecond = 2;
        options.MaxBatchSize = 3;
        options.MaxConcurrency = 2;
        await using var engine = PostingHelpers.Engine(c, store, clock, options, sink);
        var start = clock.GetUtcNow();

        var results = await clock.DriveAsync(engine.PostBatchAsync([.. Enumerable.Range(1, 5).Select(i => PostingHelpers.AmazonOrder("RATE" + i))]), TimeSpan.FromMilliseconds(100));

        Assert.All(results, r => Assert.Equal(SagePostingOutcome.Posted, r.Outcome));
        Assert.True(clock.GetUtcNow() - start >= TimeSpan.FromSeconds(2), "5 calls at 2/s need at least 2 s");
    }
}
