using System.Globalization;
using System.Text.Json.Nodes;

namespace EdiGateway.Sandbox.Sage;

public sealed partial class SandboxCompany
{
    private static readonly string[] HeaderWritable =
    [
        "customer_document_no", "document_date", "requested_delivery_date", "promised_delivery_date", "customer_type",
        "use_invoice_address", "is_to_sequence_lines", "delivery_address", "payment_reference", "document_created_by",
        "analysis_code_1", "analysis_code_2", "analysis_code_3", "analysis_code_4", "analysis_code_5", "spare_text_1", "spare_text_2",
    ];

    /// <summary>POST /sop_orders: atomic create; allocates stock on entry per settings; Sage computes tax and totals.</summary>
    public JsonObject CreateOrder(JsonObject body)
    {
        Validate("POST", "/sop_orders", body);
        var customer = Require("customers", Json.Long(body, "customer_id"), "Customer");
        faults.ThrowIfLocked(roll: true, "Customer " + Json.Str(customer, "reference"));
        var id = store.NextId("sop_orders");
        var order = new JsonObject
        {
            ["id"] = id,
            ["customer_id"] = Json.Long(customer, "id"),
            ["document_no"] = Json.Number(store.NextId("#sop_order_no", 1)),
            ["document_date"] = Json.Str(body, "document_date") ?? Now,
            ["document_status"] = "Live",
            ["is_draft"] = Json.Bool(body, "is_editing"),
            ["currency_id"] = Json.Long(customer, "currency_id") ?? 1,
            ["exchange_rate"] = 1m,
            ["customer_type"] = Json.Str(body, "customer_type") ?? "EnumCustomerTypeCredit",
            ["date_time_created"] = Now,
        };
        foreach (var name in HeaderWritable.Where(n => body[n] is not null))
        {
            order[name] = body[name]!.DeepClone();
        }

        var prepared = new List<(JsonObject Line, JsonObject? Holding, decimal Allocate)>();
        var number = 1;
        foreach (var raw in body["lines"]?.AsArray() ?? [])
        {
            prepared.Add(PrepareLine((JsonObject)raw!, id, number++, allocate: options.AllocateStockOnOrderEntry));
        }

        // all lines valid: now apply the allocations (POST is all-or-nothing)
        var lines = new JsonArray();
        foreach (var (line, holding, allocate) in prepared)
        {
            if (holding is not null && allocate > 0)
            {
                AdjustHolding(holding, "quantity_allocated_sop", allocate);
            }

            lines.Add(line);
        }

        order["lines"] = lines;
        Recalculate(order);
        store.Put("sop_orders", id, order);
        return OrderView(order);
    }

    /// <summary>
    /// PUT /sop_orders/{Id}: NOT atomic, as Sage documents: lines are applied one at a time; on a failing line
    /// the earlier ones stay saved, the later ones are skipped, and a 400 is returned.
    /// </summary>
    public JsonObject UpdateOrder(long id, JsonObject body)
    {
        Validate("PUT", "/sop_orders/" + id.ToString(CultureInfo.InvariantCulture), body);
        var order = Require("sop_orders", id, "Sales order");
        faults.ThrowIfLocked(roll: true, "SOPOrder " + Json.Str(order, "document_no"), "sop_order:" + id.ToString(CultureInfo.InvariantCulture));
        if (Json.Long(order, "_api_lock_id") is long apiLock && Json.Long(body, "lock_id") != apiLock)
        {
            // taken with $expand=is_to_lock; released by a PUT that sends the lock_id back with is_editing:false
            throw new SageLockedException("SOPOrder " + Json.Str(order, "document_no") + " (API lock)");
        }

        foreach (var name in HeaderWritable.Where(n => body[n] is not null))
        {
            order[name] = body[name]!.DeepClone();
        }

        if (body["is_editing"] is not null && !Json.Bool(body, "is_editing"))
        {
            order.Remove("_api_lock_id");
            order["is_draft"] = false;
        }

        var lines = order["lines"]!.AsArray();
        var next = lines.Count + 1;
        try
        {
            foreach (var raw in body["lines"]?.AsArray() ?? [])
            {
                var change = (JsonObject)raw!;
                if (Json.Long(change, "id") is long lineId)
                {
                    var existing = lines.OfType<JsonObject>().FirstOrDefault(l => Json.Long(l, "id") == lineId)
                        ?? throw new SageBadRequestException($"Line {lineId} is not on order {Json.Str(order, "document_no")}.");
                    if (Json.Bool(change, "is_to_delete"))
                    {
                        if (Json.Dec(existing, "_stock_despatched") > 0)
                        {
                            throw new SageBadRequestException($"Line {lineId}: a line that has been despatched cannot be deleted.");
                        }

                        ReleaseAllocation(existing);
                        lines.Remove(existing);
                        continue;
                    }

                    var merged = (JsonObject)existing.DeepClone();
                    foreach (var (k, v) in change)
                    {
                        merged[k] = v?.DeepClone();
                    }

                    var despatched = Json.Dec(existing, "_stock_despatched");
                    if (despatched > 0 && Json.DecOrNull(change, "line_quantity") is decimal q
                        && q * (Json.Dec(existing, "selling_unit_multiple") is var sm && sm > 0 ? sm : 1m) < despatched)
                    {
                        throw new SageBadRequestException($"Line {lineId}: the quantity cannot be less than the quantity already despatched.");
                    }

                    ReleaseAllocation(existing);
                    var (line, holding, allocate) = PrepareLine(merged, id, (int)(Json.Long(existing, "line_number") ?? next), options.AllocateStockOnOrderEntry, Json.Long(existing, "id"));
                    if (holding is not null && allocate > 0)
                    {
                        AdjustHolding(holding, "quantity_allocated_sop", allocate);
                    }

                    lines[lines.IndexOf(existing)] = line;
                }
                else
                {
                    var (line, holding, allocate) = PrepareLine(change, id, next++, options.AllocateStockOnOrderEntry);
                    if (holding is not null && allocate > 0)
                    {
                        AdjustHolding(holding, "quantity_allocated_sop", allocate);
                    }

                    lines.Add(line);
                }
            }
        }
        finally
        {
            Recalculate(order);
            store.Put("sop_orders", id, order);
        }

        return OrderView(order);
    }

