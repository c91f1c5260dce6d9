using System.Linq.Expressions;
using System.Text.Json;
using EdiGateway.Sage200.Client;
using EdiGateway.Sage200.Posting;
using EdiGateway.Storage;
using EdiGateway.Storage.Configurations;
using EdiGateway.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace EdiGateway.Sage;

/// <summary>
/// <see cref="ISageIdempotencyStore"/> on erp_postings: the unique index on (system, company, external_id) is the
/// duplicate stop, so <see cref="TryAddAsync"/> inserts and reports false on the unique violation.
/// The posting is kept as JSON so a restart can resume it.
/// </summary>
public sealed class SageIdempotencyStore(IDbContextFactory<GatewayDbContext> factory, SageCompanyScope scope, SagePostingLineage lineage) : ISageIdempotencyStore
{
    public const string SalesOrderKind = "sales-order";

    /// <summary>State of a posting accepted by the actor but not yet claimed by the engine (nothing sent to Sage).</summary>
    public const string Submitted = "submitted";

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> held = new(StringComparer.Ordinal);

    /// <summary>The live actor queues this submitted posting itself: resume leaves it alone until released.</summary>
    public void Hold(string key) => held[key] = 0;

    public void Release(string key) => held.TryRemove(key, out _);

    /// <summary>A (re)started actor holds nothing: every submitted posting is resumable again.</summary>
    public void ReleaseAll() => held.Clear();

