using System.Collections.Immutable;
using EdiGateway.Edi.Model;
using EdiGateway.Flows.Common;
using static EdiGateway.Flows.Warehouse.X12Values;

namespace EdiGateway.Flows.Warehouse;

/// <summary>How a received product differs from the 943.</summary>
public enum ReceiptFlag
{
    /// <summary>Fewer received than expected.</summary>
    Short,
    /// <summary>More received than expected.</summary>
    Over,
    /// <summary>Some received damaged (W13).</summary>
    Damaged,
    /// <summary>Received but not on the 943.</summary>
    Unexpected,
    /// <summary>On the 943, nothing received.</summary>
    NotReceived,
}

/// <summary>One product of a receipt, Sage stock units: expected (943), received (W0701, damaged included), damaged (W13),
/// good = received - damaged (what goes into stock), difference = received - expected.</summary>
public sealed record ReceivedProduct(string ProductCode, decimal Expected, decimal Received, decimal Damaged, ImmutableArray<ReceiptFlag> Flags)
{
    /// <summary>Received in good condition: the goods-in quantity.</summary>
    public decimal Good => Received - Damaged;
    /// <summary>Received minus expected (negative = short).</summary>
    public decimal Difference => Received - Expected;
}

/// <summary>Rule 3b: a 944 as a goods-received plan for Sage: per product expected vs received vs damaged, differences flagged
/// (not rejected: the 3PL counted what arrived). Lots and the warehouse receipt number go with it for the audit trail.</summary>
public sealed record GoodsReceivedPlan(string Reference, string WarehouseReceiptNumber, DateOnly ReceivedOn, string SageWarehouse,
    ImmutableArray<ReceivedProduct> Products)
{
    /// <summary>True when any product differs from the 943 or arrived damaged: the appliance queues it for a person.</summary>
    public bool HasDifferences => Products.Any(p => !p.Flags.IsEmpty);
}

/// <summary>944 (W17, W07 loops with W13 exceptions, W14) -> <see cref="GoodsReceivedPlan"/>, compared with the 943's expectation.</summary>
public static class GoodsReceiptPlanner
{
    /// <summary>Plans the goods-in. Fails (nothing posts) on a 944 for another transfer, an unknown product or unit; differences are flags.</summary>
    public static FlowResult<GoodsReceivedPlan> Plan(X12TransactionSet set, StockTransferExpectation expected, WarehouseItems items, WarehouseSettings settings)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(settings);
        if (set.SetId != "944") return FlowResult<GoodsReceivedPlan>.Fail("NotAReceipt", $"expected a 944, got {set.SetId}");
        var body = set.Body.ToList();
        if (body.FirstOrDefault(s => s.Id == "W17") is not { } w17) return FlowResult<GoodsReceivedPlan>.Fail("MissingW17", "the 944 has no W17 segment");
        var p = new List<FlowProblem>();
        if (!string.Equals(w17[4], expected.Reference, StringComparison.OrdinalIgnoreCase))
            p.Add(new("WrongTransfer", $"the 944 answers '{w17[4]}' (W1704), not the 943 {expected.Reference}"));
        var date = Date(w17[2]);
        if (date is null) p.Add(new("BadDate", $"W1702 '{w17[2]}' is not a CCYYMMDD date"));
        var received = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase);
        var damaged = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase);
        WarehouseItem? current = null;
        string? warehouseId = null;
        foreach (var (s, index) in body.Select((s, i) => (s, i + 2)))
        {
            var where = $"segment {Num(index)}";
            switch (s.Id)
            {
                case "N1" when s[1] == "WH" && current is null: warehouseId = Opt(s, 4); break; // N1*WH N104
                case "W07":
                    var ids = Pairs(s, 4, 7);
                    if (s[11].Length > 0) ids.Add((s[10], s[11])); // W0710/W0711
                    current = items.Find(Opt(s, 3), ids);
                    if (current is null) { p.Add(new("UnknownProduct", $"W07 receives {Describe(Opt(s, 3), ids)}, which is not in the warehouse's item table", where)); break; }
                    if (Stock(current, Dec(s, 1), s[2], where, "W0701", p) is { } q) received[current.SageProductCode] = received.GetValueOrDefault(current.SageProductCode) + q; // W0701 qty, W0702 unit
                    break;
                case "W13" when current is not null: // W13 exception: W1301 qty, W1302 unit, W1303 condition
                    var kind = settings.ReceivingConditions.GetValueOrDefault(s[3], "damaged");
                    if (kind == "damaged" && Stock(current, Dec(s, 1), s[2], where, "W1301", p) is { } d)
                        damaged[current.SageProductCode] = damaged.GetValueOrDefault(current.SageProductCode) + d;
                    break;
            }
        }
        var expectedByProduct = expected.Lines.GroupBy(l => l.ProductCode, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Sum(l => l.Quantity), StringComparer.OrdinalIgnoreCase);
        foreach (var (code, dmg) in damaged.Where(d => d.Value > received.GetValueOrDefault(d.Key)))
            p.Add(new("BadQuantity", $"{Num(dmg)} of {code} reported damaged but only {Num(received.GetValueOrDefault(code))} received"));
        if (p.Count > 0) return FlowResult<GoodsReceivedPlan>.Fail(p);
        var products = expectedByProduct.Keys.Concat(received.Keys).Distinct(StringComparer.OrdinalIgnoreCase).Select(code =>
        {
            var exp = expectedByProduct.GetValueOrDefault(code);
            var rec = received.GetValueOrDefault(code);
            var dmg = damaged.GetValueOrDefault(code);
            var flags = ImmutableArray.CreateBuilder<ReceiptFlag>();
            if (exp == 0) flags.Add(ReceiptFlag.Unexpected);
            else if (rec == 0) flags.Add(ReceiptFlag.NotReceived);
            else if (rec < exp) flags.Add(ReceiptFlag.Short);
            else if (rec > exp) flags.Add(ReceiptFlag.Over);
            if (dmg > 0) flags.Add(ReceiptFlag.Damaged);
            return new ReceivedProduct(code, exp, rec, dmg, flags.ToImmutable());
        });
        return FlowResult<GoodsReceivedPlan>.Ok(new GoodsReceivedPlan(expected.Reference, w17[3], date!.Value, settings.SageWarehouseFor(warehouseId), [.. products]));
    }

    private static decimal? Stock(WarehouseItem item, decimal? qty, string unit, string where, string element, List<FlowProblem> p)
    {
        if (qty is null || qty < 0) { p.Add(new("BadQuantity", $"{element} is not a quantity of zero or more", where)); return null; }
        if (item.ToStockUnits(qty.Value, unit) is not { } stock) { p.Add(new("UnknownUnit", $"unit '{unit}' cannot be turned into Sage stock units (EA or CA)", where)); return null; }
        return stock;
    }
}
