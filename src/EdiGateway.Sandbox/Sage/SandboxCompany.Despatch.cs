using System.Globalization;
using System.Text.Json.Nodes;

namespace EdiGateway.Sandbox.Sage;

public sealed partial class SandboxCompany
{
    /// <summary>GET /sop_confirm_despatch: per order, its lines with something left to despatch (stock units).</summary>
    public IEnumerable<JsonObject> DespatchableOrders()
    {
        foreach (var order in store.All("sop_orders"))
        {
            var customer = store.Get("customers", Json.Long(order, "customer_id") ?? 0);
            var items = new JsonArray();
            long? warehouse = null;
            foreach (var line in order["lines"]!.AsArray().OfType<JsonObject>().Where(l => Json.Str(l, "line_type") == Models.Standard))
            {
                var stockQty = Json.Dec(line, "stock_unit_line_quantity");
                var despatched = Json.Dec(line, "_stock_despatched");
                if (despatched >= stockQty)
                {
                    continue;
                }

                warehouse ??= Json.Long(line, "warehouse_id");
                var product = store.Get("products", Json.Long(line, "product_id") ?? 0);
                var holding = Holding(Json.Long(line, "product_id") ?? 0, Json.Long(line, "warehouse_id") ?? 0);
                items.Add(new JsonObject
                {
                    ["id"] = Json.Long(line, "id"),
                    ["sop_order_return_id"] = Json.Long(order, "id"),
                    ["document_no"] = Json.Str(order, "document_no"),
                    ["customer_id"] = Json.Long(order, "customer_id"),
                    ["customer_reference"] = Json.Str(customer, "reference"),
                    ["customer_name"] = Json.Str(customer, "name"),
                    ["product_id"] = Json.Long(line, "product_id"),
                    ["item_code"] = Json.Str(product, "code"),
                    ["item_name"] = Json.Str(product, "name"),
                    ["warehouse_name"] = Json.Str(store.Get("warehouses", Json.Long(line, "warehouse_id") ?? 0), "name"),
                    ["line_quantity"] = stockQty,
                    ["despatch_receipt_quantity"] = despatched,
                    ["outstanding_quantity"] = stockQty - despatched,
                    ["available_quantity"] = Available(line, holding),
                    ["selling_unit_multiple"] = Json.Dec(line, "selling_unit_multiple"),
                    ["stock_unit_multiple"] = 1m,
                    ["is_multiple_bin_allocations"] = false,
                    ["traceable_type"] = "TraceableTypeNone",
                    ["document_date"] = Json.Str(order, "document_date"),
                });
            }

            if (items.Count > 0)
            {
                yield return new JsonObject
                {
                    ["sop_order_return_id"] = Json.Long(order, "id"),
                    ["items"] = items,
                    ["_filter"] = new JsonObject
                    {
                        ["document_no"] = Json.Str(order, "document_no"),
                        ["trader_id"] = Json.Long(order, "customer_id"),
                        ["warehouse_id"] = warehouse,
                        ["document_date"] = Json.Str(order, "document_date"),
                        ["confirmation_intent_type"] = "ConfirmOnDespatch",
                    },
                };
            }
        }
    }

    /// <summary>What may be despatched now: outstanding, limited to allocation plus free stock (⚠ assumed rule).</summary>
    private decimal Available(JsonObject line, JsonObject? holding)
    {
        var outstanding = Json.Dec(line, "stock_unit_line_quantity") - Json.Dec(line, "_stock_despatched");
        var allocated = Json.Dec(line, "_stock_allocated");
        var free = holding is null ? 0 : Math.Max(0, FreeStock(holding));
        return Math.Min(outstanding, allocated + free);
    }

