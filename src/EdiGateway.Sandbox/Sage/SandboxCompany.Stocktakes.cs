using System.Globalization;
using System.Text.Json.Nodes;

namespace EdiGateway.Sandbox.Sage;

/// <summary>
/// Stocktakes (the only way to adjust stock before 2025 R1). Status machine, our reading of the spec (⚠ the status
/// texts and the stage bodies are not published): Selecting Items → Entering Values → Requires Approval → Complete,
/// each step a POST /stocktakes or PUT /stocktakes/{Id} with <c>advance_status:true</c>. Counts are entered per count
/// sheet item; on completion each counted item's on hand moves by (actual − recorded at count-sheet time).
/// </summary>
public sealed partial class SandboxCompany
{
    public const string SelectingItems = "Selecting Items";
    public const string EnteringValues = "Entering Values";
    public const string RequiresApproval = "Requires Approval";
    public const string Complete = "Complete";
    private const string ByStockItem = "By Stock Item";

    /// <summary>POST /stocktake_new_items: the warehouse's items available for a new stocktake, ordered by item code, none selected.</summary>
    public JsonObject StocktakeNewItems(JsonObject body)
    {
        Validate("POST", "/stocktake_new_items", body);
        var warehouse = Require("warehouses", Json.Long(body, "warehouse_id"), "Warehouse");
        var type = StocktakeType(body);
        var items = new JsonArray();
        foreach (var h in StocktakeCandidates(Json.Long(warehouse, "id")!.Value))
        {
            items.Add(StocktakeItem(h, null));
        }

        return new JsonObject
        {
            ["warehouse_id"] = Json.Long(warehouse, "id"), ["warehouse_name"] = Json.Str(warehouse, "name"), ["stocktake_type"] = type,
            ["stocktake_status"] = SelectingItems, ["can_modify_stocktake_type"] = true, ["stocktake_items"] = items,
        };
    }

    /// <summary>
    /// POST /stocktakes: the items list must be the one /stocktake_new_items gave, in the same order (items are named by
    /// position: their ids are read-only ⚠); selected items already on an open stocktake come back in failed_stocktake_items.
    /// </summary>
    public JsonObject CreateStocktake(JsonObject body)
    {
        Validate("POST", "/stocktakes", body);
        var warehouse = Require("warehouses", Json.Long(body, "warehouse_id"), "Warehouse");
        var type = StocktakeType(body);
        var candidates = StocktakeCandidates(Json.Long(warehouse, "id")!.Value);
        var sent = body["stocktake_items"]?.AsArray() ?? [];
        if (sent.Count != candidates.Count)
        {
            throw new SageBadRequestException(string.Create(CultureInfo.InvariantCulture,
                $"The stocktake items ({sent.Count}) do not match the items available for a new stocktake in warehouse {Json.Str(warehouse, "name")} ({candidates.Count})."));
        }

        var open = store.All("stocktakes").Where(s => Json.Str(s, "stocktake_status") != Complete)
            .SelectMany(s => s["_holdings"]!.AsArray().Select(n => (long)Json.Number(n)!)).ToHashSet();
        var selected = new List<JsonObject>();
        var failed = new JsonArray();
        for (var i = 0; i < sent.Count; i++)
        {
            if (!Json.Bool(sent[i], "is_selected"))
            {
                continue;
            }

            if (open.Contains(Json.Long(candidates[i], "id")!.Value))
            {
                failed.Add(new JsonObject { ["item_code"] = ProductCode(candidates[i]), ["bin_name"] = DefaultBinName });
            }
            else
            {
                selected.Add(candidates[i]);
            }
        }

        if (selected.Count == 0)
        {
            throw new SageBadRequestException(failed.Count > 0
                ? $"No items could be selected: {string.Join(", ", failed.Select(f => Json.Str(f, "item_code")))} already on an open stocktake."
                : "Select at least one item for the stocktake.");
        }

        faults.ThrowIfLocked(roll: true, selected.Select(h => "StockItem " + ProductCode(h)).ToArray());
        var id = store.NextId("stocktakes", 71001);
        var stocktake = new JsonObject
        {
            ["stocktake_name"] = Json.Str(body, "stocktake_name") ?? "Stocktake " + id.ToString(CultureInfo.InvariantCulture),
            ["warehouse_id"] = Json.Long(warehouse, "id"), ["stocktake_type"] = type, ["stocktake_status"] = SelectingItems,
            ["stocktake_date"] = Json.Str(body, "stocktake_date") ?? Now, ["exclude_inactive_stock"] = Json.Bool(body, "exclude_inactive_stock"),
            ["show_expected_quantities"] = Json.Bool(body, "show_expected_quantities"), ["pre_fill_actual_with_expected"] = Json.Bool(body, "pre_fill_actual_with_expected"),
            ["_holdings"] = new JsonArray(selected.Select(h => (JsonNode?)Json.Long(h, "id")).ToArray()),
            ["_failed"] = failed,
        };
        Put("stocktakes", id, stocktake);
        if (Json.Bool(body, "advance_status"))
        {
            Advance(stocktake);
        }

        return StocktakeView(stocktake);
    }

