using System.Globalization;
using System.Text.Json;
using EdiGateway.Pipeline;
using EdiGateway.Sage200.Client;
using EdiGateway.Sage200.OData;
using EdiGateway.Storage;
using EdiGateway.Storage.Entities;

namespace EdiGateway.Flows.Warehouse;

/// <summary>
/// 846 inventory advice in: the 3PL's count per SKU is compared with Sage's stock in the warehouse that mirrors it
/// (<c>/warehouse_holdings</c>: in stock and allocated), the report is kept in <c>warehouse_stock_parity</c> (one row per
/// 846, the history a trend is drawn from, <c>GET /api/stock-parity/{partnerId}</c>) and every SKU whose drift is above the
/// profile's threshold is named in one queue entry. Nothing is written to Sage: the counts are for a person to settle.
/// </summary>
public sealed partial class InventoryAdviceFlow(
    LineageLog lineage,
    WarehouseStore store,
    WarehouseSets sets,
    ILogger<InventoryAdviceFlow> logger) : IFlowHandler
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Flow => "warehouse-846";

    public async Task<string> HandleAsync(TransactionSetAccepted set, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(set);
        var start = await sets.BeginAsync(set, posting: false, ct);
        if (start.Set is not { Partner: var partner, Data: var data, Tree: var tree, Sage: var client })
        {
            return start.State;
        }

        var holdings = await HoldingsAsync(client, data, ct);
        var reconciled = StockParityReconciler.Reconcile(tree, holdings, data.Items, data.Settings);
        if (!reconciled.IsSuccess)
        {
            return await sets.FailAsync(set, partner, "warehouse.846.unreadable", $"846 {tree.ControlNumber} cannot be compared with Sage: {WarehouseProfiles.Describe(reconciled.Problems)}", ct);
        }

        var report = reconciled.Value!;
        await store.AddOrGetSnapshotAsync(new StockParitySnapshot
        {
            PartnerId = partner.Id,
            LineageId = set.LineageId,
            Reference = report.Reference,
            AsOf = report.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            AsOfTime = report.AsOfTime?.ToString("HH:mm", CultureInfo.InvariantCulture),
            LineCount = report.Lines.Length,
            DriftingLines = report.DriftingLines,
            ExceptionCount = report.Exceptions.Length,
            AbsoluteDrift = report.AbsoluteDrift,
            LinesJson = JsonSerializer.Serialize(new { report.Lines, report.Exceptions, report.Warnings }, Json),
        }, ct);
        if (!report.Exceptions.IsEmpty)
        {
            var skus = report.Exceptions.Select(e => e.ProductCode ?? e.WarehouseSku).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            string Text(ParityException e) => string.Create(CultureInfo.InvariantCulture,
                $"{e.ProductCode ?? e.WarehouseSku} in {e.Warehouse}: 3PL {e.ThreePlQuantity:0.#####}, Sage {e.SageInStock:0.#####} (drift {e.Drift:+0.#####;-0.#####})");
            await sets.RaiseAsync(set, partner, "warehouse.846.drift", Severity.Warning,
                $"Stock at {partner.Name} as of {report.AsOf:yyyy-MM-dd} differs from Sage beyond the threshold for {skus.Count} SKU(s): " +
                string.Join("; ", report.Exceptions.Select(e => e.Kind == ParityExceptionKind.UnknownSku ? e.Message : Text(e))) + ".",
                $"warehouse-846-drift:{set.LineageId}", JsonSerializer.Serialize(new { skus, report.Exceptions }, Json), ct);
        }

        await lineage.TransitionAsync(set.LineageId, start.State, LineageStates.Processed, ct);
        LogReconciled(logger, partner.Id, report.Reference, report.Lines.Length, report.Exceptions.Length);
        return LineageStates.Processed;
    }

    /// <summary>Sage's stock in the 3PL's warehouses (the default and every mapped one), by product code and warehouse name.</summary>
    private static async Task<IReadOnlyList<SageStockHolding>> HoldingsAsync(Sage200Client client, WarehousePartnerData data, CancellationToken ct)
    {
        var wanted = data.Settings.Warehouses.Values.Append(data.Settings.SageWarehouse).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var warehouses = new Dictionary<long, string>();
        await foreach (var w in client.GetWarehousesAsync(ct))
        {
            if (wanted.Contains(w.Name))
            {
                warehouses[w.Id] = w.Name;
            }
        }

        var products = new Dictionary<long, string>();
        await foreach (var p in client.GetProductsAsync(cancellationToken: ct))
        {
            if (p is { Id: { } id, Code: { } code })
            {
                products[id] = code;
            }
        }

        var holdings = new List<SageStockHolding>();
        foreach (var (id, name) in warehouses)
        {
            await foreach (var h in client.GetWarehouseHoldingsAsync(new ODataQuery { Filter = ODataFilter.Eq("warehouse_id", id) }, cancellationToken: ct))
            {
                if (products.TryGetValue(h.ProductId, out var code))
                {
                    holdings.Add(new SageStockHolding(code, name, h.QuantityInStock, h.QuantityAllocated));
                }
            }
        }

        return holdings;
    }

    [LoggerMessage(EventId = 650, Level = LogLevel.Information, Message = "3PL {PartnerId}: 846 {Reference} compared with Sage, {Lines} line(s), {Exceptions} exception(s)")]
    private static partial void LogReconciled(ILogger logger, string partnerId, string reference, int lines, int exceptions);
}
