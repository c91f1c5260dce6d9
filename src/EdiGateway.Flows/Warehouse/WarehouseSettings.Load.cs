using System.Collections.Immutable;
using System.Globalization;
using EdiGateway.Flows.Common;

namespace EdiGateway.Flows.Warehouse;

public sealed partial record WarehouseSettings
{
    /// <summary>Reads the settings from a 3PL profile's <c>settings</c> and <c>codeMaps</c>; unknown keys are ignored, bad
    /// values come back as problems naming the key (the profile loader rejects the profile with them).</summary>
    public static FlowResult<WarehouseSettings> FromProfile(IReadOnlyDictionary<string, string> settings,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? codeMaps = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var problems = new List<FlowProblem>();
        var d = new WarehouseSettings();
        string? Get(string key) => settings.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
        decimal? Dec(string key)
        {
            if (Get(key) is not { } v) return null;
            if (decimal.TryParse(v, NumberStyles.Number, CultureInfo.InvariantCulture, out var n) && n >= 0) return n;
            problems.Add(new("BadSetting", $"settings.{key} '{v}' is not a non-negative number"));
            return null;
        }
        IReadOnlyDictionary<string, string> Map(string name) =>
            codeMaps is not null && codeMaps.TryGetValue(name, out var m) ? m : ImmutableDictionary<string, string>.Empty;
        T Choice<T>(string key, T fallback, params (string Name, T Value)[] options)
        {
            if (Get(key) is not { } v) return fallback;
            foreach (var (name, value) in options)
                if (v.Equals(name, StringComparison.OrdinalIgnoreCase)) return value;
            problems.Add(new("BadSetting", $"settings.{key} '{v}' must be one of {string.Join(", ", options.Select(o => o.Name).Distinct())}"));
            return fallback;
        }
        ImmutableDictionary<string, TV> Enums<TV>(string map, Func<string, TV?> parse, string expected)
            where TV : struct
        {
            var b = ImmutableDictionary.CreateBuilder<string, TV>(StringComparer.Ordinal);
            foreach (var (k, v) in Map(map))
            {
                if (parse(v.Trim()) is { } e) b[k] = e;
                else problems.Add(new("BadCodeMap", $"codeMaps.{map}.{k} '{v}' must be {expected}"));
            }
            return b.ToImmutable();
        }

        var s = d with
        {
            SageWarehouse = Get("sageWarehouse") ?? "",
            SsccSource = Choice("ssccSource", d.SsccSource, ("MAN", SsccSource.Man), ("LV", SsccSource.N9Lv), ("N9", SsccSource.N9Lv), ("N9*LV", SsccSource.N9Lv)),
            DriftThresholdUnits = Dec("stockDriftThresholdUnits"),
            DriftThresholdPercent = Dec("stockDriftThresholdPercent"),
            NonStockLines = Choice("nonStockLines", d.NonStockLines, ("omit", LineRule.Omit), ("note", LineRule.Note)),
            MemoLines = Choice("memoLines", d.MemoLines, ("omit", LineRule.Omit), ("note", LineRule.Note)),
            MemoItemCode = Get("memoItemCode") ?? d.MemoItemCode,
            WarehouseUnit = Choice("warehouseUnit", d.WarehouseUnit, ("EA", "EA"), ("CA", "CA")),
            ProductQualifier = Get("productQualifier") ?? d.ProductQualifier,
            WarehouseId = Get("warehouseId"),
            WarehouseName = Get("warehouseName"),
            ShipFromName = Get("shipFromName"),
            ParityQuantity = Choice("parityQuantity", d.ParityQuantity, ("onHand", InventoryQuantityKind.OnHand), ("available", InventoryQuantityKind.Available)),
            AdjustmentReasons = Map("adjustmentReasons").ToImmutableDictionary(p => p.Key, p => p.Value.Trim(), StringComparer.Ordinal),
            AdjustmentDirections = Enums("adjustmentDirections", ParseDirection, "increase, decrease or signed"),
            InventoryQuantities = Map("inventoryQuantities").Count == 0 ? d.InventoryQuantities : Enums("inventoryQuantities", ParseKind, "onHand, available, hold, damaged or inbound"),
            Warehouses = Map("warehouses").ToImmutableDictionary(p => p.Key, p => p.Value.Trim(), StringComparer.Ordinal),
            ReceivingConditions = Map("receivingConditions").ToImmutableDictionary(p => p.Key, p => p.Value.Trim().ToLowerInvariant(), StringComparer.Ordinal),
        };
        if (s.SageWarehouse.Length == 0) problems.Add(new("MissingSetting", "settings.sageWarehouse is required (the Sage warehouse that mirrors the 3PL)"));
        foreach (var (k, v) in s.ReceivingConditions.Where(c => c.Value is not ("damaged" or "over" or "short")))
            problems.Add(new("BadCodeMap", $"codeMaps.receivingConditions.{k} '{v}' must be damaged, over or short"));
        return problems.Count == 0 ? FlowResult<WarehouseSettings>.Ok(s) : FlowResult<WarehouseSettings>.Fail(problems);
    }

    private static AdjustmentDirection? ParseDirection(string v) => v.ToLowerInvariant() switch
    {
        "increase" or "in" or "+" => AdjustmentDirection.Increase,
        "decrease" or "out" or "-" => AdjustmentDirection.Decrease,
        "signed" => AdjustmentDirection.Signed,
        _ => null,
    };

    private static InventoryQuantityKind? ParseKind(string v) =>
        Enum.TryParse<InventoryQuantityKind>(v, ignoreCase: true, out var k) && Enum.IsDefined(k) && !v.All(char.IsAsciiDigit) ? k : null;
}
