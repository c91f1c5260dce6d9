using System.Globalization;
using System.Text.Json.Nodes;

namespace EdiGateway.Sandbox.Sage;

public sealed partial class SandboxCompany
{
    /// <summary>Bin holding id = warehouse holding id + this: the sandbox has one default bin per warehouse holding (no bins simulated).</summary>
    public const long BinHoldingIdOffset = 100_000;

    /// <summary>Name of the one bin of every warehouse holding (⚠ what Sage calls the default bin is not published).</summary>
    public const string DefaultBinName = "Default";

    /// <summary>GET /bin_holdings: one bin per warehouse holding carrying the holding's quantities.</summary>
    public IEnumerable<JsonObject> BinHoldings() => store.All("warehouse_holdings").Select(BinHoldingView);

    /// <summary>The bin holding with this id, or null.</summary>
    public JsonObject? BinHolding(long id) => HoldingOfBin(id) is { } h ? BinHoldingView(h) : null;

    private JsonObject? HoldingOfBin(long? binHoldingId) =>
        binHoldingId is long b && b > BinHoldingIdOffset ? store.Get("warehouse_holdings", b - BinHoldingIdOffset) : null;

    private JsonObject BinHoldingView(JsonObject holding)
    {
        var h = HoldingView(holding);
        var o = new JsonObject
        {
            ["id"] = Json.Long(holding, "id") + BinHoldingIdOffset,
            ["warehouse_holding_id"] = Json.Long(holding, "id"),
            ["product_id"] = Json.Long(holding, "product_id"),
            ["name"] = DefaultBinName,
            ["allocation_priority"] = 9,
        };
        foreach (var name in new[]
        {
            "quantity_reserved", "unconfirmed_qty_in_stock", "confirmed_qty_in_stock", "quantity_allocated_sop", "quantity_allocated_stock",
            "quantity_allocated_bom", "quantity_in_stock", "quantity_in_stock_less_reserved", "quantity_allocated", "free_stock_available",
            "free_stock_available_less_reserved",
        })
        {
            o[name] = h[name]?.DeepClone() ?? 0m;
        }

        if (Json.Str(holding, "_last_stocktake") is { } last)
        {
            o["last_stocktake"] = last;
        }

        o["date_time_created"] = Json.Str(holding, "date_time_created");
        o["date_time_updated"] = Json.Str(holding, "date_time_updated");
        return o;
    }

    /// <summary>
    /// POST /stock_transfers: moves free stock between two bin holdings of the product (here: between the two warehouse
    /// holdings). Refuses an unknown product or bin, a bin of another product, a zero or negative quantity and more than
    /// the source's free stock (⚠ Sage's texts are not published). Answers the published (empty) stock_transfer_response.
    /// </summary>
    public JsonObject TransferStock(JsonObject body)
    {
        Validate("POST", "/stock_transfers", body);
        var product = Require("products", Json.Long(body, "product_id"), "Product");
        var code = Json.Str(product, "code");
        var fromId = Json.Long(body, "bin_holding_from_id");
        var toId = Json.Long(body, "bin_holding_to_id");
        var from = HoldingOfBin(fromId) ?? throw new SageBadRequestException($"Bin holding record not found (id {fromId}).");
        var to = HoldingOfBin(toId) ?? throw new SageBadRequestException($"Bin holding record not found (id {toId}).");
        foreach (var (holding, id) in new[] { (from, fromId), (to, toId) })
        {
            if (Json.Long(holding, "product_id") != Json.Long(product, "id"))
            {
                throw new SageBadRequestException($"Bin holding {id} does not hold product {code}.");
            }
        }

        if (fromId == toId)
        {
            throw new SageBadRequestException("The source and destination bins must be different.");
        }

        var quantity = Json.Dec(body, "quantity");
        if (quantity <= 0)
        {
            throw new SageBadRequestException($"The quantity to transfer must be greater than zero (got {quantity.ToString(CultureInfo.InvariantCulture)}).");
        }

        faults.ThrowIfLocked(roll: true, "StockItem " + code);
        var free = FreeStock(from);
        if (quantity > free)
        {
            throw new SageBadRequestException(string.Create(CultureInfo.InvariantCulture,
                $"The quantity to transfer ({quantity}) is more than the free stock ({free}) of {code} in bin {DefaultBinName} of warehouse {WarehouseName(from)}."));
        }

        AdjustHolding(from, "confirmed_qty_in_stock", -quantity);
        AdjustHolding(to, "confirmed_qty_in_stock", quantity);
        var transferId = store.NextId("stock_transfers", 61001);
        Put("stock_transfers", transferId, new JsonObject
        {
            ["product_id"] = Json.Long(product, "id"), ["bin_holding_from_id"] = fromId, ["bin_holding_to_id"] = toId, ["quantity"] = quantity,
            ["date"] = Json.Str(body, "date") ?? Now, ["reference"] = Json.Str(body, "reference"), ["second_reference"] = Json.Str(body, "second_reference"),
        });
        return new JsonObject();
    }

    private string? WarehouseName(JsonObject holding) => Json.Str(store.Get("warehouses", Json.Long(holding, "warehouse_id") ?? 0), "name");
}
