using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using EdiGateway.Partners;
using EdiGateway.Pipeline;
using EdiGateway.Sage200;
using EdiGateway.Sage200.Client;
using EdiGateway.Sage200.Models;
using EdiGateway.Storage;
using EdiGateway.Storage.Entities;

namespace EdiGateway.Flows.Warehouse;

/// <summary>
/// 945 Warehouse Shipping Advice in, top to bottom. The advice is matched to the order released to the 3PL (its
/// <c>warehouse_fulfilments</c> row and the 940's lines), planned against the Sage lines still open
/// (<see cref="DespatchPlanner"/>: stock units, short lines with their W12 reason) and written to Sage with
/// <c>POST /sop_confirm_despatch</c>. For an Amazon order the recorded despatch then goes to the Amazon flow
/// (<see cref="IAmazonDespatchNotifier"/>: change-855 on a short-ship, the 856 with the 945's SSCCs).
/// No sync illusion: a 945 Sage cannot take yet (unknown order, a line Sage no longer has open, the order locked in the
/// desktop, Sage refusing the despatch) stays <c>posting</c> with an entry on the queue saying why, and is tried again
/// (<see cref="WarehouseRetry"/>) until Sage records it; only then is the set <c>posted</c> and the entries resolved.
/// The open lines seen before the write are kept, so a retry after a lost answer looks first and never despatches twice.
/// </summary>
public sealed partial class ShippingAdviceFlow(
    LineageLog lineage,
    WarehouseStore store,
    WarehouseSets sets,
    IAmazonDespatchNotifier amazon,
    TimeProvider clock,
    ILogger<ShippingAdviceFlow> logger) : IFlowHandler
{
    /// <summary>Lineage ordinal of the Sage despatch (ErpPosting) under the 945 set.</summary>
    public const int DespatchOrdinal = 1;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Flow => "warehouse-945";

    public async Task<string> HandleAsync(TransactionSetAccepted set, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(set);
        var start = await sets.BeginAsync(set, posting: true, ct);
        if (start.Set is not { Partner: var partner, Data: var data, Tree: var tree })
        {
            return start.State;
        }

        var advice = ShippingAdviceReader.Read(tree, data.Settings);
        if (!advice.IsSuccess)
        {
            return await sets.FailAsync(set, partner, "warehouse.945.unreadable", $"945 {tree.ControlNumber} cannot become a despatch: {WarehouseProfiles.Describe(advice.Problems)}", ct);
        }

        try
        {
            return await DespatchAsync(set, partner, data, advice.Value!, start.Set.Sage, ct);
        }
        catch (SageApiException ex)
        {
            return await sets.WaitAsync(set, partner, "warehouse.945.sage-" + ex.Kind switch
                {
                    SageErrorKind.RecordLocked => "locked",
                    SageErrorKind.UnknownOutcome => "unanswered",
                    SageErrorKind.Transient or SageErrorKind.Timeout or SageErrorKind.Auth => "unavailable",
                    _ => "refused",
                },
                SageProblem(advice.Value!.OrderNumber, ex), ct);
        }
    }

    private async Task<string> DespatchAsync(TransactionSetAccepted set, PartnerProfile partner, WarehousePartnerData data, ShippingAdvice advice, Sage200Client client, CancellationToken ct)
    {
        var order = advice.OrderNumber;
        var record = await store.FindFulfilmentAsync(partner.Id, order, ct);
        if (record is null || record.State == FulfilmentStates.Releasing)
        {
            return await sets.WaitAsync(set, partner, "warehouse.945.unknown-order",
                $"The 945 from {partner.Name} reports a despatch of order {order} (W0602), but no 940 for that order has gone to them from here, so Sage was not told. " +
                $"It is tried again until the order is released (POST /api/warehouse/{partner.Id}/releases) or the 945 is dismissed.", ct);
        }

        if (record.DespatchSetLineageId is { } other && other != set.LineageId)
        {
            await sets.RaiseAsync(set, partner, "warehouse.945.duplicate", Severity.Warning,
                $"{partner.Name} sent a second 945 for order {order}; Sage recorded the despatch of the first (lineage {other}), so nothing was posted again.",
                $"warehouse-945-duplicate:{set.LineageId}", null, ct);
            await lineage.TransitionAsync(set.LineageId, LineageStates.Posting, LineageStates.Duplicate, ct);
            return LineageStates.Duplicate;
        }

        var released = JsonSerializer.Deserialize<ReleasedOrder>(record.ReleasedJson, Json)!;
        var snapshot = record.DespatchSetLineageId == set.LineageId && record.OpenLinesJson is { } json
            ? JsonSerializer.Deserialize<List<DespatchableLine>>(json, Json)!
            : await OpenLinesAsync(client, record, ct);
        var planned = DespatchPlanner.Plan(advice, released, snapshot, data.Items);
        if (!planned.IsSuccess)
        {
            return await sets.FailAsync(set, partner, "warehouse.945.refused", $"The 945 for order {order} cannot be recorded: {WarehouseProfiles.Describe(planned.Problems)}", ct);
        }

        var plan = planned.Value!;
        if (!plan.IsComplete)
        {
            return await sets.WaitAsync(set, partner, "warehouse.945.unpostable",
                $"The 945 for order {order} cannot be recorded in Sage yet, so nothing of it was: {string.Join("; ", plan.Unpostable.Select(u => u.Message))}. It is tried again until every line can post.", ct);
        }

        if (record.State != FulfilmentStates.Despatched)
        {
            record = await store.UpdateFulfilmentAsync(record.Id, r =>
            {
                r.DespatchSetLineageId ??= set.LineageId;
                r.OpenLinesJson = r.DespatchSetLineageId == set.LineageId && r.OpenLinesJson is null ? JsonSerializer.Serialize(snapshot, Json) : r.OpenLinesJson;
                r.State = r.DespatchSetLineageId == set.LineageId ? FulfilmentStates.Despatching : r.State;
            }, ct);
            if (record.DespatchSetLineageId != set.LineageId)
            {
                return await HandleAgainAsync(set, ct); // another 945 claimed the order meanwhile
            }

            if (!await AlreadyInSageAsync(client, record, plan, snapshot, ct))
            {
                await ConfirmAsync(client, record, plan, ct);
            }

            record = await store.UpdateFulfilmentAsync(record.Id, r =>
            {
                r.State = FulfilmentStates.Despatched;
                r.DespatchJson = JsonSerializer.Serialize(new { plan.Lines, plan.LineUpdates, plan.Cartons }, Json);
                r.DespatchedAt ??= clock.GetUtcNow();
            }, ct);
            await RecordPostedAsync(set, partner, record, plan, ct);
        }

        await ReduceShortLinesAsync(set, partner, client, record, plan, ct);
        if (record.IsAmazonOrder && record.CustomerDocumentNo is { } documentNo)
        {
            await amazon.DespatchedAsync(new AmazonDespatchNotice(partner.Id, documentNo, plan, set.LineageId), ct);
        }

        await sets.ResolveWaitingAsync(set, $"Sage recorded the despatch of order {order}", ct);
        await lineage.SetStateAsync(set.LineageId, LineageStates.Posted, null, ct);
        LogPosted(logger, partner.Id, order, plan.Lines.Count(l => l.Despatched > 0), plan.Lines.Count(l => l.IsShort));
        return LineageStates.Posted;
    }

    private async Task<string> HandleAgainAsync(TransactionSetAccepted set, CancellationToken ct) => await HandleAsync(set, ct);

    /// <summary>The order's lines open for despatch in Sage, stock units.</summary>
    private static async Task<List<DespatchableLine>> OpenLinesAsync(Sage200Client client, FulfilmentRecord record, CancellationToken ct) =>
        [.. (await client.GetDespatchableLinesAsync(record.SageDocumentNo, ct)).Where(d => d.SopOrderReturnId == record.SageOrderId).SelectMany(d => d.Items)
            .Select(i => new DespatchableLine(i.Id.ToString(CultureInfo.InvariantCulture), i.ItemCode ?? "", i.OutstandingQuantity ?? 0))];

    /// <summary>
    /// After a lost answer or a crash between the write and its record: true when Sage's open quantities are already
    /// down by this plan (posted), false when they are as before (not posted). Anything else is for a person.
    /// </summary>
    private static async Task<bool> AlreadyInSageAsync(Sage200Client client, FulfilmentRecord record, DespatchPlan plan, IReadOnlyList<DespatchableLine> before, CancellationToken ct)
    {
        if (record.State != FulfilmentStates.Despatching || plan.Lines.All(l => l.Despatched == 0))
        {
            return false;
        }

        var now = (await OpenLinesAsync(client, record, ct)).ToDictionary(l => l.LineId, l => l.OutstandingQuantity);
        var moved = plan.Lines.Where(l => l.Despatched > 0).Select(l =>
        {
            var was = before.FirstOrDefault(b => b.LineId == l.SageLineId)?.OutstandingQuantity ?? 0;
            return (Was: was, Now: now.GetValueOrDefault(l.SageLineId), l.Despatched);
        }).ToList();
        if (moved.All(m => m.Now == m.Was - m.Despatched))
        {
            return true;
        }

        if (moved.All(m => m.Now == m.Was))
        {
            return false;
        }

        throw new SageApiException(SageErrorKind.Validation,
            $"Sage order {record.SageDocumentNo} changed while its despatch was being recorded (open quantities are neither as before nor as after the 945): check the order in Sage");
    }

    private static async Task ConfirmAsync(Sage200Client client, FulfilmentRecord record, DespatchPlan plan, CancellationToken ct)
    {
        var items = plan.Lines.Where(l => l.Despatched > 0)
            .Select(l => new SageDespatchItem { Id = long.Parse(l.SageLineId, CultureInfo.InvariantCulture), Quantity = l.Despatched }).ToList();
        if (items.Count == 0)
        {
            return; // nothing shipped: nothing for Sage to record
        }

        var result = await client.ConfirmDespatchAsync(new SageConfirmDespatch
        {
            SopOrderReturnId = record.SageOrderId,
            DespatchReceiptDate = new DateTimeOffset(plan.ShipDate.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
            Items = items,
        }, ct);
        if (result.IsRefused)
        {
            throw new SageApiException(SageErrorKind.Validation, $"the connector refused the despatch: {string.Join("; ", result.Refusals.Select(r => r.ToString()))}");
        }
    }

    /// <summary>
    /// A short the 3PL will not ship (not backordered) comes off the Sage line (<c>PUT /sop_orders/{Id}</c>, one line per
    /// call), so the order does not wait for goods that are not coming. Idempotent: a line is changed only while exactly
    /// the short is still open on it; any other open quantity is left for a person (entry <c>warehouse.945.line-not-reduced</c>).
    /// </summary>
    private async Task ReduceShortLinesAsync(TransactionSetAccepted set, PartnerProfile partner, Sage200Client client, FulfilmentRecord record, DespatchPlan plan, CancellationToken ct)
    {
        if (plan.LineUpdates.IsEmpty)
        {
            return;
        }

        var open = (await client.GetDespatchableLinesAsync(record.SageDocumentNo, ct)).Where(d => d.SopOrderReturnId == record.SageOrderId)
            .SelectMany(d => d.Items).ToDictionary(i => i.Id.ToString(CultureInfo.InvariantCulture));
        SageSopOrder? order = null;
        var left = new List<string>();
        foreach (var update in plan.LineUpdates)
        {
            if (!open.TryGetValue(update.SageLineId, out var item) || item.OutstandingQuantity is not { } outstanding || outstanding <= 0)
            {
                continue; // nothing open on the line any more: reduced before, or closed in Sage
            }

            order ??= await client.GetSalesOrderAsync(record.SageOrderId, ct);
            var line = order?.Lines?.FirstOrDefault(l => l.Id?.ToString(CultureInfo.InvariantCulture) == update.SageLineId);
            if (outstanding != update.ReduceBy || line is null || (item.LineQuantity ?? line.StockUnitLineQuantity) is not { } stockQuantity)
            {
                left.Add(string.Create(CultureInfo.InvariantCulture, $"{update.ProductCode} (line {update.SageLineId}): {outstanding:0.#####} open, {update.ReduceBy:0.#####} short"));
                continue;
            }

            var multiple = line.SellingUnitMultiple is > 0 and var m ? m : 1m;
            var result = await client.UpdateSalesOrderAsync(record.SageOrderId, new SageSopOrder
            {
                Lines = [new SageSopOrderLine { Id = line.Id, LineType = line.LineType, ProductId = line.ProductId, WarehouseId = line.WarehouseId, LineQuantity = (stockQuantity - update.ReduceBy) / multiple }],
            }, ct);
            if (result.IsRefused)
            {
                left.Add($"{update.ProductCode} (line {update.SageLineId}): {string.Join("; ", result.Refusals.Select(r => r.ToString()))}");
            }
        }

        if (left.Count > 0)
        {
            await sets.RaiseAsync(set, partner, "warehouse.945.line-not-reduced", Severity.Warning,
                $"Order {record.SageDocumentNo}: the 3PL will not ship some shorts, but these Sage lines were not reduced (change them by hand): {string.Join("; ", left)}.",
                $"warehouse-945-line-not-reduced:{set.LineageId}", null, ct);
        }
    }

    /// <summary>The Sage despatch in the lineage (under the 945) and the short lines on the queue for a person to see.</summary>
    private async Task RecordPostedAsync(TransactionSetAccepted set, PartnerProfile partner, FulfilmentRecord record, DespatchPlan plan, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await lineage.AddStepAsync(new LineageEntry
        {
            ParentId = set.LineageId,
            Ordinal = DespatchOrdinal,
            Kind = LineageKind.ErpPosting,
            Direction = Direction.Outbound,
            PartnerId = partner.Id,
            Flow = Flow,
            DocumentType = "sage200.despatch",
            State = LineageStates.Posted,
            ShipmentId = record.SageDocumentNo,
            BillOfLading = plan.BillOfLading,
            CreatedAt = now,
            UpdatedAt = now,
        }, new Dictionary<string, string>
        {
            ["sageOrderId"] = record.SageOrderId.ToString(CultureInfo.InvariantCulture),
            ["documentNo"] = record.SageDocumentNo,
        }, ct);
        var shorts = plan.Lines.Where(l => l.IsShort).ToImmutableArray();
        if (shorts.IsEmpty)
        {
            return;
        }

        string Text(DespatchLine l) => string.Create(CultureInfo.InvariantCulture,
            $"{l.ProductCode} (line {l.SageLineId}): {l.Ordered:0.#####} ordered, {l.Despatched:0.#####} shipped, {l.Short:0.#####} short, {l.ShortReason}{(l.Backordered ? "; the 3PL keeps the balance on backorder, the Sage line stays open" : "; the 3PL will not ship the balance, so it comes off the Sage line")}");
        await sets.RaiseAsync(set, partner, "warehouse.945.short", Severity.Info,
            $"Order {record.SageDocumentNo} shipped short from {partner.Name}: {string.Join("; ", shorts.Select(Text))}.", $"warehouse-945-short:{set.LineageId}",
            JsonSerializer.Serialize(new { shorts, plan.LineUpdates }, Json), ct);
    }

    private static string SageProblem(string order, SageApiException ex) => ex.Kind switch
    {
        SageErrorKind.RecordLocked => $"Sage order {order} is locked{(ex.LockedRecord is { } r ? $" ({r})" : "")}, probably open in the desktop; the despatch is tried again until it is free.",
        SageErrorKind.UnknownOutcome => $"Sage's answer to the despatch of order {order} was lost; Sage is looked at before the despatch is tried again.",
        SageErrorKind.Auth => "Sage refused the gateway's authorisation: re-authorise Sage; the despatch is tried again.",
        SageErrorKind.Transient or SageErrorKind.Timeout => $"Sage did not answer the despatch of order {order} ({ex.Message}); it is tried again.",
        _ => $"Sage refused the despatch of order {order}: {ex.SageMessage ?? ex.Message}. It is tried again until Sage takes it (e.g. once the order's status allows despatch).",
    };

    [LoggerMessage(EventId = 645, Level = LogLevel.Information, Message = "3PL {PartnerId}: 945 for order {Order} recorded in Sage ({Lines} line(s) despatched, {Short} short)")]
    private static partial void LogPosted(ILogger logger, string partnerId, string order, int lines, int @short);
}
