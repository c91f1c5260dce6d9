using System.Text.Json.Nodes;

namespace EdiGateway.Sandbox.Sage;

public sealed partial class SandboxCompany
{
    /// <summary>Validates one order line by its line_type and prices, taxes and (optionally) allocates it.</summary>
    private (JsonObject Line, JsonObject? Holding, decimal Allocate) PrepareLine(JsonObject raw, long orderId, int number, bool allocate, long? existingId = null)
    {
        var type = Json.Str(raw, "line_type") ?? throw new SageBadRequestException($"Line {number}: line_type is required.");
        var lineId = existingId ?? store.NextId("sop_order_lines");
        var line = new JsonObject
        {
            ["id"] = lineId,
            ["sop_order_id"] = orderId,
            ["line_type"] = type,
            ["line_number"] = number,
            ["date_time_created"] = Now,
        };
        foreach (var name in new[] { "description", "despatch_note_comment", "picking_list_comment", "show_on_customer_docs", "nominal_reference", "nominal_cost_centre", "nominal_department", "analysis_code_1", "analysis_code_2", "requested_delivery_date", "promised_delivery_date" })
        {
            if (raw[name] is not null)
            {
                line[name] = raw[name]!.DeepClone();
            }
        }

        var quantity = Json.DecOrNull(raw, "line_quantity") ?? (type == Models.Comment ? 0m : 1m);
        decimal price;
        JsonObject? holding = null;
        decimal toAllocate = 0;
        switch (type)
        {
            case Models.Standard:
                var product = Require("products", Json.Long(raw, "product_id"), $"Line {number}: Product");
                holding = Holding(Json.Long(product, "id")!.Value, Json.Long(raw, "warehouse_id") ?? -1)
                    ?? throw new SageBadRequestException($"Line {number}: product {Json.Str(product, "code")} is not held in warehouse {Json.Long(raw, "warehouse_id")}.");
                faults.ThrowIfLocked(roll: false, "StockItem " + Json.Str(product, "code"));
                if (quantity <= 0)
                {
                    throw new SageBadRequestException($"Line {number}: line_quantity must be greater than zero.");
                }

                var multiple = UnitMultiple(product, Json.Long(raw, "selling_unit_id"));
                price = LinePrice(raw, product, multiple, number);
                line["product_id"] = Json.Long(product, "id");
                line["warehouse_id"] = Json.Long(raw, "warehouse_id");
                line["code"] = Json.Str(product, "code");
                line["description"] ??= Json.Str(product, "name");
                line["selling_unit_id"] = Json.Long(raw, "selling_unit_id");
                line["selling_unit_multiple"] = multiple;
                line["stock_unit_multiple"] = 1m;
                line["stock_unit_line_quantity"] = quantity * multiple;
                line["tax_code_id"] = Json.Long(raw, "tax_code_id") ?? Json.Long(product, "tax_code_id");
                var stockQuantity = quantity * multiple;
                var alreadyDespatched = Json.Dec(raw, "_stock_despatched");
                if (allocate)
                {
                    toAllocate = Math.Max(0, Math.Min(FreeStock(holding), stockQuantity - alreadyDespatched));
                }

                line["_stock_allocated"] = toAllocate;
                line["_stock_despatched"] = alreadyDespatched;
                line["_invoiced"] = Json.Dec(raw, "_invoiced");
                break;
            case Models.FreeText:
            case Models.Charge:
                if (type == Models.Charge && raw["code"] is not null)
                {
                    line["code"] = raw["code"]!.DeepClone();
                }

                price = Json.Dec(raw, "selling_unit_price");
                line["tax_code_id"] = Json.Long(raw, "tax_code_id") ?? DefaultTaxCodeId();
                line["selling_unit_description"] = Json.Str(raw, "selling_unit_description");
                line["_stock_despatched"] = Json.Dec(raw, "_stock_despatched");
                line["_invoiced"] = Json.Dec(raw, "_invoiced");
                break;
            case Models.Comment:
                price = 0;
                quantity = 0;
                break;
            default:
                throw new SageBadRequestException($"Line {number}: line_type '{type}' is not valid.");
        }

        var net = Math.Round(quantity * price, 2, MidpointRounding.AwayFromZero);
        var rate = Json.Long(line, "tax_code_id") is long taxId ? Json.Dec(Require("tax_codes", taxId, $"Line {number}: Tax code"), "tax_rate") : 0m;
        line["line_quantity"] = quantity;
        line["selling_unit_price"] = price;
        line["line_total_value"] = net;
        line["line_tax_value"] = Math.Round(net * rate / 100m, 2, MidpointRounding.AwayFromZero);
        line["allocated_quantity"] = Json.Dec(line, "selling_unit_multiple") is var m && m > 0 ? Json.Dec(line, "_stock_allocated") / m : 0m;
        return (line, holding, toAllocate);
    }

    private decimal LinePrice(JsonObject raw, JsonObject product, decimal multiple, int number)
    {
        var list = Json.Dec(product, "_list_price") * multiple;
        if (raw["selling_unit_price"] is null)
        {
            return list;
        }

        if (!options.OverridePricesDiscounts)
        {
            return options.RejectPriceWithoutPermission
                ? throw new SageBadRequestException($"Line {number}: Ex20319Exception: you do not have permission to override prices and discounts.")
                : list;
        }

        return Json.Dec(raw, "selling_unit_price");
    }

    private long DefaultTaxCodeId() => store.All("tax_codes").Select(t => Json.Long(t, "id")!.Value).First();

    private void ReleaseAllocation(JsonObject line)
    {
        var allocated = Json.Dec(line, "_stock_allocated");
        if (allocated > 0 && Holding(Json.Long(line, "product_id") ?? 0, Json.Long(line, "warehouse_id") ?? 0) is { } holding)
        {
            AdjustHolding(holding, "quantity_allocated_sop", -allocated);
            line["_stock_allocated"] = 0m;
        }
    }
}
