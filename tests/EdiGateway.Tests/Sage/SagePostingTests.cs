using System.Collections.Concurrent;
using System.Diagnostics;
using EdiGateway.Actors;
using EdiGateway.Sage;
using EdiGateway.Sandbox;
using EdiGateway.Storage;
using EdiGateway.Storage.Configurations;
using EdiGateway.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace EdiGateway.Tests.Sage;

/// <summary>The posting actor inside the real gateway, against the in-process SANDBOX.</summary>
public sealed class SagePostingTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(40);

    [Fact]
    public async Task SubmitAsync_FiftyOrdersWithTwentyPercentLocks_EachOnceInSageWithLineageAndNoOpenException()
    {
        var watch = Stopwatch.StartNew();
        await using var host = await SageTestHost.StartAsync();
        host.SetFaults(new SandboxFaults { LockErrorRate = 0.20, Seed = 7 });
        var submissions = new List<SagePostingSubmission>();
        for (var i = 1; i <= 50; i++)
        {
            var po = SageTestHost.Po("LCK", i);
            submissions.Add(await host.Posting().SubmitAsync(await host.AddSetAsync(po), SageTestHost.AmazonOrder(po, 27006 + (i % 3)), CancellationToken.None));
        }

        var outcomes = await Task.WhenAll(submissions.Select(s => s.Completion)).Within(Generous);

        Assert.All(outcomes, o => Assert.IsType<SalesOrderPosted>(o));
        foreach (var s in submissions)
        {
            Assert.Equal(1, await host.OrdersWithKeyAsync(s.Key));
        }

        var rows = await PostingRowsAsync(host);
        Assert.Equal(50, rows.Count);
        Assert.All(rows, r => Assert.Equal("posted", r.State));
        Assert.All(rows, r => Assert.StartsWith(" attempting", r.Transitions, StringComparison.Ordinal));
        Assert.All(rows, r => Assert.EndsWith(" posted", r.Transitions, StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Transitions!.Contains(" locked retrying attempting", StringComparison.Ordinal));

        var lineage = host.Get<LineageLog>();
        foreach (var s in submissions)
        {
            var children = await lineage.ChildrenAsync(s.LineageId, CancellationToken.None);
            var posting = Assert.Single(children, c => c.Kind == LineageKind.ErpPosting);
            Assert.Equal("posted", posting.State);
            var posted = (SalesOrderPosted)await s.Completion;
            Assert.Contains(await lineage.FindTreeAsync(posted.DocumentNo!, CancellationToken.None), e => e.Id == posting.Id);
        }

        Assert.Equal(0, await OpenExceptionsAsync(host));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task PostingActor_CrashesMidRun_RestartsAndEveryPostingCompletesExactlyOnce()
    {
        await using var host = await SageTestHost.StartAsync();
        host.SetFaults(new SandboxFaults { LockErrorRate = 0.10, LatencyMs = 5, Seed = 11 });
        var posting = host.Posting();
        var finals = new ConcurrentQueue<SalesOrderOutcome>();
        using var _ = posting.Outcomes.Subscribe(o =>
        {
            if (o.IsFinal)
            {
                finals.Enqueue(o);
            }
        });
        var submissions = new List<SagePostingSubmission>();
        for (var i = 1; i <= 40; i++)
        {
            var po = SageTestHost.Po("CRS", i);
            submissions.Add(await posting.SubmitAsync(await host.AddSetAsync(po), SageTestHost.AmazonOrder(po), CancellationToken.None));
            if (i == 20)
            {
                // the actor throws on this message: its supervisor restarts it after the backoff
                posting.PostingActor!.Tell(new Status.Failure(new InvalidOperationException("test crash")));
            }
        }

        await Task.WhenAll(submissions.Select(s => s.Completion)).Within(Generous);

        Assert.Equal(1, posting.ActorSystem!.GetMetrics().RestartsOf(posting.PostingActor!.Path.ToString()));
        foreach (var s in submissions)
        {
            Assert.Equal(1, await host.OrdersWithKeyAsync(s.Key));
        }

        Assert.All(await PostingRowsAsync(host), r => Assert.Equal("posted", r.State));
        Assert.Equal(40, finals.Select(f => f.Key).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task SubmitAsync_RecordLockedPastParkLockedAfter_ParkedInQueueThenResolvedWhenTheLockClears()
    {
        await using var host = await SageTestHost.StartAsync(
            "--Sage200:Posting:ParkLockedAfter", "00:00:00.300",
            "--Sage200:Posting:ParkedRetryInterval", "00:00:01");
        host.Faults().LockRecord("Customer AMZBHX4", TimeSpan.FromSeconds(3));
        var parked = new TaskCompletionSource<SalesOrderParked>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var _ = host.Posting().Outcomes.Subscribe(o =>
        {
            if (o is SalesOrderParked p)
            {
                parked.TrySetResult(p);
            }
        });

        var submission = await host.Posting().SubmitAsync(await host.AddSetAsync("PARK0001"), SageTestHost.AmazonOrder("PARK0001", 27006), CancellationToken.None);

        var park = await parked.Task.Within(Generous);
        Assert.Equal("Customer AMZBHX4", park.LockedRecord);
        var entry = await ExceptionOfAsync(host, submission.Key);
        Assert.Equal(ExceptionState.Open, entry.State);
        Assert.Equal("ops", entry.Queue);
        Assert.Equal("sage.locked", entry.ReasonCode);
        Assert.Contains("Customer AMZBHX4", entry.Message, StringComparison.Ordinal);
        Assert.Contains("Next attempt at", entry.Message, StringComparison.Ordinal);
        Assert.Contains("nextAttemptAt", entry.DetailJson, StringComparison.Ordinal);

        var final = Assert.IsType<SalesOrderPosted>(await submission.Completion.Within(Generous));

        Assert.Equal(1, await host.OrdersWithKeyAsync(submission.Key));
        var resolved = await ExceptionOfAsync(host, submission.Key);
        Assert.Equal(ExceptionState.Resolved, resolved.State);
        Assert.Contains(final.DocumentNo!, resolved.StateReason, StringComparison.Ordinal);
        var row = Assert.Single(await PostingRowsAsync(host));
        Assert.Contains(" parked ", row.Transitions, StringComparison.Ordinal);
        Assert.EndsWith(" posted", row.Transitions, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HealthReady_SandboxConfigured_ReportsSageAsSandbox()
    {
        await using var host = await SageTestHost.StartAsync();

        var body = await host.Client.GetStringAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.Contains("\"sage\":{\"status\":\"Healthy\"", body, StringComparison.Ordinal);
        Assert.Contains("SANDBOX", body, StringComparison.Ordinal);
        Assert.True(host.Posting().IsSandbox);
    }

    [Fact]
    public async Task SubmitAsync_UnknownLineageEntry_FailsWithTheReason()
    {
        await using var host = await SageTestHost.StartAsync();

        var submission = await host.Posting().SubmitAsync(987654, SageTestHost.AmazonOrder("NOLIN001"), CancellationToken.None);

        var failed = Assert.IsType<SalesOrderFailed>(await submission.Completion.Within(Generous));
        Assert.Contains("987654", failed.Reason, StringComparison.Ordinal);
        Assert.Equal(0, await host.OrdersWithKeyAsync(submission.Key));
    }

    private static async Task<List<(string Key, string State, string? Transitions)>> PostingRowsAsync(Support.GatewayHost host)
    {
        await using var db = await host.Get<IDbContextFactory<GatewayDbContext>>().CreateDbContextAsync();
        var rows = await db.ErpPostings.AsNoTracking().OrderBy(p => p.Id)
            .Select(p => new { p.ExternalId, p.State, Transitions = EF.Property<string?>(p, ErpPostingColumns.Transitions) }).ToListAsync();
        return [.. rows.Select(r => (r.ExternalId, r.State, r.Transitions))];
    }

    private static async Task<int> OpenExceptionsAsync(Support.GatewayHost host)
    {
        await using var db = await host.Get<IDbContextFactory<GatewayDbContext>>().CreateDbContextAsync();
        return await db.Exceptions.CountAsync(e => e.State == ExceptionState.Open);
    }

    private static async Task<ExceptionEntry> ExceptionOfAsync(Support.GatewayHost host, string key)
    {
        await using var db = await host.Get<IDbContextFactory<GatewayDbContext>>().CreateDbContextAsync();
        return await db.Exceptions.AsNoTracking().SingleAsync(e => e.DeduplicationKey!.Contains(key));
    }
}
