namespace EdiGateway.Storage.Entities;

/// <summary>
/// One entry of the exception queue: a document or posting a person must act on, with the reason in plain
/// words, where in the document it went wrong, and what is at stake.
/// </summary>
public sealed class ExceptionEntry
{
    public long Id { get; set; }

    /// <summary>Which people work it: ops (rejected documents), finance (remittances), onboarding (profiles).</summary>
    public required string Queue { get; set; }

    public string? PartnerId { get; set; }

    public string? Flow { get; set; }

    /// <summary>Stable machine code, e.g. x12.element.invalid-code or sage.locked.</summary>
    public required string ReasonCode { get; set; }

    /// <summary>What went wrong, in words a person understands.</summary>
    public required string Message { get; set; }

    public required Severity Severity { get; set; }

    public ExceptionState State { get; set; } = ExceptionState.Open;

    /// <summary>Why it was dismissed or how it was resolved.</summary>
    public string? StateReason { get; set; }

    /// <summary>Segment ordinal within the transaction set (1 = ST).</summary>
    public int? SegmentOrdinal { get; set; }

    public string? SegmentId { get; set; }

    /// <summary>Element position, 1-based (PO103 = 3).</summary>
    public int? ElementPosition { get; set; }

    public int? ComponentPosition { get; set; }

    public decimal? ValueAtRisk { get; set; }

    public string? Currency { get; set; }

    public DateTimeOffset? SlaDeadline { get; set; }

    public long? LineageEntryId { get; set; }

    public string? DocumentSha256 { get; set; }

    /// <summary>Details for the console (all errors with positions) as JSON.</summary>
    public string? DetailJson { get; set; }

    /// <summary>Stops the same problem being queued twice (e.g. lineage id + reason code); unique when set.</summary>
    public string? DeduplicationKey { get; set; }

    public required DateTimeOffset CreatedAt { get; set; }

    public required DateTimeOffset UpdatedAt { get; set; }

    public long Version { get; set; }

    /// <summary>An ops-queue entry raised by a document flow (the queue sets the times when it is raised).</summary>
    public static ExceptionEntry Ops(string? partnerId, string flow, string reason, Severity severity, string message, long? lineageId, string deduplicationKey,
        string? documentSha256 = null, string? detailJson = null, DateTimeOffset? slaDeadline = null) => new()
    {
        Queue = "ops",
        PartnerId = partnerId,
        Flow = flow,
        ReasonCode = reason,
        Message = message,
        Severity = severity,
        LineageEntryId = lineageId,
        DocumentSha256 = documentSha256,
        DetailJson = detailJson,
        SlaDeadline = slaDeadline,
        DeduplicationKey = deduplicationKey,
        CreatedAt = default,
        UpdatedAt = default,
    };
}

/// <summary>How urgent an exception is.</summary>
public enum Severity
{
    Info = 1,
    Warning = 2,
    Error = 3,
    Critical = 4,
}

/// <summary>Where an exception stands.</summary>
public enum ExceptionState
{
    Open = 1,
    Resubmitted = 2,
    Dismissed = 3,
    Resolved = 4,
}
