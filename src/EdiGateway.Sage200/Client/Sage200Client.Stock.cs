using System.Globalization;
using EdiGateway.Sage200.Models;
using EdiGateway.Sage200.OData;
using Microsoft.Extensions.Logging;

namespace EdiGateway.Sage200.Client;

/// <summary>
/// Stock movements for the 3PL flows. Before 2025 R1 Sage has no stock adjustment endpoint: goods move between
/// warehouses with POST /stock_transfers (between bin holdings) and counts change through a stocktake.
/// </summary>
public sealed partial class Sage200Client
{
    /// <summary>The stocktake counting method the connector uses (⚠ Sage's exact text is not published).</summary>
    public const string StocktakeByStockItem = "By Stock Item";

    /// <summary>Bin holdings matching a query, every page.</summary>
    public IAsyncEnumerable<SageBinHolding> GetBinHoldingsAsync(ODataQuery? query = null, CancellationToken cancellationToken = default) =>
        GetAllAsync<SageBinHolding>("/bin_holdings", query, cancellationToken: cancellationToken);

    /// <summary>
    /// Moves <paramref name="quantity"/> stock units of a product from one warehouse to another: finds both warehouse
    /// holdings and their bin holdings (source: the bin with most free stock; destination: the first bin by allocation
    /// priority) and posts the transfer. Sage answers an empty object, so the value returned is the transfer as sent.
    /// </summary>
    public async Task<SageWriteResult<SageStockTransfer>> TransferStockAsync(string productCode, long fromWarehouseId, long toWarehouseId, decimal quantity,
        string reference, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(productCode);
        var product = await RequireProductAsync(productCode, cancellationToken).ConfigureAwait(false);
        var from = await BinsOfAsync(product, fromWarehouseId, cancellationToken).ConfigureAwait(false);
        var to = await BinsOfAsync(product, toWarehouseId, cancellationToken).ConfigureAwait(false);
        var transfer = new SageStockTransfer
        {
            ProductId = product.Id,
            BinHoldingFromId = from.OrderByDescending(b => b.FreeStockAvailable ?? b.QuantityInStock - b.QuantityAllocated).ThenBy(b => b.Id).First().Id,
            BinHoldingToId = to.OrderBy(b => b.AllocationPriority ?? 9).ThenBy(b => b.Id).First().Id,
            Quantity = quantity,
            Reference = reference,
        };
        var result = await CreateStockTransferAsync(transfer, cancellationToken).ConfigureAwait(false);
        return result.IsRefused ? result : result with { Value = transfer with { Reference = Trimmed(reference, 20) } };
    }

    /// <summary>POST /stocktake_new_items: the items of a warehouse available for a new stocktake.</summary>
    public Task<SageWriteResult<SageStocktake>> GetStocktakeNewItemsAsync(long warehouseId, CancellationToken cancellationToken) =>
        WriteAsync<SageStocktake, SageStocktake>(HttpMethod.Post, "/stocktake_new_items", new SageStocktake { WarehouseId = warehouseId, StocktakeType = StocktakeByStockItem }, cancellationToken);

    /// <summary>POST /stocktakes.</summary>
    public Task<SageWriteResult<SageStocktake>> CreateStocktakeAsync(SageStocktake stocktake, CancellationToken cancellationToken) =>
        WriteAsync<SageStocktake, SageStocktake>(HttpMethod.Post, "/stocktakes", stocktake, cancellationToken);

    /// <summary>PUT /stocktakes/{Id} (header fields, variance nominal and narrative, advance_status).</summary>
    public Task<SageWriteResult<SageStocktake>> UpdateStocktakeAsync(long id, SageStocktake change, CancellationToken cancellationToken) =>
        WriteAsync<SageStocktake, SageStocktake>(HttpMethod.Put, "/stocktakes/" + id.ToString(CultureInfo.InvariantCulture), change, cancellationToken);

    /// <summary>GET /stocktakes/{Id}.</summary>
    public Task<SageStocktake?> GetStocktakeAsync(long id, CancellationToken cancellationToken) => GetByIdAsync<SageStocktake>("/stocktakes", id, null, cancellationToken);

