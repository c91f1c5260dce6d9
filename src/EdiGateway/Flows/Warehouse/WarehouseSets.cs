using System.Globalization;
using EdiGateway.Edi.Model;
using EdiGateway.Flows.Amazon;
using EdiGateway.Partners;
using EdiGateway.Pipeline;
using EdiGateway.Sage;
using EdiGateway.Sage200.Client;
using EdiGateway.Storage;
using EdiGateway.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace EdiGateway.Flows.Warehouse;

/// <summary>
/// What the inbound warehouse flows do with a set that cannot finish: <see cref="WaitAsync"/> keeps it <c>posting</c>
/// with an entry saying why (the retry brings it back, <see cref="ResolveWaitingAsync"/> closes the entries once it
/// posts); <see cref="FailAsync"/> marks it <c>failed</c> with an entry for a person (bad data, a profile to fix).
/// </summary>
public sealed partial class WarehouseSets(LineageLog lineage, ExceptionQueue exceptions, IDbContextFactory<GatewayDbContext> factory, SagePosting sage,
    PartnerCatalog catalog, IDocumentStore documents, TimeProvider clock, ILogger<WarehouseSets> logger)
{
    /// <summary>Who resolves the queue entries of a warehouse set once Sage has it.</summary>
    public const string Actor = "edigw:warehouse";

    /// <summary>
    /// The common start of a warehouse set: with Sage posting off it becomes <c>ready-to-post</c>; a set already done, or
    /// whose profile is gone, is left as it is; a profile the rules cannot use fails it. Otherwise the set (moved to
    /// <c>posting</c> when <paramref name="posting"/>) comes back with its partner, profile data, tree and the Sage client.
    /// </summary>
    public async Task<WarehouseSetStart> BeginAsync(TransactionSetAccepted set, bool posting, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(set);
        var state = (await lineage.GetAsync(set.LineageId, ct))?.State ?? LineageStates.Failed;
        if (!await sage.WhenStarted(ct))
        {
            return new(await lineage.TransitionAsync(set.LineageId, LineageStates.Accepted, LineageStates.ReadyToPost, ct) ? LineageStates.ReadyToPost : state, null);
        }

        if (!sage.IsRunning || sage.Connection is not { } connection)
        {
            throw new InvalidOperationException("Sage posting has stopped; the set is picked up again at the next start.");
        }

        if (state is not (LineageStates.Accepted or LineageStates.ReadyToPost or LineageStates.Posting) || catalog.Current?.Partners.GetValueOrDefault(set.PartnerId) is not { } partner)
        {
            return new(state, null);
        }

        var data = WarehouseProfiles.For(partner);
        if (!data.IsSuccess)
        {
            return new(await FailAsync(set, partner, "warehouse.profile", $"The 3PL profile {partner.Id} cannot be used for a {set.SetId}: {WarehouseProfiles.Describe(data.Problems)}", ct), null);
        }

        var tree = await PurchaseOrderIntake.ReadSetAsync(documents, set.DocumentSha256, ct);
        if (posting && state != LineageStates.Posting)
        {
            await lineage.TransitionAsync(set.LineageId, state, LineageStates.Posting, ct);
            state = LineageStates.Posting;
        }

        return new(state, new WarehouseSet(partner, data.Value!, tree, connection.Client));
    }

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

/// <summary>Where <see cref="WarehouseSets.BeginAsync"/> left a set: its state, and what to work with when there is work.</summary>
public sealed record WarehouseSetStart(string State, WarehouseSet? Set);

/// <summary>A warehouse set ready for its flow: the 3PL, its profile data, the stored set and the Sage client.</summary>
public sealed record WarehouseSet(PartnerProfile Partner, WarehousePartnerData Data, X12TransactionSet Tree, Sage200Client Sage);
