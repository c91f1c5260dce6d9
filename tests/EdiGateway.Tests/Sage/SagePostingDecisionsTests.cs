using System.Collections.Immutable;
using EdiGateway.Sage;
using EdiGateway.Sage200;
using EdiGateway.Sage200.Posting;

namespace EdiGateway.Tests.Sage;

/// <summary>The posting actor's decisions and the event-to-state mapping, without an actor system.</summary>
public sealed class SagePostingDecisionsTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 1, 9, 30, 0, TimeSpan.Zero);

    private static PostSalesOrder Command(string po) => new(1, SageTestHost.AmazonOrder(po));

    [Fact]
    public void DecideSubmit_BatchFull_Waits()
    {
        var state = SagePostingDecisions.Started(SagePostingDecisions.Started(SagePostingActorState.Initial(2), "AMZ-A"), "AMZ-B");

        Assert.Equal(SubmitDecision.Wait, SagePostingDecisions.DecideSubmit(state, Command("C")));
        Assert.Equal(SubmitDecision.Start, SagePostingDecisions.DecideSubmit(state, Command("A")));
    }

    [Fact]
    public void Accept_BatchFull_QueuesAndNextStartsItWhenASlotFrees()
    {
        var (state, first) = SagePostingDecisions.Accept(SagePostingActorState.Initial(1), Command("A"));
        (state, var second) = SagePostingDecisions.Accept(state, Command("B"));

        Assert.Equal("AMZ-A", first!.Posting.Key);
        Assert.Null(second);
        Assert.Null(SagePostingDecisions.Next(state).Start);
        (state, var next) = SagePostingDecisions.Next(SagePostingDecisions.Finished(state, "AMZ-A"));
        Assert.Equal("AMZ-B", next!.Posting.Key);
        Assert.True(state.Waiting.IsEmpty);
        Assert.Equal(1, state.InFlightCount);
    }

    [Fact]
    public void Finished_UnknownKeyAfterRestart_ChangesNothing()
    {
        var state = SagePostingDecisions.Started(SagePostingActorState.Initial(2), "AMZ-A");

        Assert.Same(state, SagePostingDecisions.Finished(state, "AMZ-OLD"));
        Assert.Equal(0, SagePostingDecisions.Finished(state, "AMZ-A").InFlightCount);
    }

    [Fact]
    public void ShouldResume_ResumeRunning_False()
    {
        Assert.True(SagePostingDecisions.ShouldResume(SagePostingActorState.Initial(1)));
        Assert.False(SagePostingDecisions.ShouldResume(SagePostingActorState.Initial(1) with { Resuming = true }));
    }

    [Theory]
    [InlineData(typeof(ArgumentException), CrashDecision.Fail)]
    [InlineData(typeof(ObjectDisposedException), CrashDecision.Ignore)]
    [InlineData(typeof(TaskCanceledException), CrashDecision.Ignore)]
    [InlineData(typeof(TimeoutException), CrashDecision.Retry)]
    public void DecideCrash_ByExceptionType_Expected(Type type, CrashDecision expected)
    {
        var error = type == typeof(ObjectDisposedException) ? new ObjectDisposedException("engine") : (Exception)Activator.CreateInstance(type)!;

        Assert.Equal(expected, SagePostingDecisions.DecideCrash(error));
    }

    [Fact]
    public void ToOutcome_EachEngineOutcome_MapsToItsEvent()
    {
        var parked = new SagePostingParked("AMZ-P", At, SageParkReason.RecordLocked, "Customer AMZBHX4", "locked", At.AddMinutes(15));
        var failed = new SagePostingFailed("AMZ-F", At, SageErrorKind.Validation, "too long", []);

        Assert.Equal(new SalesOrderPosted(5, "AMZ-1", 9, "0000042", false),
            SagePostingDecisions.ToOutcome(5, new SagePostingResult("AMZ-1", SagePostingOutcome.Posted, 9, "0000042", [])));
        Assert.Equal(new SalesOrderPosted(5, "AMZ-1", 9, "0000042", true),
            SagePostingDecisions.ToOutcome(5, new SagePostingResult("AMZ-1", SagePostingOutcome.AlreadyPosted, 9, "0000042", [])));
        Assert.Equal(new SalesOrderParked(5, "AMZ-P", SageParkReason.RecordLocked, "Customer AMZBHX4", At.AddMinutes(15)),
            SagePostingDecisions.ToOutcome(5, new SagePostingResult("AMZ-P", SagePostingOutcome.Parked, null, null, [parked])));
        Assert.Equal(new SalesOrderFailed(5, "AMZ-F", SageErrorKind.Validation, "too long"),
            SagePostingDecisions.ToOutcome(5, new SagePostingResult("AMZ-F", SagePostingOutcome.Failed, null, null, ImmutableArray.Create<SagePostingEvent>(failed))));
        Assert.False(new SalesOrderParked(5, "AMZ-P", SageParkReason.RecordLocked, null, At).IsFinal);
    }

    [Fact]
    public void StatesOf_PostingEvents_OneLineageStateEach()
    {
        Assert.Equal("attempting", SagePostingStates.Of(new SagePostingAttempted("K", At, 1, false)).State);
        Assert.Equal(("locked", "Sage record 'Customer X' is locked"), SagePostingStates.Of(new SagePostingLocked("K", At, "Customer X", "m")));
        Assert.Equal("retrying", SagePostingStates.Of(new SagePostingRetrying("K", At, 2, TimeSpan.FromSeconds(1), SageErrorKind.RecordLocked)).State);
        Assert.Equal("parked", SagePostingStates.Of(new SagePostingParked("K", At, SageParkReason.Auth, null, null, At)).State);
        Assert.Equal("posted", SagePostingStates.Of(new SagePostingPosted("K", At, 1, "1", [])).State);
        Assert.Equal("already-posted", SagePostingStates.Of(new SagePostingAlreadyPosted("K", At, 1, "1", SageAlreadyPostedSource.SageLookup)).State);
        Assert.Equal(("failed", "bad"), SagePostingStates.Of(new SagePostingFailed("K", At, SageErrorKind.Validation, "bad", [])));
    }

    [Fact]
    public void Validate_RealSageWithoutConnectionSettings_NamesEachSetting()
    {
        var failures = SageOptionsValidator.Validate(
            new SageGatewayOptions { Enabled = true, UseSandbox = false },
            new Sage200Options { BaseUrl = new Uri("https://example.test/api") },
            new SagePostingOptions { ParkLockedAfter = TimeSpan.Zero, RetryMaxDelay = TimeSpan.FromSeconds(1) });

        Assert.Contains(failures, f => f.StartsWith("Sage200:ClientId is required", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Sage200:SiteId is required", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Sage200:CompanyId must be 1 or more", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Sage200:BaseUrl 'https://example.test/api' must be an absolute URL ending with '/'", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Sage200:Posting:ParkLockedAfter must be positive", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Sage200:Posting:RetryMaxDelay must not be shorter", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_SandboxOrDisabled_NoConnectionSettingsNeeded()
    {
        Assert.Empty(SageOptionsValidator.Validate(new SageGatewayOptions { Enabled = true, UseSandbox = true }, new Sage200Options(), new SagePostingOptions()));
        Assert.Empty(SageOptionsValidator.Validate(new SageGatewayOptions(), new Sage200Options(), new SagePostingOptions { ParkLockedAfter = TimeSpan.Zero }));
    }
}