    /// <summary>POST /sop_confirm_despatch: despatch in stock units; creates a despatch receipt; stock falls if update_stock_on_despatch; no ledger entry.</summary>
    public JsonObject ConfirmDespatch(JsonObject body)
    {
        Validate("POST", "/sop_confirm_despatch", body);
        var order = Require("sop_orders", Json.Long(body, "sop_order_return_id"), "Sales order");
        var orderId = Json.Long(order, "id")!.Value;
        faults.ThrowIfLocked(roll: true, "SOPOrder " + Json.Str(order, "document_no"), "sop_order:" + orderId.ToString(CultureInfo.InvariantCulture));
        if (order["_api_lock_id"] is not null)
        {
            throw new SageLockedException("SOPOrder " + Json.Str(order, "document_no") + " (API lock)");
        }

        var lines = order["lines"]!.AsArray().OfType<JsonObject>().ToList();
        var plan = new List<(JsonObject Line, decimal Quantity)>();
        foreach (var item in body["items"]!.AsArray().OfType<JsonObject>())
        {
            var line = lines.FirstOrDefault(l => Json.Long(l, "id") == Json.Long(item, "id"))
                ?? throw new SageBadRequestException($"Order line {Json.Long(item, "id")} is not on order {Json.Str(order, "document_no")}.");
            var quantity = Json.Dec(item, "quantity");
            var holding = Holding(Json.Long(line, "product_id") ?? 0, Json.Long(line, "warehouse_id") ?? 0);
            if (quantity <= 0 || quantity > Available(line, holding))
            {
                throw new SageBadRequestException($"The quantity to despatch ({quantity}) for line {Json.Long(line, "id")} exceeds the quantity available ({Available(line, holding)}).");
            }

            plan.Add((line, quantity));
        }

        var receiptId = store.NextId("sop_despatch_receipts");
        var receiptLines = new JsonArray();
        foreach (var (line, quantity) in plan)
        {
            var holding = Holding(Json.Long(line, "product_id") ?? 0, Json.Long(line, "warehouse_id") ?? 0)!;
            var fromAllocation = Math.Min(quantity, Json.Dec(line, "_stock_allocated"));
            AdjustHolding(holding, "quantity_allocated_sop", -fromAllocation);
            line["_stock_allocated"] = Json.Dec(line, "_stock_allocated") - fromAllocation;
            if (options.UpdateStockOnDespatch)
            {
                AdjustHolding(holding, "confirmed_qty_in_stock", -quantity);
            }

            line["_stock_despatched"] = Json.Dec(line, "_stock_despatched") + quantity;
            receiptLines.Add(new JsonObject { ["line_id"] = Json.Long(line, "id"), ["quantity"] = quantity, ["invoiced"] = false });
        }

        var tracking = body["tracking_items"]?.AsArray().OfType<JsonObject>().FirstOrDefault();
        var receipt = new JsonObject
        {
            ["id"] = receiptId,
            ["despatch_no"] = Json.Number(store.NextId("#despatch_no", 1)),
            ["despatched_by"] = "API",
            ["despatch_date"] = Json.Str(body, "despatch_receipt_date") ?? Now,
            ["courier_id"] = Json.Long(tracking, "courier_id"),
            ["courier_name"] = Json.Long(tracking, "courier_id") is long c ? "Courier " + c.ToString(CultureInfo.InvariantCulture) : null,
            ["consignment_no"] = Json.Str(tracking, "consignment_no"),
            ["weight"] = Json.DecOrNull(tracking, "weight"),
            ["pieces"] = Json.Long(tracking, "pieces"),
            ["notes"] = Json.Str(tracking, "notes"),
            ["date_time_created"] = Now,
            ["date_time_updated"] = Now,
            ["_sop_order_id"] = orderId,
            ["_lines"] = receiptLines,
        };
        store.Put("sop_despatch_receipts", receiptId, receipt);
        Recalculate(order);
        store.Put("sop_orders", orderId, order);
        return Json.Public(body);
    }

    /// <summary>PUT /sop_despatch_receipts/{Id}: courier, consignment, weight, pieces, notes afterwards.</summary>
    public JsonObject UpdateDespatchReceipt(long id, JsonObject body)
    {
        Validate("PUT", "/sop_despatch_receipts/" + id.ToString(CultureInfo.InvariantCulture), body);
        var receipt = Require("sop_despatch_receipts", id, "Despatch receipt");
        foreach (var name in new[] { "courier_id", "consignment_no", "weight", "pieces", "notes", "sop_incoterm_id", "sop_export_reason_id" })
        {
            if (body[name] is not null)
            {
                receipt[name] = body[name]!.DeepClone();
            }
        }

        receipt["date_time_updated"] = Now;
        store.Put("sop_despatch_receipts", id, receipt);
        return Json.Public(receipt);
    }
}