    /// <summary>
    /// POST /stocktake_enter_values, /stocktake_view_adjustments or /stocktake_approve_complete: the stocktake's sheet for
    /// that stage. The request body is not published; the connector sends the stocktake's id and warehouse (⚠ our reading).
    /// </summary>
    public Task<SageWriteResult<SageStocktake>> GetStocktakeStageAsync(SageStocktakeStage stage, long id, long warehouseId, CancellationToken cancellationToken) =>
        WriteAsync<SageStocktake, SageStocktake>(HttpMethod.Post, stage switch
        {
            SageStocktakeStage.EnterValues => "/stocktake_enter_values",
            SageStocktakeStage.ViewAdjustments => "/stocktake_view_adjustments",
            SageStocktakeStage.ApproveComplete => "/stocktake_approve_complete",
            _ => throw new ArgumentOutOfRangeException(nameof(stage)),
        }, new SageStocktake { Id = id, WarehouseId = warehouseId }, cancellationToken);

    /// <summary>PUT /stocktake_count_sheet_items/{Id}: the actual count of one item.</summary>
    public Task<SageWriteResult<SageStocktakeCountSheetItem>> UpdateCountSheetItemAsync(long id, SageStocktakeCountSheetItem change, CancellationToken cancellationToken) =>
        WriteAsync<SageStocktakeCountSheetItem, SageStocktakeCountSheetItem>(HttpMethod.Put, "/stocktake_count_sheet_items/" + id.ToString(CultureInfo.InvariantCulture), change, cancellationToken);

