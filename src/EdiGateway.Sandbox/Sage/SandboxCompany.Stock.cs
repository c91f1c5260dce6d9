using System.Text.Json.Nodes;

namespace EdiGateway.Sandbox.Sage;

public sealed partial class SandboxCompany
{
    /// <summary>Holding record with the derived quantities of §5.3 recomputed.</summary>
    public JsonObject HoldingView(JsonObject h)
    {
        var o = Json.Public(h);
        var inStock = Json.Dec(h, "confirmed_qty_in_stock") + Json.Dec(h, "unconfirmed_qty_in_stock");
        var allocated = Json.Dec(h, "quantity_allocated_stock") + Json.Dec(h, "quantity_allocated_sop") + Json.Dec(h, "quantity_allocated_bom");
        var reserved = Json.Dec(h, "quantity_reserved");
        o["quantity_in_stock"] = inStock;
        o["quantity_allocated"] = allocated;
        o["free_stock_available"] = inStock - allocated;
        o["free_stock_available_less_reserved"] = inStock - allocated - reserved;
        o["quantity_in_stock_less_reserved"] = inStock - reserved;
        o["warehouse_name"] = Json.Str(store.Get("warehouses", Json.Long(h, "warehouse_id") ?? 0), "name");
        return o;
    }

    /// <summary>Product with free_stock_quantity over trading warehouses.</summary>
    public JsonObject ProductView(JsonObject p)
    {
        var o = Json.Public(p);
        o["free_stock_quantity"] = HoldingsOf(Json.Long(p, "id")!.Value)
            .Where(h => Json.Bool(store.Get("warehouses", Json.Long(h, "warehouse_id") ?? 0), "use_for_sales_trading"))
            .Sum(h => Json.Dec(HoldingView(h), "free_stock_available"));
        return o;
    }

    private IEnumerable<JsonObject> HoldingsOf(long productId) => store.All("warehouse_holdings").Where(h => Json.Long(h, "product_id") == productId);

    private JsonObject? Holding(long productId, long warehouseId) =>
        store.All("warehouse_holdings").FirstOrDefault(h => Json.Long(h, "product_id") == productId && Json.Long(h, "warehouse_id") == warehouseId);

    private decimal FreeStock(JsonObject holding) => Json.Dec(HoldingView(holding), "free_stock_available");

    private void AdjustHolding(JsonObject holding, string field, decimal delta)
    {
        holding[field] = Json.Dec(holding, field) + delta;
        holding["date_time_updated"] = Now;
        store.Put("warehouse_holdings", Json.Long(holding, "id")!.Value, holding);
    }

    /// <summary>Selling unit multiple (stock units per selling unit) of a product's unit; 1 for the base unit.</summary>
    private static decimal UnitMultiple(JsonObject product, long? sellingUnitId)
    {
        if (sellingUnitId is null)
        {
            return 1m;
        }

        foreach (var u in product["_units"]?.AsArray() ?? [])
        {
            if (Json.Long(u, "id") == sellingUnitId)
            {
                return Json.Dec(u, "multiple");
            }
        }

        throw new SageBadRequestException($"The selling unit (id {sellingUnitId}) is not a unit of product {Json.Str(product, "code")}.");
    }
}