    /// <summary>PUT /stocktakes/{Id}: header fields, variance nominal and narrative (at Requires Approval only), advance_status.</summary>
    public JsonObject UpdateStocktake(long id, JsonObject body)
    {
        Validate("PUT", "/stocktakes/" + id.ToString(CultureInfo.InvariantCulture), body);
        var stocktake = Require("stocktakes", id, "Stocktake");
        var status = Json.Str(stocktake, "stocktake_status");
        if (status == Complete)
        {
            throw new SageBadRequestException($"Stocktake {id} is complete and cannot be changed.");
        }

        if (body["stocktake_items"] is not null || body["stocktake_count_sheet_items"] is not null)
        {
            // ⚠ SANDBOX limitation: items are chosen at POST /stocktakes and counted with PUT /stocktake_count_sheet_items/{Id}
            throw new SageBadRequestException("The SANDBOX changes stocktake items only through POST /stocktakes and PUT /stocktake_count_sheet_items/{Id}.");
        }

        if ((body["stock_variance_nominal_code_id"] is not null || body["nominal_narrative"] is not null) && status != RequiresApproval)
        {
            throw new SageBadRequestException($"The stock variance nominal code and narrative can only be set when the stocktake is at {RequiresApproval} (it is at {status}).");
        }

        if (body["stock_variance_nominal_code_id"] is not null)
        {
            Require("nominal_codes", Json.Long(body, "stock_variance_nominal_code_id"), "Nominal code");
        }

        foreach (var name in new[] { "stocktake_name", "stocktake_date", "show_expected_quantities", "stock_variance_nominal_code_id", "nominal_narrative" })
        {
            if (body[name] is not null)
            {
                stocktake[name] = body[name]!.DeepClone();
            }
        }

        if (Json.Bool(body, "advance_status"))
        {
            Advance(stocktake);
        }

        stocktake["date_time_updated"] = Now;
        store.Put("stocktakes", id, stocktake);
        return StocktakeView(stocktake);
    }

    /// <summary>POST /stocktake_enter_values, /stocktake_view_adjustments, /stocktake_approve_complete: the stocktake's sheet for that stage.</summary>
    public JsonObject StocktakeStage(string path, JsonObject body)
    {
        Validate("POST", path, body);
        var id = Json.Long(body, "id") ?? throw new SageBadRequestException("The field 'id' is required. ($.id)");
        var stocktake = Require("stocktakes", id, "Stocktake");
        var status = Json.Str(stocktake, "stocktake_status");
        var allowed = path switch
        {
            "/stocktake_enter_values" => status == EnteringValues,
            "/stocktake_view_adjustments" => status is EnteringValues or RequiresApproval,
            _ => status == RequiresApproval,
        };
        return allowed ? StocktakeView(stocktake) : throw new SageBadRequestException($"Stocktake {id} is at {status}: {path} is not available at this status.");
    }