    /// <summary>GET /sop_orders/{Id}; with $expand=is_to_lock the order gets an API lock and a lock_id.</summary>
    public JsonObject? GetOrder(long id, bool takeLock)
    {
        var order = store.Get("sop_orders", id);
        if (order is null)
        {
            return null;
        }

        if (takeLock)
        {
            order["_api_lock_id"] = store.NextId("lock_ids");
            store.Put("sop_orders", id, order);
        }

        var view = OrderView(order);
        if (takeLock)
        {
            view["lock_id"] = Json.Long(order, "_api_lock_id");
        }

        return view;
    }

    public JsonObject OrderView(JsonObject order) => Json.Public(order);

    /// <summary>Totals and statuses are Sage's to compute (read-only in the API).</summary>
    private void Recalculate(JsonObject order)
    {
        var lines = order["lines"]!.AsArray().OfType<JsonObject>().ToList();
        decimal goods = 0, charges = 0, chargeTax = 0, tax = 0;
        foreach (var l in lines)
        {
            var net = Json.Dec(l, "line_total_value");
            tax += Json.Dec(l, "line_tax_value");
            if (Json.Str(l, "line_type") == Models.Charge)
            {
                charges += net;
                chargeTax += Json.Dec(l, "line_tax_value");
            }
            else
            {
                goods += net;
            }

            var multiple = Json.Dec(l, "selling_unit_multiple") is var m && m > 0 ? m : 1m;
            l["despatch_receipt_quantity"] = Json.Dec(l, "_stock_despatched") / multiple;
            l["invoice_credit_quantity"] = Json.Dec(l, "_invoiced");
            l["allocated_quantity"] = Json.Dec(l, "_stock_allocated") / multiple;
        }

        var goodsLines = lines.Where(l => Json.Str(l, "line_type") is Models.Standard or Models.FreeText or Models.Charge).ToList();
        order["subtotal_goods_value"] = goods;
        order["subtotal_charge_net_value"] = charges;
        order["subtotal_charge_tax_value"] = chargeTax;
        order["total_net_value"] = goods + charges;
        order["total_tax_value"] = tax;
        order["total_gross_value"] = goods + charges + tax;
        order["despatch_receipt_status"] = Status(goodsLines, l => Json.Dec(l, "despatch_receipt_quantity"));
        order["invoice_credit_status"] = Status(goodsLines, l => Json.Dec(l, "invoice_credit_quantity"));
        order["date_time_updated"] = Now;
    }

    private static string Status(List<JsonObject> lines, Func<JsonObject, decimal> done)
    {
        if (lines.Count == 0 || lines.All(l => done(l) == 0))
        {
            return "None";
        }

        return lines.All(l => done(l) >= Json.Dec(l, "line_quantity")) ? "Complete" : "Partial";
    }

    /// <summary>Sage's line type names.</summary>
    private static class Models
    {
        public const string Standard = "EnumLineTypeStandard";
        public const string FreeText = "EnumLineTypeFreeText";
        public const string Charge = "EnumLineTypeCharge";
        public const string Comment = "EnumLineTypeComment";
    }
}
