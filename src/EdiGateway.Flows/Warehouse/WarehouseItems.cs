using System.Globalization;
using EdiGateway.Flows.Common;

namespace EdiGateway.Flows.Warehouse;

/// <summary>One row of the 3PL's item table: the warehouse's SKU and barcode for a Sage product and its case size.
/// Sage quantities are in the product's stock unit, taken to be one each (the table has no stock-unit column).</summary>
public sealed record WarehouseItem(string WarehouseSku, string? Upc, string SageProductCode, int UnitsPerCase, string Description)
{
    /// <summary>Warehouse quantity in <paramref name="unit"/> (EA or CA) -> Sage stock units; null for an unknown unit.</summary>
    public decimal? ToStockUnits(decimal quantity, string unit) => unit switch
    {
        "EA" => quantity,
        "CA" or "CS" => quantity * UnitsPerCase,
        _ => null,
    };
}

/// <summary>The 3PL's item cross-reference (profile <c>crossReferences.items</c>, columns warehouseSku, upc,
/// sageProductCode, unitsPerCase, description), looked up by Sage code or by what the warehouse sends back.</summary>
public sealed class WarehouseItems
{
    private readonly Dictionary<string, WarehouseItem> _bySage = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, WarehouseItem> _bySku = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, WarehouseItem> _byUpc = new(StringComparer.Ordinal);

    private WarehouseItems()
    {
    }

    /// <summary>Builds the table; a row without SKU or Sage code, a bad case size, or a duplicate is a problem naming the row.</summary>
    public static FlowResult<WarehouseItems> Load(IReadOnlyList<IReadOnlyDictionary<string, string>> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var t = new WarehouseItems();
        var problems = new List<FlowProblem>();
        if (rows.Count == 0) problems.Add(new("EmptyTable", "the items cross-reference has no rows"));
        foreach (var (row, i) in rows.Select((r, i) => (r, i + 2)))
        {
            string Cell(string c) => row.TryGetValue(c, out var v) ? v.Trim() : "";
            var where = $"items row {i.ToString(CultureInfo.InvariantCulture)}";
            var sku = Cell("warehouseSku");
            var code = Cell("sageProductCode");
            if (sku.Length == 0 || code.Length == 0) { problems.Add(new("BadItemRow", "warehouseSku and sageProductCode are required", where)); continue; }
            var perCase = Cell("unitsPerCase");
            var size = 1;
            if (perCase.Length > 0 && (!int.TryParse(perCase, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size < 1))
            {
                problems.Add(new("BadItemRow", $"unitsPerCase '{perCase}' is not a whole number above zero", where));
                continue;
            }
            var upc = Cell("upc");
            var item = new WarehouseItem(sku, upc.Length == 0 ? null : upc, code, size, Cell("description"));
            if (!t._bySage.TryAdd(code, item)) problems.Add(new("DuplicateItem", $"Sage product {code} appears twice", where));
            if (!t._bySku.TryAdd(sku, item)) problems.Add(new("DuplicateItem", $"warehouse SKU {sku} appears twice", where));
            if (item.Upc is not null && !t._byUpc.TryAdd(item.Upc.TrimStart('0'), item)) problems.Add(new("DuplicateItem", $"UPC {upc} appears twice", where));
        }
        return problems.Count == 0 ? FlowResult<WarehouseItems>.Ok(t) : FlowResult<WarehouseItems>.Fail(problems);
    }

    /// <summary>The item of a Sage product code, or null.</summary>
    public WarehouseItem? BySageCode(string productCode) => _bySage.GetValueOrDefault(productCode ?? "");

    /// <summary>The item a warehouse line names: its UPC (W1206/W0703, or a UP/EN/UK/UA pair, leading zeros ignored), or a
    /// SKU / Sage code in any other qualifier/ID pair. Null when nothing matches.</summary>
    public WarehouseItem? Find(string? upc, IEnumerable<(string Qualifier, string Value)> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (upc is { Length: > 0 } && _byUpc.TryGetValue(upc.TrimStart('0'), out var byUpc)) return byUpc;
        foreach (var (q, v) in ids)
        {
            if (v.Length == 0) continue;
            if (q is "UP" or "EN" or "UK" or "UA" && _byUpc.TryGetValue(v.TrimStart('0'), out var u)) return u;
            if (_bySku.TryGetValue(v, out var s) || _bySage.TryGetValue(v, out s)) return s;
        }
        return null;
    }
}