    /// <summary>PUT /stocktake_count_sheet_items/{Id}: the actual count (at Entering Values only; not below zero: negative stock not allowed).</summary>
    public JsonObject UpdateCountSheetItem(long id, JsonObject body)
    {
        Validate("PUT", "/stocktake_count_sheet_items/" + id.ToString(CultureInfo.InvariantCulture), body);
        var item = Require("stocktake_count_sheet_items", id, "Stocktake count sheet item");
        var stocktake = Require("stocktakes", Json.Long(item, "stocktake_id"), "Stocktake");
        if (Json.Str(stocktake, "stocktake_status") != EnteringValues)
        {
            throw new SageBadRequestException($"Counts can only be entered when the stocktake is at {EnteringValues} (it is at {Json.Str(stocktake, "stocktake_status")}).");
        }

        if (Json.DecOrNull(body, "actual_quantity_in_stock") is decimal actual)
        {
            if (actual < 0)
            {
                throw new SageBadRequestException(string.Create(CultureInfo.InvariantCulture, $"The actual quantity in stock ({actual}) cannot be negative for {Json.Str(item, "item_code")}."));
            }

            item["actual_quantity_in_stock"] = actual;
            item["actual_quantity_entered"] = body["actual_quantity_entered"] is null || Json.Bool(body, "actual_quantity_entered");
        }
        else if (body["actual_quantity_entered"] is not null)
        {
            item["actual_quantity_entered"] = Json.Bool(body, "actual_quantity_entered");
        }

        if (Json.Str(body, "discrepancy_narrative") is { } narrative)
        {
            item["discrepancy_narrative"] = narrative;
        }

        store.Put("stocktake_count_sheet_items", id, item);
        return CountSheetView(item, stocktake);
    }

    /// <summary>DELETE /stocktakes/{Id}: an unfinished stocktake is dropped (its items may be selected again); a complete one stays.</summary>
    public bool DeleteStocktake(long id)
    {
        var stocktake = store.Get("stocktakes", id);
        if (stocktake is null)
        {
            return false;
        }

        if (Json.Str(stocktake, "stocktake_status") == Complete)
        {
            throw new SageBadRequestException($"Stocktake {id} is complete and cannot be deleted.");
        }

        stocktake["stocktake_status"] = Complete;
        stocktake["_deleted"] = true;
        store.Put("stocktakes", id, stocktake);
        return true;
    }

    public IEnumerable<JsonObject> Stocktakes() => store.All("stocktakes").Where(s => !Json.Bool(s, "_deleted")).Select(StocktakeView);

    public JsonObject? GetStocktake(long id) => store.Get("stocktakes", id) is { } s && !Json.Bool(s, "_deleted") ? StocktakeView(s) : null;

    public JsonObject? GetCountSheetItem(long id) =>
        store.Get("stocktake_count_sheet_items", id) is { } i && store.Get("stocktakes", Json.Long(i, "stocktake_id") ?? 0) is { } s ? CountSheetView(i, s) : null;

