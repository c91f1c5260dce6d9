namespace EdiGateway.Storage.Entities;

/// <summary>One human action: who did what to which record, when, with the state before and after.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public required DateTimeOffset At { get; init; }

    public required string Actor { get; init; }

    /// <summary>Verb, e.g. exception.dismiss, partner.update, document.replace.</summary>
    public required string Action { get; init; }

    public required string EntityType { get; init; }

    public required string EntityId { get; init; }

    public string? BeforeJson { get; init; }

    public string? AfterJson { get; init; }

    /// <summary>Makes a repeated request (same idempotency key) a no-op; unique when set.</summary>
    public string? IdempotencyKey { get; init; }
}
