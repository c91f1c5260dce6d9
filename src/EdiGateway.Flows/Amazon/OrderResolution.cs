using System.Collections.Immutable;
using EdiGateway.Flows.Common;

namespace EdiGateway.Flows.Amazon;

/// <summary>855 line status codes (ACK01) the flow uses ([U] list; the guide overlay checks the codes sent).</summary>
public static class AckCodes
{
    /// <summary>Accepted.</summary>
    public const string Accepted = "IA";
    /// <summary>Backordered.</summary>
    public const string Backordered = "IB";
    /// <summary>Accepted, quantity changed.</summary>
    public const string QuantityChanged = "IQ";
    /// <summary>Accepted, partial ship, balance backordered (single-status form).</summary>
    public const string PartialBackordered = "BP";
    /// <summary>Rejected (e.g. temporarily unavailable, no backorder allowed).</summary>
    public const string Rejected = "IR";
    /// <summary>Rejected, invalid product number.</summary>
    public const string InvalidProduct = "R2";
    /// <summary>Rejected, invalid unit of issue.</summary>
    public const string InvalidUnit = "R3";

    /// <summary>True for the rejection codes (a rejected line never becomes accepted again, AMZ-855-09).</summary>
    public static bool IsRejection(string code) => code is Rejected or InvalidProduct or InvalidUnit;
}

/// <summary>A PO line matched to a Sage product, with Amazon's basis kept (unit, case size, cost as sent) and the
/// Sage basis derived (eaches, price per each).</summary>
public sealed record ResolvedLine
{
    /// <summary>The line as Amazon sent it.</summary>
    public required PurchaseOrderLine Ordered { get; init; }
    /// <summary>Sage product code from the cross-reference.</summary>
    public required string SageProductCode { get; init; }
    /// <summary>Units per case used (1 on EA lines).</summary>
    public required int UnitsPerCase { get; init; }
    /// <summary>Ordered quantity in eaches (PO102 x units per case on CA lines).</summary>
    public required decimal QuantityEaches { get; init; }
    /// <summary>Exact cost of one each (no rounding).</summary>
    public required decimal CostPerEach { get; init; }
    /// <summary>Cost of one PO unit (one each on EA lines, one case on CA lines).</summary>
    public required decimal CostPerOrderUnit { get; init; }
    /// <summary>Amazon's line value: PO102 x cost per PO unit, at the penny.</summary>
    public required decimal LineTotal { get; init; }
    /// <summary>Sage selling_unit_price per each (5 dp) chosen so that eaches x price ties to <see cref="LineTotal"/>.</summary>
    public required decimal SellingUnitPrice { get; init; }

    /// <summary>PO101.</summary>
    public string LineNumber => Ordered.LineNumber;
    /// <summary>The cost the 855 acknowledges and the 810 invoices: PO104 as sent (same basis, AMZ-855-06).</summary>
    public decimal AcknowledgedUnitCost => Ordered.UnitCost;
    /// <summary>Eaches -> PO units (cases on CA lines); null when not a whole number of PO units.</summary>
    public decimal? ToOrderUnits(decimal eaches) => eaches % UnitsPerCase == 0 ? eaches / UnitsPerCase : null;
}

/// <summary>A PO line that cannot be supplied as ordered, with its 855 code and a plain-words reason. Never dropped:
/// it is acknowledged as rejected (AMZ-855-02).</summary>
public sealed record RejectedLine(PurchaseOrderLine Ordered, string AckCode, string Reason)
{
    /// <summary>PO101.</summary>
    public string LineNumber => Ordered.LineNumber;
}

/// <summary>A PO resolved against the partner's tables: Sage account and address, lines resolved or rejected, warnings
/// (price mismatches, case size disagreements, rounding) that do not stop the order.</summary>
public sealed record ResolvedOrder(PurchaseOrder Order, ShipToAccount ShipTo, ImmutableArray<ResolvedLine> Lines,
    ImmutableArray<RejectedLine> Rejected, ImmutableArray<FlowProblem> Warnings)
{
    /// <summary>The resolved line with PO101 = <paramref name="lineNumber"/>, or null.</summary>
    public ResolvedLine? Line(string lineNumber) => Lines.FirstOrDefault(l => l.LineNumber == lineNumber);
}
