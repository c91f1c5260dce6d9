using System.Collections.Immutable;
using EdiGateway.Edi.Model;
using EdiGateway.Flows.Common;
using static EdiGateway.Flows.Warehouse.X12Values;

namespace EdiGateway.Flows.Warehouse;

/// <summary>One Sage stock adjustment: product, warehouse, signed quantity in stock units (+ in, - out), the Sage reason
/// mapped from W1901 and the 3PL's code kept for the audit trail.</summary>
public sealed record StockAdjustmentLine(string ProductCode, string Warehouse, decimal Quantity, string Reason, string ReasonCode, string? Lot);

/// <summary>Rule 4: a 947 as Sage stock adjustments. <see cref="AdjustmentNumber"/> (W1502) is the idempotency key: the
/// appliance posts a (3PL, W1502) once (guide rule 3pl.947.adjustmentUnique).</summary>
public sealed record StockAdjustmentPlan(string AdjustmentNumber, DateOnly Date, ImmutableArray<StockAdjustmentLine> Lines);

/// <summary>947 (W15, W19 loops) -> <see cref="StockAdjustmentPlan"/>. The direction of each W19 comes from the profile
/// (<c>adjustmentDirections</c>), because the 3PL guide sends W1902 unsigned while X12 477 is a signed credit/debit quantity:
/// a negative W1902 is always a decrease; a positive one needs the reason's direction. All lines post or none.</summary>
public static class StockAdjustmentPlanner
{
    /// <summary>Plans the adjustments; any unknown reason code, product, unit or direction fails the whole 947 with problems
    /// naming the code, so a person fixes the profile and resubmits (no partial stock moves).</summary>
    public static FlowResult<StockAdjustmentPlan> Plan(X12TransactionSet set, WarehouseItems items, WarehouseSettings settings)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(settings);
        if (set.SetId != "947") return FlowResult<StockAdjustmentPlan>.Fail("NotAnAdjustment", $"expected a 947, got {set.SetId}");
        var body = set.Body.ToList();
        if (body.FirstOrDefault(s => s.Id == "W15") is not { } w15) return FlowResult<StockAdjustmentPlan>.Fail("MissingW15", "the 947 has no W15 segment");
        var p = new List<FlowProblem>();
        var date = Date(w15[1]); // W1501 date
        if (date is null) p.Add(new("BadDate", $"W1501 '{w15[1]}' is not a CCYYMMDD date"));
        var number = w15[2].Length > 0 ? w15[2] : w15[3]; // W1502 warehouse adjustment no. (W1503 depositor's when absent)
        if (number.Length == 0) p.Add(new("MissingAdjustmentNumber", "W1502 (the warehouse adjustment number) is empty; the 947 could be posted twice"));
        string? warehouseId = null;
        var inDetail = false;
        var lines = ImmutableArray.CreateBuilder<StockAdjustmentLine>();
        foreach (var (s, index) in body.Select((s, i) => (s, i + 2)))
        {
            var where = $"segment {Num(index)}";
            if (s.Id == "N1" && !inDetail && s[1] == "WH") warehouseId = Opt(s, 4); // N1*WH N104
            if (s.Id != "W19") continue;
            inDetail = true;
            var code = s[1]; // W1901 reason
            var ids = Pairs(s, 5, 8);
            if (s[18].Length > 0) ids.Add((s[17], s[18])); // W1917/W1918
            var item = items.Find(Opt(s, 4), ids); // W1904 UPC, W1905-08 ids
            var qty = Dec(s, 2); // W1902 credit/debit quantity
            if (!settings.AdjustmentReasons.TryGetValue(code, out var reason))
                p.Add(new("UnknownAdjustmentReason", $"adjustment reason code '{code}' (W1901) has no Sage reason: add codeMaps.adjustmentReasons.{code} to the 3PL profile", where));
            if (item is null) p.Add(new("UnknownProduct", $"W19 adjusts {Describe(Opt(s, 4), ids)}, which is not in the warehouse's item table", where));
            if (qty is null or 0) p.Add(new("BadQuantity", $"W1902 '{s[2]}' is not a quantity other than zero", where));
            var stock = item is null || qty is null ? null : item.ToStockUnits(qty.Value, s[3]); // W1903 unit
            if (item is not null && qty is not null && stock is null) p.Add(new("UnknownUnit", $"unit '{s[3]}' cannot be turned into Sage stock units (EA or CA)", where));
            if (reason is null || stock is null or 0) continue;
            if (Signed(stock.Value, code, reason, settings, where, p) is { } signed)
                lines.Add(new StockAdjustmentLine(item!.SageProductCode, settings.SageWarehouseFor(warehouseId), signed, reason, code, Opt(s, 9))); // W1909 lot
        }
        if (lines.Count == 0 && p.Count == 0) p.Add(new("NoLines", "the 947 has no W19 adjustments"));
        return p.Count > 0 ? FlowResult<StockAdjustmentPlan>.Fail(p) : FlowResult<StockAdjustmentPlan>.Ok(new StockAdjustmentPlan(number, date!.Value, lines.ToImmutable()));
    }

    /// <summary>The signed stock movement of a W19: negative W1902 = decrease (X12 477 debit); otherwise the reason's direction.</summary>
    private static decimal? Signed(decimal qty, string code, string reason, WarehouseSettings settings, string where, List<FlowProblem> p)
    {
        var known = settings.AdjustmentDirections.TryGetValue(code, out var direction);
        switch (known ? direction : (AdjustmentDirection?)null)
        {
            case AdjustmentDirection.Decrease: return -Math.Abs(qty);
            case AdjustmentDirection.Increase when qty < 0:
                p.Add(new("AdjustmentSignConflict", $"reason '{code}' ({reason}) only increases stock, but W1902 is negative ({Num(qty)})", where));
                return null;
            case AdjustmentDirection.Increase: return qty;
            case AdjustmentDirection.Signed: return qty;
            default:
                if (qty < 0) return qty;
                p.Add(new("UnknownAdjustmentDirection", $"reason '{code}' ({reason}) with an unsigned W1902 of {Num(qty)}: is it an increase or a decrease? Add codeMaps.adjustmentDirections.{code} (increase, decrease or signed)", where));
                return null;
        }
    }
}
