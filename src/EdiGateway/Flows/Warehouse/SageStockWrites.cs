using EdiGateway.Sage200;

namespace EdiGateway.Flows.Warehouse;

/// <summary>Stock moved between two Sage warehouses (a 944's goods received at the 3PL), stock units.</summary>
public sealed record SageStockMove(string Reference, string ProductCode, string FromWarehouse, string ToWarehouse, decimal Quantity, DateOnly Date, string Narrative);

/// <summary>A Sage stock adjustment (a 947 line): the warehouse's quantity moves by <paramref name="Adjustment"/> (+ in, - out) for <paramref name="Reason"/>.</summary>
public sealed record SageStockCount(string Reference, string ProductCode, string Warehouse, decimal Adjustment, string Reason, DateOnly Date, string Narrative);

/// <summary>
/// The two stock writes the warehouse flows make in Sage: a stock transfer (goods received at the 3PL) and a stock
/// adjustment (Sage 200's API has no adjustment before 2025 R1: a stocktake of the new count). Failures are
/// <see cref="SageApiException"/>s; the flows keep the document queued and retry.
/// </summary>
public interface ISageStockWriter
{
    /// <summary>Moves <see cref="SageStockMove.Quantity"/> of a product into the 3PL's warehouse.</summary>
    Task TransferAsync(SageStockMove move, CancellationToken ct);

    /// <summary>Adjusts a product's stock in a warehouse by <see cref="SageStockCount.Adjustment"/>.</summary>
    Task AdjustAsync(SageStockCount count, CancellationToken ct);
}

/// <summary>
/// The Sage 200 stock writes through the connector: a goods receipt is <c>POST /stock_transfers</c> between the two
/// warehouses' bins (<c>TransferStockAsync</c>), an adjustment a one-item stocktake (<c>AdjustStockByStocktakeAsync</c>).
/// Warehouses are named as in the profile; a refusal becomes a <see cref="SageApiException"/> naming what Sage refused.
/// </summary>
public sealed class SageClientStockWriter(Sage.SagePosting sage) : ISageStockWriter
{
    public async Task TransferAsync(SageStockMove move, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(move);
        var client = Client();
        var (from, to) = (await WarehouseIdAsync(client, move.FromWarehouse, ct), await WarehouseIdAsync(client, move.ToWarehouse, ct));
        var result = await client.TransferStockAsync(move.ProductCode, from, to, move.Quantity, move.Reference, ct);
        if (result.IsRefused)
        {
            throw new SageApiException(SageErrorKind.Validation, $"the transfer of {move.ProductCode} was refused before sending: {string.Join("; ", result.Refusals.Select(r => r.ToString()))}");
        }
    }

    public async Task AdjustAsync(SageStockCount count, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(count);
        var client = Client();
        await client.AdjustStockByStocktakeAsync(count.ProductCode, await WarehouseIdAsync(client, count.Warehouse, ct), count.Adjustment, count.Narrative, ct);
    }

    private Sage200.Client.Sage200Client Client() =>
        sage.Connection?.Client ?? throw new SageApiException(SageErrorKind.Transient, "Sage posting is not running");

    private static async Task<long> WarehouseIdAsync(Sage200.Client.Sage200Client client, string name, CancellationToken ct)
    {
        await foreach (var w in client.GetWarehousesAsync(ct))
        {
            if (string.Equals(w.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return w.Id;
            }
        }

        throw new SageApiException(SageErrorKind.NotFound, $"Sage has no warehouse named '{name}'");
    }
}
