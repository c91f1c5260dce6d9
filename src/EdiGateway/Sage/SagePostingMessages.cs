using EdiGateway.Sage200;
using EdiGateway.Sage200.Posting;

namespace EdiGateway.Sage;

/// <summary>Command: post one sales order to Sage for the transaction set (or document) at <paramref name="LineageId"/>.</summary>
public sealed record PostSalesOrder(long LineageId, SalesOrderPosting Posting);

/// <summary>What became of a posting; <see cref="IsFinal"/> is false only for a parked posting (it is retried).</summary>
public abstract record SalesOrderOutcome(long LineageId, string Key)
{
    public abstract bool IsFinal { get; }
}

/// <summary>The order is in Sage (created now, or found there / in the store: <paramref name="AlreadyPosted"/>).</summary>
public sealed record SalesOrderPosted(long LineageId, string Key, long SageOrderId, string? DocumentNo, bool AlreadyPosted) : SalesOrderOutcome(LineageId, Key)
{
    public override bool IsFinal => true;
}

/// <summary>Parked in the ops queue and retried automatically at <paramref name="NextAttemptAt"/>.</summary>
public sealed record SalesOrderParked(long LineageId, string Key, SageParkReason Reason, string? LockedRecord, DateTimeOffset NextAttemptAt) : SalesOrderOutcome(LineageId, Key)
{
    public override bool IsFinal => false;
}

/// <summary>Refused for good (bad data, or the lineage entry does not exist); queued for a person.</summary>
public sealed record SalesOrderFailed(long LineageId, string Key, SageErrorKind? Kind, string Reason) : SalesOrderOutcome(LineageId, Key)
{
    public override bool IsFinal => true;
}

/// <summary>Messages the posting actor sends itself (results of piped tasks and its timer).</summary>
internal static class SagePostingActorMessages
{
    public sealed record PostingAccepted(PostSalesOrder Command);

    public sealed record PostingFinished(PostSalesOrder Command, SagePostingResult Result);

    public sealed record PostingCrashed(PostSalesOrder Command, Exception Error);

    public sealed record ResumeTick
    {
        public static ResumeTick Instance { get; } = new();
    }

    public sealed record ResumeFinished(IReadOnlyList<(long LineageId, SagePostingResult Result)> Results);

    public sealed record ResumeCrashed(Exception Error);
}
