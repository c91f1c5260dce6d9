using System.Globalization;
using System.Text.Json;
using EdiGateway.Edi.Model;
using EdiGateway.Partners;
using EdiGateway.Pipeline;
using EdiGateway.Sage200;
using EdiGateway.Storage;
using EdiGateway.Storage.Entities;

namespace EdiGateway.Flows.Warehouse;

/// <summary>
/// 944 goods received and 947 inventory adjustment in. A 944 is matched to its 943 by W1704 and each product's good
/// quantity (received - damaged) is moved in Sage into the 3PL's warehouse from the warehouse the transfer left
/// (<see cref="ISageStockWriter.TransferAsync"/>); differences (short, over, damaged, unexpected) go to the queue. A 947
/// becomes one Sage stock adjustment per W19 with the reason mapped by <c>codeMaps.adjustmentReasons</c>; its W1502 is
/// posted once. Like the 945, a document Sage cannot take yet stays <c>posting</c> with an entry and is retried.
/// </summary>
public sealed partial class StockReceiptFlows(
    LineageLog lineage,
    WarehouseStore store,
    WarehouseSets sets,
    ISageStockWriter writer,
    TimeProvider clock,
    ILogger<StockReceiptFlows> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The 944 handler.</summary>
    public IFlowHandler Receipts => new Handler("warehouse-944", this, ReceiveAsync);

    /// <summary>The 947 handler.</summary>
    public IFlowHandler Adjustments => new Handler("warehouse-947", this, AdjustAsync);

    private async Task<string> RunAsync(TransactionSetAccepted set, Func<TransactionSetAccepted, PartnerProfile, WarehousePartnerData, X12TransactionSet, CancellationToken, Task<string>> body, CancellationToken ct)
    {
        var start = await sets.BeginAsync(set, posting: true, ct);
        if (start.Set is not { Partner: var partner, Data: var data, Tree: var tree })
        {
            return start.State;
        }

        try
        {
            return await body(set, partner, data, tree, ct);
        }
        catch (SageApiException ex)
        {
            return await sets.WaitAsync(set, partner, $"warehouse.{set.SetId}.sage-" + (ex.Kind == SageErrorKind.RecordLocked ? "locked" : "refused"),
                $"Sage did not take the {set.SetId} yet: {ex.SageMessage ?? ex.Message}. Nothing of it is reported as done; it is tried again until Sage records it.", ct);
        }
        catch (StockWriteUncertainException ex)
        {
            return await sets.WaitAsync(set, partner, $"warehouse.{set.SetId}.check-sage", $"The {set.SetId}: {ex.Message}.", ct);
        }
    }

    private async Task<string> ReceiveAsync(TransactionSetAccepted set, PartnerProfile partner, WarehousePartnerData data, X12TransactionSet tree, CancellationToken ct)
    {
        var reference = tree.Body.FirstOrDefault(s => s.Id == "W17")?[4] ?? ""; // W1704: our 943 W0602
        var record = reference.Length == 0 ? null : await store.FindTransferAsync(partner.Id, StockTransferRecord.Transfer, reference, ct);
        if (record?.ExpectationJson is not { } json)
        {
            return await sets.WaitAsync(set, partner, "warehouse.944.unknown-transfer",
                $"The 944 from {partner.Name} receives transfer '{reference}' (W1704), which no 943 from here announced, so Sage was not told. It is tried again until the transfer is announced or the 944 is dismissed.", ct);
        }

        if (record.InboundLineageId is { } other && other != set.LineageId)
        {
            return await DuplicateAsync(set, partner, $"{partner.Name} sent a second 944 for transfer {reference}; the first (lineage {other}) was recorded, so nothing was posted again.", ct);
        }

        var stored = JsonSerializer.Deserialize<StoredTransfer>(json, Json)!;
        var planned = GoodsReceiptPlanner.Plan(tree, stored.Expectation, data.Items, data.Settings);
        if (!planned.IsSuccess)
        {
            return await sets.FailAsync(set, partner, "warehouse.944.refused", $"The 944 for transfer {reference} cannot be recorded: {WarehouseProfiles.Describe(planned.Problems)}", ct);
        }

        var plan = planned.Value!;
        await store.UpdateTransferAsync(record.Id, r => (r.InboundLineageId, r.State) = (r.InboundLineageId ?? set.LineageId, TransferStates.Posting), ct);
        var steps = plan.Products.Where(p => p.Good > 0).Select(p => (p.ProductCode, (Func<CancellationToken, Task>)(c => writer.TransferAsync(
            new SageStockMove(reference, p.ProductCode, stored.FromWarehouse, plan.SageWarehouse, p.Good, plan.ReceivedOn, $"944 {plan.WarehouseReceiptNumber} for transfer {reference}"), c)))).ToList();
        await StockWriteSteps.RunAsync(store, record.Id, steps, ct);
        if (plan.HasDifferences)
        {
            var text = string.Join("; ", plan.Products.Where(p => !p.Flags.IsEmpty).Select(p => string.Create(CultureInfo.InvariantCulture,
                $"{p.ProductCode}: {p.Expected:0.#####} expected, {p.Received:0.#####} received, {p.Damaged:0.#####} damaged ({string.Join(", ", p.Flags)})")));
            await sets.RaiseAsync(set, partner, "warehouse.944.differences", Severity.Warning,
                $"Transfer {reference} arrived at {partner.Name} not as announced: {text}. Sage received the good quantities only.", $"warehouse-944-differences:{set.LineageId}",
                JsonSerializer.Serialize(plan.Products, Json), ct);
        }

        return await PostedAsync(set, partner, record, "sage200.stock-transfer", reference, ct);
    }

    private async Task<string> AdjustAsync(TransactionSetAccepted set, PartnerProfile partner, WarehousePartnerData data, X12TransactionSet tree, CancellationToken ct)
    {
        var planned = StockAdjustmentPlanner.Plan(tree, data.Items, data.Settings);
        if (!planned.IsSuccess)
        {
            return await sets.FailAsync(set, partner, "warehouse.947.refused", $"The 947 from {partner.Name} cannot become a Sage stock adjustment (nothing was posted): {WarehouseProfiles.Describe(planned.Problems)}", ct);
        }

        var plan = planned.Value!;
        var (record, _) = await store.AddOrGetTransferAsync(new StockTransferRecord
        {
            PartnerId = partner.Id,
            Kind = StockTransferRecord.Adjustment,
            Reference = plan.AdjustmentNumber,
            State = TransferStates.Posting,
            InboundLineageId = set.LineageId,
        }, ct);
        if (record.InboundLineageId != set.LineageId)
        {
            return await DuplicateAsync(set, partner, $"{partner.Name} sent adjustment {plan.AdjustmentNumber} (W1502) again; it was recorded from lineage {record.InboundLineageId}, so nothing was posted again.", ct);
        }

        var steps = plan.Lines.Select((l, i) => ((i + 1).ToString(CultureInfo.InvariantCulture), (Func<CancellationToken, Task>)(c => writer.AdjustAsync(
            new SageStockCount(plan.AdjustmentNumber, l.ProductCode, l.Warehouse, l.Quantity, l.Reason, plan.Date, $"947 {plan.AdjustmentNumber} reason {l.ReasonCode}"), c)))).ToList();
        await StockWriteSteps.RunAsync(store, record.Id, steps, ct);
        return await PostedAsync(set, partner, record, "sage200.stock-adjustment", plan.AdjustmentNumber, ct);
    }

    private async Task<string> PostedAsync(TransactionSetAccepted set, PartnerProfile partner, StockTransferRecord record, string documentType, string reference, CancellationToken ct)
    {
        await store.UpdateTransferAsync(record.Id, r => r.State = TransferStates.Posted, ct);
        var now = clock.GetUtcNow();
        await lineage.AddStepAsync(new LineageEntry
        {
            ParentId = set.LineageId,
            Ordinal = 1,
            Kind = LineageKind.ErpPosting,
            Direction = Direction.Outbound,
            PartnerId = partner.Id,
            Flow = set.Flow,
            DocumentType = documentType,
            State = LineageStates.Posted,
            ShipmentId = reference,
            CreatedAt = now,
            UpdatedAt = now,
        }, null, ct);
        await sets.ResolveWaitingAsync(set, $"Sage recorded {set.SetId} {reference}", ct);
        await lineage.SetStateAsync(set.LineageId, LineageStates.Posted, null, ct);
        LogPosted(logger, partner.Id, set.SetId, reference);
        return LineageStates.Posted;
    }

    private async Task<string> DuplicateAsync(TransactionSetAccepted set, PartnerProfile partner, string message, CancellationToken ct)
    {
        await sets.RaiseAsync(set, partner, $"warehouse.{set.SetId}.duplicate", Severity.Warning, message, $"warehouse-{set.SetId}-duplicate:{set.LineageId}", null, ct);
        await lineage.TransitionAsync(set.LineageId, LineageStates.Posting, LineageStates.Duplicate, ct);
        return LineageStates.Duplicate;
    }

    [LoggerMessage(EventId = 655, Level = LogLevel.Information, Message = "3PL {PartnerId}: {SetId} {Reference} recorded in Sage")]
    private static partial void LogPosted(ILogger logger, string partnerId, string setId, string reference);

    private sealed class Handler(string flow, StockReceiptFlows flows, Func<TransactionSetAccepted, PartnerProfile, WarehousePartnerData, X12TransactionSet, CancellationToken, Task<string>> body) : IFlowHandler
    {
        public string Flow => flow;

        public Task<string> HandleAsync(TransactionSetAccepted set, CancellationToken ct) => flows.RunAsync(set, body, ct);
    }
}
