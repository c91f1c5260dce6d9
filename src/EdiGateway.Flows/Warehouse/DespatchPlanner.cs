using System.Collections.Immutable;
using EdiGateway.Flows.Common;
using static EdiGateway.Flows.Warehouse.X12Values;

namespace EdiGateway.Flows.Warehouse;

/// <summary>945 -> <see cref="DespatchPlan"/>: each W12 is tied to the 940 line it answers (N9*LI, else the product), converted
/// to Sage stock units, and checked against the Sage line still open. Unknown product, order line not found and
/// over-despatch are <see cref="UnpostableLine"/>s with plain reasons, never silently dropped or trimmed.</summary>
public static class DespatchPlanner
{
    /// <summary>Plans the despatch of <paramref name="advice"/> against what was released (<paramref name="released"/>) and
    /// the order lines Sage has open (<paramref name="open"/>).</summary>
    public static FlowResult<DespatchPlan> Plan(ShippingAdvice advice, ReleasedOrder released, IReadOnlyList<DespatchableLine> open, WarehouseItems items)
    {
        ArgumentNullException.ThrowIfNull(advice);
        ArgumentNullException.ThrowIfNull(released);
        ArgumentNullException.ThrowIfNull(open);
        ArgumentNullException.ThrowIfNull(items);
        if (!string.Equals(advice.OrderNumber, released.OrderNumber, StringComparison.OrdinalIgnoreCase))
            return FlowResult<DespatchPlan>.Fail("WrongOrder", $"the 945 is for order {advice.OrderNumber}, not {released.OrderNumber}");
        var unpostable = new List<UnpostableLine>();
        var shipped = new Dictionary<string, List<(ShippedLine W12, decimal Qty)>>(StringComparer.Ordinal);
        foreach (var w12 in advice.Lines)
        {
            if (Match(w12, released, items, unpostable) is not { } sent) continue;
            if (sent.IsNote) continue; // memo / non-stock note lines: information for the packer, nothing to despatch from stock
            var unit = w12.Unit ?? sent.Unit; // 3pl.945.uomDefaultsToOrder
            decimal? qty = unit switch { "EA" => w12.Shipped, "CA" or "CS" => w12.Shipped * sent.UnitsPerCase, _ => null };
            if (qty is null)
            {
                unpostable.Add(new("UnknownUnit", $"W12 {Num(w12.Ordinal)} ships in '{unit}', which cannot be turned into Sage stock units (EA or CA only)", sent.SageLineId, w12.Ordinal));
                continue;
            }
            if (qty < 0 || qty != decimal.Truncate(qty.Value))
            {
                unpostable.Add(new("BadQuantity", $"W12 {Num(w12.Ordinal)} ships {Num(w12.Shipped)} {unit}, not a whole number of units", sent.SageLineId, w12.Ordinal));
                continue;
            }
            (shipped.TryGetValue(sent.SageLineId, out var list) ? list : shipped[sent.SageLineId] = []).Add((w12, qty.Value));
        }

        var lines = ImmutableArray.CreateBuilder<DespatchLine>();
        var updates = ImmutableArray.CreateBuilder<SalesLineUpdate>();
        var postable = new HashSet<string>(StringComparer.Ordinal);
        foreach (var sent in released.Lines.Where(l => !l.IsNote))
        {
            var parts = shipped.GetValueOrDefault(sent.SageLineId) ?? [];
            if (unpostable.Any(u => u.SageLineId == sent.SageLineId)) continue; // one bad W12 holds the whole line back
            var qty = parts.Sum(p => p.Qty);
            var sage = open.FirstOrDefault(o => o.LineId == sent.SageLineId);
            if (sage is null)
            {
                if (qty > 0) unpostable.Add(new("OrderLineNotFound", $"Sage order line {sent.SageLineId} ({sent.ProductCode}) is no longer open for despatch (deleted, or despatched already); {Num(qty)} shipped cannot be recorded", sent.SageLineId, null));
                continue;
            }
            if (!string.Equals(sage.ProductCode, sent.ProductCode, StringComparison.OrdinalIgnoreCase))
            {
                unpostable.Add(new("ProductMismatch", $"Sage order line {sent.SageLineId} is now for {sage.ProductCode}, but the 940 sent {sent.ProductCode}", sent.SageLineId, null));
                continue;
            }
            var limit = Math.Min(sage.OutstandingQuantity, sent.StockQuantity);
            if (qty > limit)
            {
                unpostable.Add(new("OverDespatch", $"the 945 ships {Num(qty)} of {sent.ProductCode} but {(sage.OutstandingQuantity < sent.StockQuantity ? $"Sage has only {Num(sage.OutstandingQuantity)} outstanding" : $"the 940 asked for {Num(sent.StockQuantity)}")}; nothing is recorded for this line until a person decides", sent.SageLineId, parts.FirstOrDefault().W12?.Ordinal));
                continue;
            }
            var shortQty = sent.StockQuantity - qty;
            var backordered = shortQty > 0 && parts.Any(p => p.W12.Status == "BP");
            string? reason = shortQty <= 0 ? null : parts.Count == 0 ? "not in the 945 (nothing shipped)" : ShortReason(parts.Select(p => p.W12));
            postable.Add(sent.SageLineId);
            lines.Add(new DespatchLine(sent.SageLineId, sent.ProductCode!, sent.StockQuantity, qty, shortQty, backordered, reason, sent.CustomerLineNumber));
            if (shortQty > 0 && !backordered) updates.Add(new SalesLineUpdate(sent.SageLineId, sent.ProductCode!, shortQty, reason!));
        }

        var cartons = shipped.Where(s => postable.Contains(s.Key)).SelectMany(s => s.Value.Select(p => (Line: released.Lines.First(l => l.SageLineId == s.Key), p.W12, p.Qty)))
            .Where(x => x.Qty > 0).GroupBy(x => x.W12.Sscc ?? "")
            .Select(g => new ShippedCarton(g.Key.Length == 0 ? null : g.Key, [.. g.GroupBy(x => x.Line.SageLineId)
                .Select(l => new CartonContent(l.Key, l.First().Line.ProductCode!, l.Sum(x => x.Qty), l.First().Line.CustomerLineNumber))]))
            .ToImmutableArray();
        var plan = new DespatchPlan
        {
            OrderNumber = released.OrderNumber, ShipDate = advice.ShipDate, CarrierScac = advice.CarrierScac, BillOfLading = advice.BillOfLading,
            CarrierPro = advice.CarrierPro, TrackingNumbers = advice.TrackingNumbers, Lines = lines.ToImmutable(), LineUpdates = updates.ToImmutable(),
            Unpostable = [.. unpostable], Cartons = cartons, Problems = advice.Problems,
        };
        return FlowResult<DespatchPlan>.Ok(released.IsAmazonOrder ? plan with { Amazon = AmazonShipmentUpdate.From(plan, released) } : plan);
    }

