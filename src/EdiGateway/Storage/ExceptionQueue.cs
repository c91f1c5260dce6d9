using System.Text.Json;
using EdiGateway.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace EdiGateway.Storage;

/// <summary>
/// The queue of documents and postings a person must act on. Raising is idempotent through the entry's
/// deduplication key; every human action is a state change with an audit row in the same transaction.
/// </summary>
public sealed partial class ExceptionQueue(IDbContextFactory<GatewayDbContext> factory, TimeProvider clock)
{
    /// <summary>Adds the entry unless one with the same deduplication key exists; returns the id either way.</summary>
    public async Task<long> RaiseAsync(ExceptionEntry entry, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        entry.CreatedAt = now;
        entry.UpdatedAt = now;
        db.Exceptions.Add(entry);
        try
        {
            await db.SaveChangesAsync(ct);
            return entry.Id;
        }
        catch (DbUpdateException ex) when (entry.DeduplicationKey is not null && UniqueViolation.Is(ex))
        {
            await using var read = await factory.CreateDbContextAsync(ct);
            return await read.Exceptions.Where(e => e.DeduplicationKey == entry.DeduplicationKey).Select(e => e.Id).SingleAsync(ct);
        }
    }

    public async Task<ExceptionEntry?> GetAsync(long id, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Exceptions.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, ct);
    }

    /// <summary>
    /// Moves an entry to <paramref name="state"/> on behalf of a person. Repeating the same request (same
    /// idempotency key) changes nothing and reports the current entry. A dismissal needs a reason.
    /// </summary>
    public async Task<ExceptionTransition> TransitionAsync(long id, ExceptionState state, string actor, string? reason, string? idempotencyKey, CancellationToken ct)
    {
        if (state == ExceptionState.Dismissed && string.IsNullOrWhiteSpace(reason))
        {
            return new ExceptionTransition(ExceptionTransitionOutcome.ReasonRequired, null);
        }

        await using var db = await factory.CreateDbContextAsync(ct);
        if (db.Database.IsSqlite())
        {
            // A person's action is acknowledged to them: commit it durably.
            await db.Database.OpenConnectionAsync(ct);
            await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous=FULL;", ct);
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var entry = await db.Exceptions.SingleOrDefaultAsync(e => e.Id == id, ct);
        if (entry is null)
        {
            return new ExceptionTransition(ExceptionTransitionOutcome.NotFound, null);
        }

        if (idempotencyKey is not null && await db.Audit.AnyAsync(a => a.IdempotencyKey == idempotencyKey, ct))
        {
            return new ExceptionTransition(ExceptionTransitionOutcome.AlreadyDone, entry);
        }

        if (entry.State is ExceptionState.Dismissed or ExceptionState.Resolved && state != ExceptionState.Open)
        {
            return new ExceptionTransition(entry.State == state ? ExceptionTransitionOutcome.AlreadyDone : ExceptionTransitionOutcome.Closed, entry);
        }

        var before = Snapshot(entry);
        entry.State = state;
        entry.StateReason = reason;
        entry.UpdatedAt = clock.GetUtcNow();
        db.Audit.Add(new AuditEntry
        {
            At = entry.UpdatedAt,
            Actor = actor,
            Action = $"exception.{state.ToString().ToLowerInvariant()}",
            EntityType = "exception",
            EntityId = id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            BeforeJson = before,
            AfterJson = Snapshot(entry),
            IdempotencyKey = idempotencyKey,
        });
        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return new ExceptionTransition(ExceptionTransitionOutcome.Done, entry);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            return new ExceptionTransition(ExceptionTransitionOutcome.AlreadyDone, await GetAsync(id, ct));
        }
        catch (DbUpdateConcurrencyException)
        {
            return new ExceptionTransition(ExceptionTransitionOutcome.Conflict, await GetAsync(id, ct));
        }
    }

    private static string Snapshot(ExceptionEntry e) =>
        JsonSerializer.Serialize(new { state = e.State.ToString(), e.StateReason, e.Severity, e.ReasonCode });
}

/// <summary>How a requested state change went.</summary>
public enum ExceptionTransitionOutcome
{
    Done,
    AlreadyDone,
    NotFound,
    ReasonRequired,
    Closed,
    Conflict,
}

/// <summary>The outcome and the entry as it now stands.</summary>
public sealed record ExceptionTransition(ExceptionTransitionOutcome Outcome, ExceptionEntry? Entry);
