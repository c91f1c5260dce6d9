using System.Collections.Immutable;

namespace EdiGateway.Flows.Warehouse;

/// <summary>Sage stock of one product in one warehouse, stock units (warehouse_holdings quantity_in_stock, quantity_allocated).</summary>
public sealed record SageStockHolding(string ProductCode, string Warehouse, decimal InStock, decimal Allocated);

/// <summary>How a product's 3PL count compares with Sage.</summary>
public enum ParityStatus
{
    /// <summary>Drift zero.</summary>
    InStep,
    /// <summary>Drift not above the threshold.</summary>
    WithinThreshold,
    /// <summary>Drift above the threshold: a parity exception.</summary>
    Exception,
}

/// <summary>Why a parity exception was raised.</summary>
public enum ParityExceptionKind
{
    /// <summary>3PL and Sage differ by more than the threshold.</summary>
    Drift,
    /// <summary>The 3PL reports stock of a SKU the item table does not know.</summary>
    UnknownSku,
}

/// <summary>One product in one warehouse: 3PL quantity (the profile's parityQuantity, on hand by default) vs Sage in-stock and
/// allocations. Drift = 3PL - Sage in-stock. <see cref="Reported"/> is false for Sage stock the 846 did not mention (3PL = 0).</summary>
public sealed record ParityLine(string WarehouseSku, string ProductCode, string Warehouse, decimal ThreePlQuantity, decimal? ThreePlAvailable,
    decimal SageInStock, decimal SageAllocated, bool Reported, ParityStatus Status)
{
    /// <summary>3PL - Sage in-stock (positive: the 3PL holds more than Sage thinks).</summary>
    public decimal Drift => ThreePlQuantity - SageInStock;
    /// <summary>Sage in-stock - allocated.</summary>
    public decimal SageFree => SageInStock - SageAllocated;
    /// <summary>Drift as a percent of Sage in-stock (null when Sage has none).</summary>
    public decimal? DriftPercent => SageInStock == 0 ? null : decimal.Round(Drift * 100m / Math.Abs(SageInStock), 2, MidpointRounding.AwayFromZero);
}

/// <summary>A parity exception the appliance queues: what, where, how far apart, as of when.</summary>
public sealed record ParityException(ParityExceptionKind Kind, string WarehouseSku, string? ProductCode, string Warehouse, decimal ThreePlQuantity,
    decimal SageInStock, DateOnly AsOf, string Message)
{
    /// <summary>3PL - Sage in-stock.</summary>
    public decimal Drift => ThreePlQuantity - SageInStock;
}

/// <summary>Rule 5: the stock parity report of one 846, a value the appliance stores per (3PL, warehouse, as-of) so drift can be
/// plotted over time. <see cref="Exceptions"/> are the records to queue.</summary>
public sealed record StockParityReport(string Reference, DateOnly AsOf, TimeOnly? AsOfTime, ImmutableArray<ParityLine> Lines,
    ImmutableArray<ParityException> Exceptions, ImmutableArray<Common.FlowProblem> Warnings)
{
    /// <summary>Sum of |drift| over the lines: one number per snapshot for the trend chart.</summary>
    public decimal AbsoluteDrift => Lines.Sum(l => Math.Abs(l.Drift));
    /// <summary>Lines whose drift is not zero.</summary>
    public int DriftingLines => Lines.Count(l => l.Drift != 0);
}
