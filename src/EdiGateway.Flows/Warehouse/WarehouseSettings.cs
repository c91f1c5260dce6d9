using System.Collections.Immutable;

namespace EdiGateway.Flows.Warehouse;

/// <summary>Where a 3PL puts carton SSCCs in its 945: in the LX loop as <c>MAN*GM</c>, or under each W12 as <c>N9*LV</c>.</summary>
public enum SsccSource
{
    /// <summary>LX/MAN, MAN01 = GM (setting value <c>MAN</c>).</summary>
    Man,
    /// <summary>W12/N9, N901 = LV (setting value <c>LV</c> or <c>N9</c>).</summary>
    N9Lv,
}

/// <summary>What the 940 does with a sales order line the warehouse does not pick from stock (memo, non-stock).</summary>
public enum LineRule
{
    /// <summary>Left out of the 940 (it stays on the Sage order).</summary>
    Omit,
    /// <summary>Sent as an LX/W01 line with a G69 description and an NTE note, so the packer sees it.</summary>
    Note,
}

/// <summary>Which way a 947 reason moves stock (code map <c>adjustmentDirections</c>).</summary>
public enum AdjustmentDirection
{
    /// <summary>Always adds stock (W1902 taken as a magnitude; a negative W1902 is a conflict).</summary>
    Increase,
    /// <summary>Always removes stock (W1902 taken as a magnitude, whatever its sign).</summary>
    Decrease,
    /// <summary>W1902's own sign decides (X12 477 credit/debit quantity: negative = debit).</summary>
    Signed,
}

/// <summary>Which 846 quantity a QTY01 code carries (code map <c>inventoryQuantities</c>).</summary>
public enum InventoryQuantityKind
{
    /// <summary>Physically on hand.</summary>
    OnHand,
    /// <summary>Available to ship.</summary>
    Available,
    /// <summary>On hold.</summary>
    Hold,
    /// <summary>Damaged or unusable.</summary>
    Damaged,
    /// <summary>On order / inbound.</summary>
    Inbound,
}

/// <summary>Every 3PL partner-profile setting and code map the warehouse flows read, with defaults. The [S]/[U] points
/// of the 3PL reference (SSCC carriage, reason codes, QTY01 meanings) live here so a 3PL changes them without code.</summary>
public sealed partial record WarehouseSettings
{
    /// <summary><c>sageWarehouse</c>: the Sage 200 warehouse that mirrors this 3PL's stock (required).</summary>
    public string SageWarehouse { get; init; } = "";
    /// <summary><c>ssccSource</c>: MAN (LX/MAN*GM) or LV (W12/N9*LV).</summary>
    public SsccSource SsccSource { get; init; } = SsccSource.Man;
    /// <summary><c>stockDriftThresholdUnits</c>: |drift| above this many units is a parity exception.</summary>
    public decimal? DriftThresholdUnits { get; init; }
    /// <summary><c>stockDriftThresholdPercent</c>: |drift| above this percent of Sage in-stock is a parity exception. When both
    /// thresholds are set a drift must exceed both (the units floor keeps small SKUs quiet, the percent keeps big ones quiet).</summary>
    public decimal? DriftThresholdPercent { get; init; }
    /// <summary><c>nonStockLines</c>: omit or note.</summary>
    public LineRule NonStockLines { get; init; } = LineRule.Omit;
    /// <summary><c>memoLines</c>: omit or note (free-text lines).</summary>
    public LineRule MemoLines { get; init; } = LineRule.Omit;
    /// <summary><c>memoItemCode</c>: the W0105 item id a memo line is sent under when <see cref="MemoLines"/> is note.</summary>
    public string MemoItemCode { get; init; } = "MEMO";
    /// <summary><c>warehouseUnit</c>: EA (eaches) or CA (whole cases of the item's unitsPerCase) on 940/943 lines.</summary>
    public string WarehouseUnit { get; init; } = "EA";
    /// <summary><c>productQualifier</c>: the W01/W04 qualifier the warehouse SKU is sent under (default VN).</summary>
    public string ProductQualifier { get; init; } = "VN";
    /// <summary><c>warehouseId</c> / <c>warehouseName</c>: N1*WH (N103 ZZ, N104 id).</summary>
    public string? WarehouseId { get; init; }
    /// <summary><c>warehouseName</c>: N1*WH N102.</summary>
    public string? WarehouseName { get; init; }
    /// <summary><c>shipFromName</c>: N1*SF N102 on the 940 (the name printed as sender on labels).</summary>
    public string? ShipFromName { get; init; }
    /// <summary><c>parityQuantity</c>: which 846 quantity is compared with Sage in-stock (default onHand).</summary>
    public InventoryQuantityKind ParityQuantity { get; init; } = InventoryQuantityKind.OnHand;
    /// <summary>Code map <c>adjustmentReasons</c>: W1901 -> Sage adjustment reason.</summary>
    public ImmutableDictionary<string, string> AdjustmentReasons { get; init; } = ImmutableDictionary<string, string>.Empty;
    /// <summary>Code map <c>adjustmentDirections</c>: W1901 -> increase | decrease | signed.</summary>
    public ImmutableDictionary<string, AdjustmentDirection> AdjustmentDirections { get; init; } = ImmutableDictionary<string, AdjustmentDirection>.Empty;
    /// <summary>Code map <c>inventoryQuantities</c>: QTY01 -> onHand | available | hold | damaged | inbound.</summary>
    public ImmutableDictionary<string, InventoryQuantityKind> InventoryQuantities { get; init; } = DefaultInventoryQuantities;
    /// <summary>Code map <c>warehouses</c>: the 3PL's N1*WH N104 -> Sage warehouse (unmapped = <see cref="SageWarehouse"/>).</summary>
    public ImmutableDictionary<string, string> Warehouses { get; init; } = ImmutableDictionary<string, string>.Empty;
    /// <summary>Code map <c>receivingConditions</c>: 944 W1303 -> damaged | over | short (unmapped = damaged).</summary>
    public ImmutableDictionary<string, string> ReceivingConditions { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>QTY01 meanings used when the profile has no <c>inventoryQuantities</c> map (the 3PL guide's common codes).</summary>
    public static ImmutableDictionary<string, InventoryQuantityKind> DefaultInventoryQuantities { get; } = new Dictionary<string, InventoryQuantityKind>
    {
        ["17"] = InventoryQuantityKind.OnHand, ["33"] = InventoryQuantityKind.Available, ["QH"] = InventoryQuantityKind.Hold,
        ["20"] = InventoryQuantityKind.Damaged, ["63"] = InventoryQuantityKind.Inbound,
    }.ToImmutableDictionary(StringComparer.Ordinal);

    /// <summary>The Sage warehouse for the 3PL's warehouse id (N1*WH N104), or the default one.</summary>
    public string SageWarehouseFor(string? threePlWarehouseId) =>
        threePlWarehouseId is not null && Warehouses.TryGetValue(threePlWarehouseId, out var w) ? w : SageWarehouse;
}