    /// <summary>
    /// Records a posting the actor accepted, before the engine sees it, so a stop or crash cannot lose it: resume
    /// lists it with the in-flight ones. False when the key is already known (a resubmission).
    /// </summary>
    public async Task<bool> SubmitAsync(SalesOrderPosting posting, long lineageRowId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var entry = db.ErpPostings.Add(new ErpPosting
        {
            System = scope.System,
            Company = scope.Company,
            ExternalId = posting.Key,
            Kind = SalesOrderKind,
            State = Submitted,
            LineageEntryId = lineageRowId,
            CreatedAt = now,
            UpdatedAt = now,
        });
        entry.Property(ErpPostingColumns.PostingJson).CurrentValue = JsonSerializer.Serialize(posting, SageJson.Options);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            return false;
        }
    }

    /// <summary>Claims the key: a submitted row becomes in-flight (a fresh claim), else a unique insert.</summary>
    public async ValueTask<bool> TryAddAsync(SagePostingRecord record, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var claimedState = StateOf(record.Status);
        var claimed = await db.ErpPostings
            .Where(p => p.System == scope.System && p.Company == scope.Company && p.ExternalId == record.Key && p.State == Submitted)
            .ExecuteUpdateAsync(u => u
                .SetProperty(p => p.State, claimedState)
                .SetProperty(p => p.Attempts, record.Attempts)
                .SetProperty(p => p.UpdatedAt, record.UpdatedAt)
                .SetProperty(p => p.Version, p => p.Version + 1), cancellationToken);
        if (claimed == 1)
        {
            return true;
        }

        var row = new ErpPosting
        {
            System = scope.System,
            Company = scope.Company,
            ExternalId = record.Key,
            Kind = SalesOrderKind,
            State = StateOf(record.Status),
            Attempts = record.Attempts,
            LastError = record.LastError,
            ErpReference = record.SageOrderId?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            LineageEntryId = lineage.Known(record.Key),
            CreatedAt = record.CreatedAt,
            UpdatedAt = record.UpdatedAt,
        };
        var entry = db.ErpPostings.Add(row);
        entry.Property(ErpPostingColumns.PostingJson).CurrentValue = JsonSerializer.Serialize(record.Posting, SageJson.Options);
        entry.Property(ErpPostingColumns.NextAttemptAt).CurrentValue = record.NextAttemptAt;
        entry.Property(ErpPostingColumns.LockedRecord).CurrentValue = record.LockedRecord;
        entry.Property(ErpPostingColumns.ErpDocumentNo).CurrentValue = record.SageDocumentNo;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            return false;
        }
    }

    public async ValueTask<SagePostingRecord?> FindAsync(string key, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await Rows(db, p => p.ExternalId == key).ToListAsync(cancellationToken);
        return rows.Count == 0 ? null : ToRecord(rows[0]);
    }

    public async ValueTask UpdateAsync(SagePostingRecord record, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var state = StateOf(record.Status);
        var reference = record.SageOrderId?.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var json = JsonSerializer.Serialize(record.Posting, SageJson.Options);
        var lineageId = lineage.Known(record.Key);
        await db.ErpPostings
            .Where(p => p.System == scope.System && p.Company == scope.Company && p.ExternalId == record.Key)
            .ExecuteUpdateAsync(u => u
                .SetProperty(p => p.State, state)
                .SetProperty(p => p.Attempts, record.Attempts)
                .SetProperty(p => p.LastError, record.LastError)
                .SetProperty(p => p.ErpReference, reference)
                .SetProperty(p => p.UpdatedAt, record.UpdatedAt)
                .SetProperty(p => p.LineageEntryId, p => p.LineageEntryId ?? lineageId)
                .SetProperty(p => EF.Property<string?>(p, ErpPostingColumns.PostingJson), json)
                .SetProperty(p => EF.Property<DateTimeOffset?>(p, ErpPostingColumns.NextAttemptAt), record.NextAttemptAt)
                .SetProperty(p => EF.Property<string?>(p, ErpPostingColumns.LockedRecord), record.LockedRecord)
                .SetProperty(p => EF.Property<string?>(p, ErpPostingColumns.ErpDocumentNo), record.SageDocumentNo)
                .SetProperty(p => p.Version, p => p.Version + 1), cancellationToken);
    }

    public async ValueTask<IReadOnlyList<SagePostingRecord>> ListAsync(SagePostingStatus status, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var state = StateOf(status);
        var rows = status == SagePostingStatus.InFlight
            ? await Rows(db, p => p.State == state || p.State == Submitted).ToListAsync(cancellationToken)
            : await Rows(db, p => p.State == state).ToListAsync(cancellationToken);
        return [.. rows.Where(r => !(r.State == Submitted && held.ContainsKey(r.Key))).Select(ToRecord)];
    }

    /// <summary>The lineage row of a posting (for the event sink after a restart), or null.</summary>
    public async Task<long?> FindLineageIdAsync(string key, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.ErpPostings.Where(p => p.System == scope.System && p.Company == scope.Company && p.ExternalId == key)
            .Select(p => p.LineageEntryId).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Appends one transition (posting state per event) to the row, in one statement.</summary>
    public async Task AppendTransitionAsync(string key, string transition, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var suffix = " " + transition;
        await db.ErpPostings
            .Where(p => p.System == scope.System && p.Company == scope.Company && p.ExternalId == key)
            .ExecuteUpdateAsync(u => u.SetProperty(
                p => EF.Property<string?>(p, ErpPostingColumns.Transitions),
                p => (EF.Property<string?>(p, ErpPostingColumns.Transitions) ?? "") + suffix), cancellationToken);
    }

    public static string StateOf(SagePostingStatus status) => status switch
    {
        SagePostingStatus.InFlight => "in-flight",
        SagePostingStatus.Posted => "posted",
        SagePostingStatus.Parked => "parked",
        _ => "failed",
    };

    private static SagePostingStatus StatusOf(string state) => state switch
    {
        "in-flight" or Submitted => SagePostingStatus.InFlight,
        "posted" => SagePostingStatus.Posted,
        "parked" => SagePostingStatus.Parked,
        _ => SagePostingStatus.Failed,
    };

    private IQueryable<Row> Rows(GatewayDbContext db, Expression<Func<ErpPosting, bool>> filter) => db.ErpPostings.AsNoTracking()
        .Where(p => p.System == scope.System && p.Company == scope.Company && p.Kind == SalesOrderKind)
        .Where(filter)
        .OrderBy(p => p.Id)
        .Select(p => new Row(
            p.Id, p.ExternalId, p.State, p.Attempts, p.CreatedAt, p.UpdatedAt, p.ErpReference, p.LastError,
            EF.Property<string?>(p, ErpPostingColumns.PostingJson),
            EF.Property<DateTimeOffset?>(p, ErpPostingColumns.NextAttemptAt),
            EF.Property<string?>(p, ErpPostingColumns.LockedRecord),
            EF.Property<string?>(p, ErpPostingColumns.ErpDocumentNo)));

    private static SagePostingRecord ToRecord(Row r) => new(
        r.Key,
        JsonSerializer.Deserialize<SalesOrderPosting>(r.PostingJson ?? "null", SageJson.Options)
            ?? throw new InvalidOperationException($"erp_postings row {r.Id} ({r.Key}) has no posting_json and cannot be resumed"),
        StatusOf(r.State),
        r.Attempts,
        r.CreatedAt,
        r.UpdatedAt,
        r.NextAttemptAt,
        long.TryParse(r.Reference, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null,
        r.DocumentNo,
        r.LockedRecord,
        r.LastError);

    private sealed record Row(long Id, string Key, string State, int Attempts, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
        string? Reference, string? LastError, string? PostingJson, DateTimeOffset? NextAttemptAt, string? LockedRecord, string? DocumentNo);
}
