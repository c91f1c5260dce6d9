using System.Globalization;
using System.Text.Json;
using EdiGateway.Sage200.Posting;
using EdiGateway.Storage;
using EdiGateway.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace EdiGateway.Sage;

/// <summary>
/// <see cref="ISagePostingEventSink"/> for the appliance: every posting event moves the posting's ErpPosting
/// lineage row to the event's state and is appended to erp_postings.transitions; a parked posting is queued for
/// ops (sage.locked / sage.parked, deduplicated per posting) and that entry is resolved when the posting succeeds.
/// </summary>
public sealed partial class SageLineageSink(
    IDbContextFactory<GatewayDbContext> factory,
    LineageLog lineage,
    ExceptionQueue exceptions,
    SagePostingLineage rows,
    SageIdempotencyStore store,
    SageCompanyScope scope,
    ILogger<SageLineageSink> logger) : ISagePostingEventSink
{
    public const string OpsQueue = "ops";
    public const string Actor = "edigw:sage";

    public async ValueTask PublishAsync(SagePostingEvent postingEvent, CancellationToken cancellationToken)
    {
        var transition = SagePostingStates.Of(postingEvent);
        await store.AppendTransitionAsync(postingEvent.Key, transition.State, cancellationToken);
        var rowId = rows.Known(postingEvent.Key) ?? await store.FindLineageIdAsync(postingEvent.Key, cancellationToken);
        if (rowId is not { } id)
        {
            LogNoLineage(logger, postingEvent.Key);
            return;
        }

        rows.Remember(postingEvent.Key, id);
        await lineage.SetStateAsync(id, transition.State, transition.Error, cancellationToken);
        switch (postingEvent)
        {
            case SagePostingPosted p:
                await AddKeysAsync(id, p.SageOrderId, p.DocumentNo, cancellationToken);
                await ResolveAsync(p.Key, $"Posted to Sage as order {p.DocumentNo}", cancellationToken);
                break;
            case SagePostingAlreadyPosted a:
                await AddKeysAsync(id, a.SageOrderId, a.DocumentNo, cancellationToken);
                await ResolveAsync(a.Key, $"Already in Sage as order {a.DocumentNo}", cancellationToken);
                break;
            case SagePostingParked parked:
                await ParkAsync(id, parked, cancellationToken);
                break;
            case SagePostingFailed failed:
                await RefuseAsync(id, failed, cancellationToken);
                break;
        }
    }

    private async Task AddKeysAsync(long id, long sageOrderId, string? documentNo, CancellationToken ct)
    {
        var keys = new Dictionary<string, string> { ["sageOrderId"] = sageOrderId.ToString(CultureInfo.InvariantCulture) };
        if (documentNo is not null)
        {
            keys["documentNo"] = documentNo;
        }

        foreach (var (name, value) in keys)
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            db.LineageKeys.Add(new LineageKey { LineageEntryId = id, Name = name, Value = value });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
            {
                // recorded before (an already-posted answer after a restart)
            }
        }
    }

    private async Task ParkAsync(long id, SagePostingParked parked, CancellationToken ct)
    {
        var entry = await lineage.GetAsync(id, ct);
        var locked = parked.Reason == SageParkReason.RecordLocked;
        var when = parked.NextAttemptAt.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var message = locked
            ? $"Sage 200 order {parked.Key} is waiting: the record '{parked.LockedRecord ?? "unknown"}' is locked in Sage (open in the desktop?). Next attempt at {when}; nothing to do unless it stays locked."
            : $"Sage 200 order {parked.Key} is parked ({SagePostingStates.Describe(parked.Reason)}). Next attempt at {when}.";
        var detail = JsonSerializer.Serialize(new
        {
            key = parked.Key,
            reason = parked.Reason.ToString(),
            lockedRecord = parked.LockedRecord,
            sageMessage = parked.SageMessage,
            nextAttemptAt = parked.NextAttemptAt,
        });
        var reason = locked ? "sage.locked" : "sage.parked";
        var exceptionId = await exceptions.RaiseAsync(new ExceptionEntry
        {
            Queue = OpsQueue,
            PartnerId = entry?.PartnerId,
            Flow = entry?.Flow,
            ReasonCode = reason,
            Message = message,
            Severity = parked.Reason == SageParkReason.Auth ? Severity.Error : Severity.Warning,
            ValueAtRisk = entry?.Amount,
            Currency = entry?.Currency,
            LineageEntryId = id,
            DetailJson = detail,
            DeduplicationKey = DeduplicationKey(parked.Key),
            CreatedAt = default,
            UpdatedAt = default,
        }, ct);

        // parked again: the one entry of this posting carries the latest reason and next attempt, and is open
        await using var db = await factory.CreateDbContextAsync(ct);
        var now = parked.At;
        await db.Exceptions.Where(e => e.Id == exceptionId).ExecuteUpdateAsync(u => u
            .SetProperty(e => e.ReasonCode, reason)
            .SetProperty(e => e.Message, message)
            .SetProperty(e => e.DetailJson, detail)
            .SetProperty(e => e.State, ExceptionState.Open)
            .SetProperty(e => e.StateReason, (string?)null)
            .SetProperty(e => e.UpdatedAt, now)
            .SetProperty(e => e.Version, e => e.Version + 1), ct);
    }

    private async Task RefuseAsync(long id, SagePostingFailed failed, CancellationToken ct)
    {
        var entry = await lineage.GetAsync(id, ct);
        await exceptions.RaiseAsync(new ExceptionEntry
        {
            Queue = OpsQueue,
            PartnerId = entry?.PartnerId,
            Flow = entry?.Flow,
            ReasonCode = "sage.refused",
            Message = $"Sage 200 refused order {failed.Key} ({failed.Kind}): {failed.Reason}",
            Severity = Severity.Error,
            ValueAtRisk = entry?.Amount,
            Currency = entry?.Currency,
            LineageEntryId = id,
            DetailJson = JsonSerializer.Serialize(new { key = failed.Key, kind = failed.Kind.ToString(), failed.Reason, violations = failed.Violations.Select(v => v.ToString()) }),
            DeduplicationKey = DeduplicationKey(failed.Key) + ":refused",
            CreatedAt = default,
            UpdatedAt = default,
        }, ct);
    }

    private async Task ResolveAsync(string key, string how, CancellationToken ct)
    {
        var dedup = DeduplicationKey(key);
        await using var db = await factory.CreateDbContextAsync(ct);
        var open = await db.Exceptions.AsNoTracking()
            .Where(e => e.DeduplicationKey == dedup && (e.State == ExceptionState.Open || e.State == ExceptionState.Resubmitted))
            .Select(e => e.Id).ToListAsync(ct);
        foreach (var exceptionId in open)
        {
            await exceptions.TransitionAsync(exceptionId, ExceptionState.Resolved, Actor, how, idempotencyKey: null, ct);
        }
    }

    /// <summary>The queue entry of a parked posting (one per posting and company).</summary>
    public string DeduplicationKey(string postingKey) => $"{scope.System}:{scope.Company}:{postingKey}:parked";

    [LoggerMessage(EventId = 4301, Level = LogLevel.Warning, Message = "Sage posting {PostingKey} has no lineage row; event not recorded in the lineage")]
    private static partial void LogNoLineage(ILogger logger, string postingKey);
}