    private void Advance(JsonObject stocktake)
    {
        var id = Json.Long(stocktake, "id")!.Value;
        switch (Json.Str(stocktake, "stocktake_status"))
        {
            case SelectingItems:
                foreach (var holdingId in stocktake["_holdings"]!.AsArray().Select(n => (long)Json.Number(n)!))
                {
                    var holding = store.Get("warehouse_holdings", holdingId)!;
                    var recorded = Json.Dec(HoldingView(holding), "quantity_in_stock");
                    var sheetId = store.NextId("stocktake_count_sheet_items", 72001);
                    Put("stocktake_count_sheet_items", sheetId, new JsonObject
                    {
                        ["stocktake_id"] = id, ["_holding_id"] = holdingId, ["item_code"] = ProductCode(holding),
                        ["_recorded"] = recorded, ["actual_quantity_entered"] = Json.Bool(stocktake, "pre_fill_actual_with_expected"),
                        ["actual_quantity_in_stock"] = Json.Bool(stocktake, "pre_fill_actual_with_expected") ? recorded : 0m,
                    });
                }

                stocktake["stocktake_status"] = EnteringValues;
                break;
            case EnteringValues:
                var missing = SheetOf(id).Where(i => !Json.Bool(i, "actual_quantity_entered")).Select(i => Json.Str(i, "item_code")).ToList();
                if (missing.Count > 0)
                {
                    throw new SageBadRequestException($"Enter the actual quantity in stock for every item before advancing: {string.Join(", ", missing)}.");
                }

                stocktake["stocktake_status"] = RequiresApproval;
                break;
            case RequiresApproval:
                var sheet = SheetOf(id).ToList();
                faults.ThrowIfLocked(roll: true, sheet.Select(i => "StockItem " + Json.Str(i, "item_code")).ToArray());
                var changes = sheet.Select(i => (Item: i, Holding: store.Get("warehouse_holdings", Json.Long(i, "_holding_id") ?? 0)!,
                    Variance: Json.Dec(i, "actual_quantity_in_stock") - Json.Dec(i, "_recorded"))).ToList();
                foreach (var (item, holding, variance) in changes)
                {
                    if (Json.Dec(holding, "confirmed_qty_in_stock") + variance < 0)
                    {
                        throw new SageBadRequestException(string.Create(CultureInfo.InvariantCulture,
                            $"The adjustment ({variance}) of {Json.Str(item, "item_code")} would take stock below zero; negative stock is not allowed."));
                    }
                }

                foreach (var (item, holding, variance) in changes)
                {
                    AdjustHolding(holding, "confirmed_qty_in_stock", variance);
                    holding["_last_stocktake"] = Now;
                    item["_variance"] = variance;
                    store.Put("stocktake_count_sheet_items", Json.Long(item, "id")!.Value, item);
                }

                stocktake["stocktake_status"] = Complete;
                break;
            default:
                throw new SageBadRequestException($"Stocktake {id} is complete.");
        }
    }

    private JsonObject StocktakeView(JsonObject stocktake)
    {
        var warehouse = store.Get("warehouses", Json.Long(stocktake, "warehouse_id") ?? 0);
        var o = new JsonObject { ["id"] = Json.Long(stocktake, "id") };
        foreach (var name in new[]
        {
            "stocktake_name", "warehouse_id", "stocktake_date", "stocktake_type", "stocktake_status", "exclude_inactive_stock", "show_expected_quantities",
            "stock_variance_nominal_code_id", "nominal_narrative", "pre_fill_actual_with_expected",
        })
        {
            if (stocktake[name] is { } v)
            {
                o[name] = v.DeepClone();
            }
        }

        o["warehouse_name"] = Json.Str(warehouse, "name");
        o["can_modify_stocktake_type"] = false;
        o["advance_status"] = false;
        var status = Json.Str(stocktake, "stocktake_status");
        if (status == SelectingItems)
        {
            var items = new JsonArray();
            foreach (var n in stocktake["_holdings"]!.AsArray())
            {
                items.Add(StocktakeItem(store.Get("warehouse_holdings", (long)Json.Number(n)!)!, true));
            }

            o["stocktake_items"] = items;
            o["failed_stocktake_items"] = stocktake["_failed"]?.DeepClone() ?? new JsonArray();
        }
        else
        {
            o["failed_stocktake_items"] = stocktake["_failed"]?.DeepClone() ?? new JsonArray();
            o["stocktake_count_sheet_items"] = new JsonArray(SheetOf(Json.Long(stocktake, "id")!.Value).Select(i => (JsonNode?)CountSheetView(i, stocktake)).ToArray());
        }

        return o;
    }

