namespace EdiGateway.Edi.Validation.Rules;

/// <summary>The named rules the engine ships: those of the generic 3PL guide that can be checked from the set alone.
/// Not built in (they need the 3PL profile or earlier documents, so the appliance registers them): 3pl.846.qtyMapping,
/// 3pl.944.matchesAdvice, 3pl.945.matchesOrder, 3pl.945.ssccCarriage, 3pl.947.adjustmentUnique.</summary>
public static class BuiltInRules
{
    /// <summary>One instance of each built-in rule (rules are stateless and thread-safe).</summary>
    public static IReadOnlyList<IX12NamedRule> All { get; } =
    [
        new ThreePl940RequestedDates(),
        new ThreePl940ShipToPresent(),
        new ThreePl940LineNumbersUnique(),
        new ThreePl944TotalsReconcile(),
        new ThreePl945TotalsReconcile(),
        new ThreePl945CarrierPresent(),
        new ThreePl945UomDefaultsToOrder(),
        new ThreePl945ShippedNotAboveOrdered(),
        new ThreePl945DifferenceConsistent(),
        new ThreePl846OneSnapshotPerWarehouse(),
        new ThreePl947WarehousePresent(),
        new ThreePl947SignByReason(),
    ];
}
