using System.Collections.Immutable;

namespace EdiGateway.Flows.Amazon;

/// <summary>Stock of one Sage product in eaches: on hand minus allocated is what may be promised (not Sage's
/// free_stock_quantity, which leaves out warehouses and reservations the business counts differently).</summary>
public sealed record StockPosition(decimal OnHand, decimal Allocated)
{
    /// <summary>On hand minus allocated, never below zero.</summary>
    public decimal Available => Math.Max(0, OnHand - Allocated);
}

/// <summary>One ACK segment: status, quantity in the PO's unit, scheduled ship date (068).</summary>
public sealed record AckStatus(string Code, decimal Quantity, string Unit, DateOnly? ScheduledShip); // ACK01, ACK02, ACK03, ACK04=068/ACK05

/// <summary>The acknowledgement of one PO line: echoes the 850 line (number, quantity, unit, cost, IDs) with its statuses.</summary>
/// <param name="Ordered">The 850 line.</param>
/// <param name="UnitCost">PO104 acknowledged: the cost that will be invoiced (AMZ-855-06).</param>
/// <param name="Statuses">ACK segments.</param>
/// <param name="Reason">Why a line is rejected or reduced, in words (for people; not sent).</param>
public sealed record LineAcknowledgement(PurchaseOrderLine Ordered, decimal UnitCost, ImmutableArray<AckStatus> Statuses, string? Reason = null)
{
    /// <summary>PO101.</summary>
    public string LineNumber => Ordered.LineNumber;
    /// <summary>Quantity accepted to ship now (IA, IQ, BP), in the PO's unit.</summary>
    public decimal AcceptedQuantity => Statuses.Where(s => s.Code is AckCodes.Accepted or AckCodes.QuantityChanged or AckCodes.PartialBackordered).Sum(s => s.Quantity);
    /// <summary>Quantity backordered (IB), in the PO's unit.</summary>
    public decimal BackorderedQuantity => Statuses.Where(s => s.Code == AckCodes.Backordered).Sum(s => s.Quantity);
    /// <summary>True when every status is a rejection.</summary>
    public bool IsRejected => Statuses.Length > 0 && Statuses.All(s => AckCodes.IsRejection(s.Code));
    /// <summary>True when the whole ordered quantity is accepted as is.</summary>
    public bool IsAcceptedUnchanged => Statuses.Length == 1 && Statuses[0].Code == AckCodes.Accepted && Statuses[0].Quantity == Ordered.Quantity;
}

/// <summary>Rule 5: the decision behind an 855, one entry per 850 line, in PO order.</summary>
public sealed record AcknowledgementDecision(string PurchaseOrderNumber, DateOnly AcknowledgementDate, bool BackorderAllowed,
    ImmutableArray<LineAcknowledgement> Lines)
{
    /// <summary>BAK02: AD when every line is accepted unchanged, else AC (acknowledge with detail and change).</summary>
    public string AckType => Lines.All(l => l.IsAcceptedUnchanged) ? "AD" : "AC";

    /// <summary>The line for PO101, or null.</summary>
    public LineAcknowledgement? Line(string lineNumber) => Lines.FirstOrDefault(l => l.LineNumber == lineNumber);

    /// <summary>Eaches accepted per PO101 (for the Sage order quantities).</summary>
    public IReadOnlyDictionary<string, decimal> AcceptedEaches(ResolvedOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return Lines.Where(l => order.Line(l.LineNumber) is not null)
            .ToDictionary(l => l.LineNumber, l => (l.AcceptedQuantity + l.BackorderedQuantity) * order.Line(l.LineNumber)!.UnitsPerCase, StringComparer.Ordinal);
    }
}
