using System.Collections.Concurrent;

namespace EdiGateway.Sage200.Posting;

/// <summary>Where a posting stands in the local idempotency store.</summary>
public enum SagePostingStatus
{
    /// <summary>Claimed; a call may be in progress or may have died with the process (look up before retry).</summary>
    InFlight,

    /// <summary>Created (or found) in Sage.</summary>
    Posted,

    /// <summary>Parked until <see cref="SagePostingRecord.NextAttemptAt"/>.</summary>
    Parked,

    /// <summary>Refused permanently.</summary>
    Failed,
}

/// <summary>One row of the idempotency store, keyed by <see cref="Key"/> (channel prefix + external id).</summary>
public sealed record SagePostingRecord(
    string Key,
    SalesOrderPosting Posting,
    SagePostingStatus Status,
    int Attempts,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? NextAttemptAt = null,
    long? SageOrderId = null,
    string? SageDocumentNo = null,
    string? LockedRecord = null,
    string? LastError = null);

/// <summary>
/// Local idempotency store. The appliance implements it over its database with a UNIQUE index on Key, so
/// <see cref="TryAddAsync"/> is the duplicate stop (not check-then-insert).
/// </summary>
public interface ISageIdempotencyStore
{
    /// <summary>Inserts; false when the key already exists.</summary>
    ValueTask<bool> TryAddAsync(SagePostingRecord record, CancellationToken cancellationToken);

    /// <summary>Reads one record.</summary>
    ValueTask<SagePostingRecord?> FindAsync(string key, CancellationToken cancellationToken);

    /// <summary>Replaces the record with the same key.</summary>
    ValueTask UpdateAsync(SagePostingRecord record, CancellationToken cancellationToken);

    /// <summary>Records in one status (resume: InFlight and Parked).</summary>
    ValueTask<IReadOnlyList<SagePostingRecord>> ListAsync(SagePostingStatus status, CancellationToken cancellationToken);
}

/// <summary>In-memory <see cref="ISageIdempotencyStore"/> for tests; survives an engine restart within the process.</summary>
public sealed class InMemorySageIdempotencyStore : ISageIdempotencyStore
{
    private readonly ConcurrentDictionary<string, SagePostingRecord> records = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public ValueTask<bool> TryAddAsync(SagePostingRecord record, CancellationToken cancellationToken) => ValueTask.FromResult(records.TryAdd(record.Key, record));

    /// <inheritdoc />
    public ValueTask<SagePostingRecord?> FindAsync(string key, CancellationToken cancellationToken) => ValueTask.FromResult(records.TryGetValue(key, out var r) ? r : null);

    /// <inheritdoc />
    public ValueTask UpdateAsync(SagePostingRecord record, CancellationToken cancellationToken)
    {
        records[record.Key] = record;
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<SagePostingRecord>> ListAsync(SagePostingStatus status, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<SagePostingRecord>>([.. records.Values.Where(r => r.Status == status).OrderBy(r => r.CreatedAt)]);
}
