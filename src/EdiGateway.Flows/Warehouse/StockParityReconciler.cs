using System.Collections.Immutable;
using System.Globalization;
using EdiGateway.Edi.Model;
using EdiGateway.Flows.Common;
using static EdiGateway.Flows.Warehouse.X12Values;

namespace EdiGateway.Flows.Warehouse;

/// <summary>846 (BIA, DTM, N1*WH, LIN + QTY loops) + Sage holdings -> <see cref="StockParityReport"/>.</summary>
public static class StockParityReconciler
{
    /// <summary>Reconciles. QTY01 codes are read through <c>inventoryQuantities</c>; the compared one is <c>parityQuantity</c>.
    /// Sage stock in a reported warehouse that the 846 does not mention counts as 0 at the 3PL. Fails only when the set
    /// cannot be dated or read; unknown SKUs and unmapped QTY codes are exceptions and warnings in the report.</summary>
    public static FlowResult<StockParityReport> Reconcile(X12TransactionSet set, IReadOnlyList<SageStockHolding> sage, WarehouseItems items,
        WarehouseSettings settings)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(sage);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(settings);
        if (set.SetId != "846") return FlowResult<StockParityReport>.Fail("NotAnInventoryAdvice", $"expected an 846, got {set.SetId}");
        var body = set.Body.ToList();
        if (body.FirstOrDefault(s => s.Id == "BIA") is not { } bia) return FlowResult<StockParityReport>.Fail("MissingBIA", "the 846 has no BIA segment");
        var dtm = body.TakeWhile(s => s.Id != "LIN").FirstOrDefault(s => s.Id == "DTM" && s[1] is "007" or "097"); // heading DTM*007 effective / *097 creation
        var asOf = Date(dtm?[2]) ?? Date(bia[4]); // else BIA04
        if (asOf is null) return FlowResult<StockParityReport>.Fail("BadDate", $"the 846 has no as-of date (DTM*007/097 or BIA04 '{bia[4]}')");
        var timeText = dtm is not null && dtm[3].Length > 0 ? dtm[3] : bia[5];
        TimeOnly? asOfTime = TimeOnly.TryParseExact(timeText.Length >= 4 ? timeText[..4] : "", "HHmm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : null;

        var warnings = new List<FlowProblem>();
        var exceptions = ImmutableArray.CreateBuilder<ParityException>();
        var counts = new Dictionary<(string Product, string Warehouse), (WarehouseItem Item, decimal Qty, decimal? Available)>();
        string? headingWh = null;
        var reportedWarehouses = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        Lin? lin = null;
        void Close()
        {
            if (lin is null) return;
            var wh = settings.SageWarehouseFor(lin.WarehouseId ?? headingWh);
            reportedWarehouses.Add(wh);
            if (lin.Item is null)
            {
                var qty = lin.Quantities.GetValueOrDefault(settings.ParityQuantity);
                warnings.Add(new("UnknownSku", $"the 846 reports {lin.Name} (qty {Num(qty)}), which is not in the warehouse's item table", lin.Name));
                exceptions.Add(new(ParityExceptionKind.UnknownSku, lin.Name, null, wh, qty, 0, asOf.Value,
                    $"the 3PL holds {Num(qty)} of {lin.Name}, a SKU the item table does not know: add it or ask the 3PL"));
            }
            else if (!lin.Quantities.TryGetValue(settings.ParityQuantity, out var q))
                warnings.Add(new("NoParityQuantity", $"{lin.Name} has no {settings.ParityQuantity} quantity (check codeMaps.inventoryQuantities); left out", lin.Name));
            else
            {
                var key = (lin.Item.SageProductCode, wh);
                var before = counts.GetValueOrDefault(key);
                decimal? avail = lin.Quantities.TryGetValue(InventoryQuantityKind.Available, out var a) ? a + (before.Available ?? 0) : before.Available;
                counts[key] = (lin.Item, before.Qty + q, avail);
            }
            lin = null;
        }
        foreach (var (s, index) in body.Select((s, i) => (s, i + 2)))
        {
            switch (s.Id)
            {
                case "N1" when lin is null && s[1] == "WH": headingWh = Opt(s, 4); break; // heading N1*WH N104
                case "N1" when lin is not null && s[1] == "WH": lin = lin with { WarehouseId = Opt(s, 4) }; break; // LIN/N1*WH
                case "LIN":
                    Close();
                    var ids = Pairs(s, 2, 31); // LIN02..LIN31 pairs
                    lin = new Lin(items.Find(null, ids), Describe(null, ids), null, []);
                    break;
                case "QTY" when lin is not null: // QTY01 qualifier, QTY02 quantity, QTY03-01 unit
                    if (!settings.InventoryQuantities.TryGetValue(s[1], out var kind))
                    {
                        warnings.Add(new("UnmappedQuantity", $"QTY01 '{s[1]}' has no meaning in codeMaps.inventoryQuantities; ignored", $"segment {Num(index)}"));
                        break;
                    }
                    var unit = s[3].Length > 0 ? s[3] : "EA";
                    var qty = Dec(s, 2) is { } raw ? lin.Item is null ? raw : lin.Item.ToStockUnits(raw, unit) : null;
                    if (qty is null) { warnings.Add(new("BadQuantity", $"QTY '{s[2]}' {unit} of {lin.Name} cannot be read in Sage stock units; ignored", $"segment {Num(index)}")); break; }
                    lin = lin with { Quantities = lin.Quantities.SetItem(kind, lin.Quantities.GetValueOrDefault(kind) + qty.Value) };
                    break;
            }
        }
        Close();
        if (reportedWarehouses.Count == 0) reportedWarehouses.Add(settings.SageWarehouseFor(headingWh));

        var lines = ImmutableArray.CreateBuilder<ParityLine>();
        var holdings = sage.Where(h => reportedWarehouses.Contains(h.Warehouse))
            .GroupBy(h => (h.ProductCode.ToUpperInvariant(), h.Warehouse.ToUpperInvariant())).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var ((code, wh), c) in counts)
        {
            var h = holdings.GetValueOrDefault((code.ToUpperInvariant(), wh.ToUpperInvariant())) ?? [];
            lines.Add(Line(c.Item.WarehouseSku, code, wh, c.Qty, c.Available, h.Sum(x => x.InStock), h.Sum(x => x.Allocated), true));
        }
        var counted = counts.Keys.Select(k => (k.Product.ToUpperInvariant(), k.Warehouse.ToUpperInvariant())).ToHashSet();
        foreach (var (_, all) in holdings.Where(g => !counted.Contains(g.Key) && g.Value.Sum(x => x.InStock) != 0))
        {
            var h = all[0];
            lines.Add(Line(items.BySageCode(h.ProductCode)?.WarehouseSku ?? h.ProductCode, h.ProductCode, h.Warehouse, 0, null, all.Sum(x => x.InStock), all.Sum(x => x.Allocated), false));
        }
        foreach (var l in lines.Where(l => l.Status == ParityStatus.Exception))
            exceptions.Add(new(ParityExceptionKind.Drift, l.WarehouseSku, l.ProductCode, l.Warehouse, l.ThreePlQuantity, l.SageInStock, asOf.Value,
                $"{l.ProductCode} in {l.Warehouse}: 3PL {Num(l.ThreePlQuantity)}{(l.Reported ? "" : " (not in the 846)")}, Sage {Num(l.SageInStock)}, drift {Num(l.Drift)} is above the threshold"));
        return FlowResult<StockParityReport>.Ok(new StockParityReport(bia[3], asOf.Value, asOfTime, lines.ToImmutable(), exceptions.ToImmutable(), [.. warnings]));

        ParityLine Line(string sku, string code, string wh, decimal qty, decimal? avail, decimal inStock, decimal allocated, bool reported) =>
            new(sku, code, wh, qty, avail, inStock, allocated, reported, Status(qty - inStock, inStock, settings));
    }

    /// <summary>InStep at zero drift; Exception when |drift| is above every configured threshold (units, percent of Sage
    /// in-stock; none configured = any drift); otherwise WithinThreshold. Exactly at a threshold is not above it.</summary>
    public static ParityStatus Status(decimal drift, decimal sageInStock, WarehouseSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (drift == 0) return ParityStatus.InStep;
        var abs = Math.Abs(drift);
        var units = settings.DriftThresholdUnits is not { } u || abs > u;
        var percent = settings.DriftThresholdPercent is not { } p || sageInStock == 0 || abs * 100m / Math.Abs(sageInStock) > p;
        return units && percent ? ParityStatus.Exception : ParityStatus.WithinThreshold;
    }

    private sealed record Lin(WarehouseItem? Item, string Name, string? WarehouseId, ImmutableDictionary<InventoryQuantityKind, decimal> Quantities);
}