    private static SentLine? Match(ShippedLine w12, ReleasedOrder released, WarehouseItems items, List<UnpostableLine> unpostable)
    {
        var ids = w12.ProductIds.Select(p => (p.Qualifier, p.Value)).ToList();
        var item = items.Find(w12.Upc, ids);
        var named = w12.Upc is not null || ids.Count > 0;
        if (w12.OrderLineId is { } lineId)
        {
            var byId = released.Lines.FirstOrDefault(l => l.SageLineId == lineId);
            if (byId is null)
            {
                unpostable.Add(new("OrderLineNotFound", $"W12 {Num(w12.Ordinal)} answers order line {lineId} (N9*LI), which the 940 for order {released.OrderNumber} did not send", null, w12.Ordinal));
                return null;
            }
            if (byId.IsNote || !named) return byId;
            if (item is null)
            {
                unpostable.Add(new("UnknownProduct", $"W12 {Num(w12.Ordinal)} ships {Describe(w12.Upc, ids)}, which is not in the warehouse's item table", lineId, w12.Ordinal));
                return null;
            }
            if (!string.Equals(item.SageProductCode, byId.ProductCode, StringComparison.OrdinalIgnoreCase))
            {
                unpostable.Add(new("ProductMismatch", $"W12 {Num(w12.Ordinal)} ships {item.SageProductCode} against order line {lineId}, which is for {byId.ProductCode}", lineId, w12.Ordinal));
                return null;
            }
            return byId;
        }
        if (item is null)
        {
            // a note line echoed by its item code (memo code, non-stock product) is not a stock product
            var note = released.Lines.FirstOrDefault(l => l.IsNote && ids.Any(i => string.Equals(i.Value, l.ItemCode, StringComparison.OrdinalIgnoreCase)));
            if (note is not null) return note;
            unpostable.Add(new(named ? "UnknownProduct" : "OrderLineNotFound", named
                ? $"W12 {Num(w12.Ordinal)} ships {Describe(w12.Upc, ids)}, which is not in the warehouse's item table"
                : $"W12 {Num(w12.Ordinal)} names neither a product nor an order line (N9*LI)", null, w12.Ordinal));
            return null;
        }
        var candidates = released.Lines.Where(l => !l.IsNote && string.Equals(l.ProductCode, item.SageProductCode, StringComparison.OrdinalIgnoreCase)).ToList();
        if (candidates.Count == 0)
        {
            unpostable.Add(new("OrderLineNotFound", $"W12 {Num(w12.Ordinal)} ships {item.SageProductCode}, which is not on order {released.OrderNumber}", null, w12.Ordinal));
            return null;
        }
        return candidates.FirstOrDefault(c => Num(c.LineNumber) == w12.LxNumber) ?? candidates[0];
    }

    private static string ShortReason(IEnumerable<ShippedLine> parts)
    {
        var list = parts.ToList();
        var codes = list.Select(p => p.ReasonCode).OfType<string>().Distinct().ToList();
        var status = string.Join(", ", list.Select(p => p.Status).Distinct().Select(s => $"{s} {StatusText(s)}"));
        return codes.Count == 0 ? $"short shipped (W1201 {status})" : $"short shipped (W1201 {status}; W1219 reason {string.Join(", ", codes)})";
    }

    /// <summary>Plain words for a W1201 status (code list 368, as the 3PL guide uses it).</summary>
    public static string StatusText(string status) => status switch
    {
        "CC" or "CL" => "complete",
        "CP" or "PR" => "partial, balance not backordered",
        "BP" => "partial, balance backordered",
        "IC" => "item cancelled",
        "CM" => "complete with additional quantity",
        "CS" => "complete with substitution",
        _ => "status not in the 3PL guide",
    };
}
