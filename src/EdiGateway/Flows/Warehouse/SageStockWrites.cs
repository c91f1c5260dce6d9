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
/// The stock writer of a build whose Sage connector has no stock transfer or stocktake call: every write is refused
/// with a reason naming what is missing, so 944s and 947s stay queued (nothing is reported as done) and post once
/// the connector has the calls.
/// </summary>
public sealed class MissingSageStockWriter : ISageStockWriter
{
    public Task TransferAsync(SageStockMove move, CancellationToken ct) =>
        throw new SageApiException(SageErrorKind.NotFound, "this build's Sage connector has no stock transfer call (POST /stock_transfers) yet, so goods received cannot be recorded");

    public Task AdjustAsync(SageStockCount count, CancellationToken ct) =>
        throw new SageApiException(SageErrorKind.NotFound, "this build's Sage connector has no stocktake call yet, so a stock adjustment cannot be recorded");
}
