using System.Globalization;
using EdiGateway.Partners;
using EdiGateway.Pipeline;
using EdiGateway.Storage;
using EdiGateway.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace EdiGateway.Flows.Warehouse;

/// <summary>
/// What the inbound warehouse flows do with a set that cannot finish: <see cref="WaitAsync"/> keeps it <c>posting</c>
/// with an entry saying why (the retry brings it back, <see cref="ResolveWaitingAsync"/> closes the entries once it
/// posts); <see cref="FailAsync"/> marks it <c>failed</c> with an entry for a person (bad data, a profile to fix).
/// </summary>
public sealed partial class WarehouseSets(LineageLog lineage, ExceptionQueue exceptions, IDbContextFactory<GatewayDbContext> factory, TimeProvider clock,
    ILogger<WarehouseSets> logger)
{
    /// <summary>Who resolves the queue entries of a warehouse set once Sage has it.</summary>
    public const string Actor = "edigw:warehouse";

    /// <summary>The set cannot post now: it stays <c>posting</c> with <paramref name="message"/>, and one entry per reason says why.</summary>
    public async Task<string> WaitAsync(TransactionSetAccepted set, PartnerProfile partner, string reason, string message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(set);
        await exceptions.RaiseAsync(Entry(set, partner, reason, Severity.Error, message, WaitingKey(set) + reason), ct);
        await lineage.SetStateAsync(set.LineageId, LineageStates.Posting, message, ct);
        LogWaiting(logger, partner.Id, set.Flow, set.LineageId, reason);
        return LineageStates.Posting;
    }

    /// <summary>The set cannot be processed as it is: <c>failed</c>, with an entry for a person.</summary>
    public async Task<string> FailAsync(TransactionSetAccepted set, PartnerProfile partner, string reason, string message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(set);
        await exceptions.RaiseAsync(Entry(set, partner, reason, Severity.Error, message, $"{reason}:{set.LineageId.ToString(CultureInfo.InvariantCulture)}"), ct);
        await lineage.SetStateAsync(set.LineageId, LineageStates.Failed, message, ct);
        LogFailed(logger, partner.Id, set.Flow, set.LineageId, reason);
        return LineageStates.Failed;
    }

    /// <summary>Raises an entry about the set (idempotent by <paramref name="dedup"/>).</summary>
    public Task<long> RaiseAsync(TransactionSetAccepted set, PartnerProfile partner, string reason, Severity severity, string message, string dedup, string? detail, CancellationToken ct) =>
        exceptions.RaiseAsync(Entry(set, partner, reason, severity, message, dedup, detail), ct);

    /// <summary>Resolves the set's open waiting entries: what they waited for has happened.</summary>
    public async Task ResolveWaitingAsync(TransactionSetAccepted set, string how, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(set);
        var prefix = WaitingKey(set);
        List<long> open;
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            open = await db.Exceptions.AsNoTracking()
                .Where(e => e.DeduplicationKey != null && e.DeduplicationKey.StartsWith(prefix) && (e.State == ExceptionState.Open || e.State == ExceptionState.Resubmitted))
                .Select(e => e.Id).ToListAsync(ct);
        }

        foreach (var id in open)
        {
            await exceptions.TransitionAsync(id, ExceptionState.Resolved, Actor, how, idempotencyKey: null, ct);
        }
    }

    private static string WaitingKey(TransactionSetAccepted set) => $"{set.Flow}-waiting:{set.LineageId.ToString(CultureInfo.InvariantCulture)}:";

    private ExceptionEntry Entry(TransactionSetAccepted set, PartnerProfile partner, string reason, Severity severity, string message, string dedup, string? detail = null) => new()
    {
        Queue = "ops",
        PartnerId = partner.Id,
        Flow = set.Flow,
        ReasonCode = reason,
        Message = message,
        Severity = severity,
        LineageEntryId = set.LineageId,
        DocumentSha256 = set.DocumentSha256,
        DetailJson = detail,
        DeduplicationKey = dedup,
        CreatedAt = clock.GetUtcNow(),
        UpdatedAt = clock.GetUtcNow(),
    };

    [LoggerMessage(EventId = 660, Level = LogLevel.Warning, Message = "3PL {PartnerId} {Flow} set {LineageId} waits ({Reason})")]
    private static partial void LogWaiting(ILogger logger, string partnerId, string flow, long lineageId, string reason);

    [LoggerMessage(EventId = 661, Level = LogLevel.Warning, Message = "3PL {PartnerId} {Flow} set {LineageId} failed ({Reason})")]
    private static partial void LogFailed(ILogger logger, string partnerId, string flow, long lineageId, string reason);
}
