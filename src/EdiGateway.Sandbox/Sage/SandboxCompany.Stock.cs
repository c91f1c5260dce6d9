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

    /// <summary>POST /customer_price_enquiry: the list price per selling unit (the sandbox has one price band and no discounts).</summary>
    public JsonObject PriceEnquiry(JsonObject body)
    {
        Validate("POST", "/customer_price_enquiry", body);
        var customer = Require("customers", Json.Long(body, "customer_id"), "Customer");
        var product = Require("products", Json.Long(body, "product_id"), "Product");
        var units = product["_units"]!.AsArray().OfType<JsonObject>().ToList();
        var unitId = Json.Long(body, "selling_unit_id") ?? Json.Long(product, "stock_unit_id");
        var unit = units.FirstOrDefault(u => Json.Long(u, "id") == unitId)
            ?? throw new SageBadRequestException($"The selling unit (id {unitId}) is not a unit of product {Json.Str(product, "code")}.");
        var multiple = Json.Dec(unit, "multiple");
        var quantity = Json.DecOrNull(body, "quantity") ?? 1m;
        var price = Math.Round(Json.Dec(product, "_list_price") * multiple, 2, MidpointRounding.AwayFromZero);
        var total = Math.Round(price * quantity, 2, MidpointRounding.AwayFromZero);
        return new JsonObject
        {
            ["customer_id"] = Json.Long(customer, "id"), ["product_id"] = Json.Long(product, "id"), ["product_type"] = "EnumStockItemTypeStock",
            ["selling_unit_id"] = unitId, ["selling_unit"] = Json.Str(unit, "name"), ["selling_unit_multiple"] = multiple,
            ["pricing_unit_id"] = unitId, ["pricing_unit"] = Json.Str(unit, "name"), ["pricing_unit_multiple"] = multiple,
            ["quantity"] = quantity, ["currency_id"] = 1, ["currency_name"] = "Pound Sterling", ["currency_symbol"] = "£",
            ["unit_price"] = price, ["discounted_unit_price"] = price, ["total_price_before_discount"] = total, ["total_discount"] = 0m,
            ["total_discounted_price"] = total, ["include_previous_prices"] = false, ["previous_prices"] = new JsonArray(),
        };
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