    private JsonObject CountSheetView(JsonObject item, JsonObject stocktake)
    {
        var holding = store.Get("warehouse_holdings", Json.Long(item, "_holding_id") ?? 0)!;
        var product = store.Get("products", Json.Long(holding, "product_id") ?? 0);
        var recorded = Json.Dec(item, "_recorded");
        var actual = Json.Dec(item, "actual_quantity_in_stock");
        var entered = Json.Bool(item, "actual_quantity_entered");
        var o = new JsonObject
        {
            ["id"] = Json.Long(item, "id"), ["stocktake_id"] = Json.Long(item, "stocktake_id"), ["bin_item_id"] = Json.Long(holding, "id") + BinHoldingIdOffset,
            ["bin_name"] = DefaultBinName, ["item_code"] = Json.Str(product, "code"), ["item_name"] = Json.Str(product, "name"), ["stock_unit_name"] = "Each",
            ["include_nos_on_count_sheets"] = false, ["traceable_type"] = "TraceableTypeNone", ["costing_method_type"] = "Average",
            ["standard_cost"] = Json.Dec(product, "standard_cost"), ["average_buying_price"] = Json.Dec(product, "standard_cost"),
            ["has_negative_quantity_in_stock"] = recorded < 0, ["quantity_on_pop_order"] = Json.Dec(holding, "quantity_on_order"),
            ["quantity_allocated"] = Json.Dec(HoldingView(holding), "quantity_allocated"),
            ["actual_quantity_entered"] = entered, ["actual_quantity_in_stock"] = actual,
            // ⚠ discrepancy texts are not published
            ["discrepancy_status"] = !entered ? "Not Counted" : actual == recorded ? "No Discrepancy" : "Discrepancy",
            ["allows_negative_stock"] = false,
        };
        if (Json.Bool(stocktake, "show_expected_quantities"))
        {
            o["recorded_quantity_in_stock"] = recorded;
        }

        if (Json.Str(item, "discrepancy_narrative") is { } narrative)
        {
            o["discrepancy_narrative"] = narrative;
        }

        return o;
    }

    private JsonObject StocktakeItem(JsonObject holding, bool? selected)
    {
        var product = store.Get("products", Json.Long(holding, "product_id") ?? 0);
        var inStock = Json.Dec(HoldingView(holding), "quantity_in_stock");
        var o = new JsonObject
        {
            ["warehouse_holding_id"] = Json.Long(holding, "id"), ["bin_name"] = DefaultBinName, ["item_code"] = Json.Str(product, "code"),
            ["item_name"] = Json.Str(product, "name"), ["stock_unit_name"] = "Each", ["traceable_type"] = "TraceableTypeNone",
            ["product_group_id"] = Json.Long(product, "product_group_id"), ["allows_negative_stock"] = false, ["quantity_in_stock"] = inStock,
            ["value_of_stock"] = Math.Round(inStock * Json.Dec(product, "standard_cost"), 2, MidpointRounding.AwayFromZero),
            ["average_buying_price"] = Json.Dec(product, "standard_cost"), ["is_selected"] = selected ?? false,
        };
        if (selected == true)
        {
            o["stocktake_item_id"] = Json.Long(holding, "id");
        }

        if (Json.Str(holding, "_last_stocktake") is { } last)
        {
            o["last_stocktake"] = last;
        }

        return o;
    }

    private List<JsonObject> StocktakeCandidates(long warehouseId) =>
        store.All("warehouse_holdings").Where(h => Json.Long(h, "warehouse_id") == warehouseId)
            .OrderBy(ProductCode, StringComparer.Ordinal).ThenBy(h => Json.Long(h, "id")).ToList();

    private IEnumerable<JsonObject> SheetOf(long stocktakeId) =>
        store.All("stocktake_count_sheet_items").Where(i => Json.Long(i, "stocktake_id") == stocktakeId).OrderBy(i => Json.Long(i, "id"));

    private string? ProductCode(JsonObject holding) => Json.Str(store.Get("products", Json.Long(holding, "product_id") ?? 0), "code");

    private static string StocktakeType(JsonObject body) => Json.Str(body, "stocktake_type") switch
    {
        null or "" or ByStockItem => ByStockItem,
        var other => throw new SageBadRequestException($"Stocktake type '{other}' is not supported by the SANDBOX (bins are not simulated); use '{ByStockItem}'."),
    };
}
