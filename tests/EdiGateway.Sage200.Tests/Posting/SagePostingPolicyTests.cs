using EdiGateway.Sage200.Posting;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace EdiGateway.Sage200.Tests.Posting;

public class SagePostingPolicyTests
{
    private static readonly SagePostingOptions Options = new() { ParkLockedAfter = TimeSpan.FromMinutes(10), MaxTransientAttempts = 3, ParkedRetryInterval = TimeSpan.FromMinutes(15) };
    private static readonly DateTimeOffset Now = new(2025, 3, 14, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(9, true)]
    [InlineData(10, false)]
    public void ShouldRetry_Lock_RetriesUntilParkTime(int minutesLocked, bool expected) =>
        Assert.Equal(expected, SagePostingPolicy.ShouldRetry(new SageFailure(SageErrorKind.RecordLocked, "Customer A", null), 99, TimeSpan.FromMinutes(minutesLocked), Options));

    [Theory]
    [InlineData(SageErrorKind.Transient, 2, true)]
    [InlineData(SageErrorKind.UnknownOutcome, 3, false)]
    [InlineData(SageErrorKind.Validation, 1, false)]
    [InlineData(SageErrorKind.Auth, 1, false)]
    public void ShouldRetry_Kind_FollowsAttemptBudget(SageErrorKind kind, int attempts, bool expected) =>
        Assert.Equal(expected, SagePostingPolicy.ShouldRetry(new SageFailure(kind, null, null), attempts, TimeSpan.Zero, Options));

    [Fact]
    public void Classify_PollyTimeout_IsUnknownOutcomeNeedingLookup() =>
        Assert.True(SagePostingPolicy.Classify(new TimeoutRejectedException())!.RequiresLookup);

    [Fact]
    public void AfterRetries_CircuitOpen_ParksForBreakDuration()
    {
        var decision = SagePostingPolicy.AfterRetries(SagePostingPolicy.Classify(new BrokenCircuitException())!, Now, Options);

        Assert.Equal(new SagePostingDecision.Park(SageParkReason.CircuitOpen, Now + Options.CircuitBreakDuration), decision);
    }

    [Theory]
    [InlineData(SageErrorKind.RecordLocked, SageParkReason.RecordLocked)]
    [InlineData(SageErrorKind.Auth, SageParkReason.Auth)]
    [InlineData(SageErrorKind.Timeout, SageParkReason.Transient)]
    public void AfterRetries_Transient_ParksNeverDrops(SageErrorKind kind, SageParkReason reason) =>
        Assert.Equal(new SagePostingDecision.Park(reason, Now + Options.ParkedRetryInterval), SagePostingPolicy.AfterRetries(new SageFailure(kind, null, null), Now, Options));

    [Fact]
    public void AfterRetries_Validation_Fails() =>
        Assert.IsType<SagePostingDecision.Fail>(SagePostingPolicy.AfterRetries(new SageFailure(SageErrorKind.Validation, null, "bad"), Now, Options));

    [Theory]
    [InlineData("4Q7XK2PO", "AMZ-4Q7XK2PO")]
    [InlineData(" 100000123 ", "AMZ-100000123")]
    public void Compose_ExternalId_IsPrefixed(string externalId, string expected) =>
        Assert.Equal(expected, CustomerDocumentNumber.Compose(SageChannel.Amazon, externalId).Value);

    [Fact]
    public void Compose_TooLong_IsRefusedNotCut()
    {
        var (value, refusal) = CustomerDocumentNumber.Compose(SageChannel.ThreePl, new string('7', 27));

        Assert.Null(value);
        Assert.Equal("max-length", refusal!.Rule);
    }

    [Fact]
    public void IsDue_ParkedBeforeItsTime_IsNotDue()
    {
        var record = new SagePostingRecord("AMZ-1", new SalesOrderPosting(SageChannel.Amazon, "1", new()), SagePostingStatus.Parked, 3, Now, Now, Now.AddMinutes(15));

        Assert.False(SagePostingPolicy.IsDue(record, Now.AddMinutes(14)));
        Assert.True(SagePostingPolicy.IsDue(record, Now.AddMinutes(15)));
    }
}