    /// <summary>DELETE /stocktakes/{Id}: drops an unfinished stocktake (its items may be selected again).</summary>
    public async Task DeleteStocktakeAsync(long id, CancellationToken cancellationToken) =>
        await SendAsync(HttpMethod.Delete, "/stocktakes/" + id.ToString(CultureInfo.InvariantCulture), null, isWrite: true, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Changes a product's on hand in one warehouse by <paramref name="quantityChange"/> through a one-item stocktake:
    /// new items → select the item and advance (Selecting Items → Entering Values) → enter values → count = recorded +
    /// change → advance (Requires Approval) → view adjustments → approve and complete → advance with the narrative
    /// (Complete: the variance posts). If a step fails before completion the unfinished stocktake is deleted so the
    /// item can be counted again; an unknown outcome leaves it for the caller to look up.
    /// </summary>
    public async Task<SageStockAdjustmentResult> AdjustStockByStocktakeAsync(string productCode, long warehouseId, decimal quantityChange, string reference,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(productCode);
        await RequireProductAsync(productCode, cancellationToken).ConfigureAwait(false);
        var listed = Accepted(await GetStocktakeNewItemsAsync(warehouseId, cancellationToken).ConfigureAwait(false), "POST /stocktake_new_items");
        var items = listed.StocktakeItems ?? [];
        var index = items.ToList().FindIndex(i => string.Equals(i.ItemCode, productCode, StringComparison.Ordinal));
        if (index < 0)
        {
            throw new SageApiException(SageErrorKind.Validation, $"Product {productCode} is not available for a stocktake in warehouse {warehouseId}.");
        }

        var created = Accepted(await CreateStocktakeAsync(new SageStocktake
        {
            WarehouseId = warehouseId,
            StocktakeName = Trimmed("EDI " + reference, 60),
            StocktakeType = StocktakeByStockItem,
            ShowExpectedQuantities = true,
            AdvanceStatus = true,
            StocktakeItems = items.Select((_, i) => new SageStocktakeItem { IsSelected = i == index }).ToList(),
        }, cancellationToken).ConfigureAwait(false), "POST /stocktakes");
        if (created.FailedStocktakeItems?.Any(f => f.ItemCode == productCode) == true || created.Id is not long id)
        {
            throw new SageApiException(SageErrorKind.Validation, $"Product {productCode} could not be selected for a stocktake in warehouse {warehouseId} (already on an open stocktake?).");
        }

        try
        {
            var sheet = Accepted(await GetStocktakeStageAsync(SageStocktakeStage.EnterValues, id, warehouseId, cancellationToken).ConfigureAwait(false), "POST /stocktake_enter_values");
            var item = sheet.StocktakeCountSheetItems?.FirstOrDefault(i => i.ItemCode == productCode)
                ?? throw new SageApiException(SageErrorKind.Validation, $"Stocktake {id} has no count sheet item for {productCode}.");
            var recorded = item.RecordedQuantityInStock
                ?? throw new SageApiException(SageErrorKind.Validation, $"Stocktake {id} did not show the recorded quantity of {productCode}.");
            var actual = recorded + quantityChange;
            if (actual < 0)
            {
                throw new SageApiException(SageErrorKind.Validation, string.Create(CultureInfo.InvariantCulture,
                    $"Adjusting {productCode} in warehouse {warehouseId} by {quantityChange} would leave {actual} (recorded {recorded})."));
            }

            Accepted(await UpdateCountSheetItemAsync(item.Id!.Value, new SageStocktakeCountSheetItem
            {
                ActualQuantityInStock = actual, ActualQuantityEntered = true, DiscrepancyNarrative = reference,
            }, cancellationToken).ConfigureAwait(false), "PUT /stocktake_count_sheet_items/{Id}");
            Accepted(await UpdateStocktakeAsync(id, new SageStocktake { AdvanceStatus = true }, cancellationToken).ConfigureAwait(false), "PUT /stocktakes/{Id}");
            Accepted(await GetStocktakeStageAsync(SageStocktakeStage.ViewAdjustments, id, warehouseId, cancellationToken).ConfigureAwait(false), "POST /stocktake_view_adjustments");
            Accepted(await GetStocktakeStageAsync(SageStocktakeStage.ApproveComplete, id, warehouseId, cancellationToken).ConfigureAwait(false), "POST /stocktake_approve_complete");
            var done = Accepted(await UpdateStocktakeAsync(id, new SageStocktake { NominalNarrative = reference, AdvanceStatus = true }, cancellationToken).ConfigureAwait(false),
                "PUT /stocktakes/{Id}");
            return new SageStockAdjustmentResult(id, productCode, warehouseId, recorded, actual, done.StocktakeStatus);
        }
        catch (SageApiException ex) when (ex.Kind != SageErrorKind.UnknownOutcome)
        {
            await DeleteQuietlyAsync(id).ConfigureAwait(false);
            throw;
        }
    }

    private async Task DeleteQuietlyAsync(long id)
    {
        try
        {
            await DeleteStocktakeAsync(id, CancellationToken.None).ConfigureAwait(false);
        }
        catch (SageApiException ex)
        {
            LogStocktakeLeftOpen(logger, id, ex.Kind);
        }
    }

    private async Task<SageProduct> RequireProductAsync(string productCode, CancellationToken cancellationToken) =>
        await FindProductByCodeAsync(productCode, cancellationToken).ConfigureAwait(false) is { Id: not null } product
            ? product
            : throw new SageApiException(SageErrorKind.Validation, $"No Sage product with code {productCode}.");

    private async Task<List<SageBinHolding>> BinsOfAsync(SageProduct product, long warehouseId, CancellationToken cancellationToken)
    {
        var holding = (await GetPageAsync<SageWarehouseHolding>("/warehouse_holdings", new ODataQuery
        {
            Filter = ODataFilter.And(ODataFilter.Eq("product_id", product.Id!.Value), ODataFilter.Eq("warehouse_id", warehouseId)),
        }, cancellationToken).ConfigureAwait(false)).FirstOrDefault()
            ?? throw new SageApiException(SageErrorKind.Validation, $"Product {product.Code} has no holding in warehouse {warehouseId}.");
        var bins = new List<SageBinHolding>();
        await foreach (var b in GetBinHoldingsAsync(new ODataQuery { Filter = ODataFilter.Eq("warehouse_holding_id", holding.Id) }, cancellationToken).ConfigureAwait(false))
        {
            bins.Add(b);
        }

        return bins.Count > 0 ? bins : throw new SageApiException(SageErrorKind.Validation, $"Product {product.Code} has no bin holding in warehouse {warehouseId}.");
    }

    private static T Accepted<T>(SageWriteResult<T> result, string operation)
        where T : class =>
        result.IsRefused || result.Value is null
            ? throw new SageApiException(SageErrorKind.Validation, $"{operation} refused before sending: " + string.Join("; ", result.Refusals.Select(r => $"{r.JsonPath} {r.Rule} {r.Detail}")))
            : result.Value;

    private static string Trimmed(string value, int max) => value.Length <= max ? value : value[..max];

    [LoggerMessage(EventId = 4010, Level = LogLevel.Warning, Message = "Stocktake {Id} left unfinished in Sage: delete failed ({Kind})")]
    private static partial void LogStocktakeLeftOpen(ILogger logger, long id, SageErrorKind kind);
}

/// <summary>The stage POSTs of a stocktake.</summary>
public enum SageStocktakeStage
{
    EnterValues,
    ViewAdjustments,
    ApproveComplete,
}
