using System.Net;
using EdiGateway.Sage200.Client;

namespace EdiGateway.Sage200.Tests.Client;

public class SageErrorClassifierTests
{
    private readonly SageErrorClassifier classifier = new(new SageLockDetectionOptions());

    [Fact]
    public void Classify_LockText_IsRecordLockedWithRecord()
    {
        var e = classifier.Classify(HttpStatusCode.BadRequest, """{"Message":"The record 'Customer AMZBHX4' is locked by another user."}""", isWrite: true, "POST /sop_orders");

        Assert.Equal(SageErrorKind.RecordLocked, e.Kind);
        Assert.Equal("Customer AMZBHX4", e.LockedRecord);
        Assert.True(e.IsTransient);
    }

    [Fact]
    public void Classify_CustomLockPattern_IsConfigurable()
    {
        var custom = new SageErrorClassifier(new SageLockDetectionOptions { StatusCodes = [409], MessagePatterns = ["in Benutzung"] });

        Assert.Equal(SageErrorKind.RecordLocked, custom.Classify(HttpStatusCode.Conflict, "Datensatz in Benutzung", true, "op").Kind);
        Assert.Equal(SageErrorKind.Validation, custom.Classify(HttpStatusCode.BadRequest, """{"Message":"The record 'X' is locked"}""", true, "op").Kind);
    }

    [Theory]
    [InlineData(HttpStatusCode.ServiceUnavailable, true, SageErrorKind.UnknownOutcome)]
    [InlineData(HttpStatusCode.ServiceUnavailable, false, SageErrorKind.Transient)]
    [InlineData(HttpStatusCode.Unauthorized, false, SageErrorKind.Auth)]
    [InlineData(HttpStatusCode.NotFound, false, SageErrorKind.NotFound)]
    [InlineData(HttpStatusCode.BadRequest, true, SageErrorKind.Validation)]
    public void Classify_Status_MapsToKind(HttpStatusCode status, bool isWrite, SageErrorKind kind) =>
        Assert.Equal(kind, classifier.Classify(status, """[{"Message":"x"}]""", isWrite, "op").Kind);

    [Fact]
    public void Classify_DeadlockText_IsTransient() =>
        Assert.Equal(SageErrorKind.Transient, classifier.Classify(HttpStatusCode.BadRequest, "Transaction was deadlocked", true, "op").Kind);
}
