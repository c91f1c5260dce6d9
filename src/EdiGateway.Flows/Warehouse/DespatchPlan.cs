using System.Collections.Immutable;
using EdiGateway.Flows.Common;

namespace EdiGateway.Flows.Warehouse;

/// <summary>A Sage order line open for despatch (GET /sop_confirm_despatch item: id, item_code, outstanding_quantity), stock units.</summary>
public sealed record DespatchableLine(string LineId, string ProductCode, decimal OutstandingQuantity);

/// <summary>One order line's despatch: what the 940 asked, what the 945 says shipped (W1203) and what is short, in Sage
/// stock units. Backordered = the 3PL keeps the short quantity on backorder (W1201 BP), so the Sage line stays open.</summary>
public sealed record DespatchLine(string SageLineId, string ProductCode, decimal Ordered, decimal Despatched, decimal Short, bool Backordered,
    string? ShortReason, string? CustomerLineNumber)
{
    /// <summary>True when less than ordered shipped.</summary>
    public bool IsShort => Short > 0;
}

/// <summary>A Sage line change a short-ship implies: the short quantity the 3PL will not ship (not backordered) comes off the line.</summary>
public sealed record SalesLineUpdate(string SageLineId, string ProductCode, decimal ReduceBy, string Reason);

/// <summary>A 945 line (or order line) Sage cannot record, with why in plain words: never reported as done.</summary>
public sealed record UnpostableLine(string Code, string Message, string? SageLineId, int? W12Ordinal);

/// <summary>One item in a carton, stock units.</summary>
public sealed record CartonContent(string SageLineId, string ProductCode, decimal Quantity, string? CustomerLineNumber);

/// <summary>A carton the 3PL shipped: its SSCC-18 (null when the 945 gave none or a bad one) and contents.</summary>
public sealed record ShippedCarton(string? Sscc, ImmutableArray<CartonContent> Contents);

/// <summary>Rule 2/6: what Sage should record for a 945. <see cref="Lines"/> post as one despatch
/// (POST /sop_confirm_despatch items = lines with Despatched &gt; 0); <see cref="Unpostable"/> lines are not in it and are
/// queued; the 3PL is told nothing is done until Sage has recorded the rest.</summary>
public sealed record DespatchPlan
{
    /// <summary>Sage order number (W0602).</summary>
    public required string OrderNumber { get; init; }
    /// <summary>despatch_receipt_date.</summary>
    public required DateOnly ShipDate { get; init; }
    /// <summary>Carrier SCAC (W2702): tracking_items courier.</summary>
    public string? CarrierScac { get; init; }
    /// <summary>BOL (W0604 / N9*BM): tracking_items consignment_no.</summary>
    public string? BillOfLading { get; init; }
    /// <summary>Carrier PRO (W0605 / N9*CN).</summary>
    public string? CarrierPro { get; init; }
    /// <summary>Parcel tracking numbers.</summary>
    public ImmutableArray<string> TrackingNumbers { get; init; } = [];
    /// <summary>Lines Sage can record.</summary>
    public required ImmutableArray<DespatchLine> Lines { get; init; }
    /// <summary>Line quantity reductions for shorts that will not follow.</summary>
    public required ImmutableArray<SalesLineUpdate> LineUpdates { get; init; }
    /// <summary>What cannot post, with reasons.</summary>
    public required ImmutableArray<UnpostableLine> Unpostable { get; init; }
    /// <summary>Cartons with their contents (postable lines only).</summary>
    public required ImmutableArray<ShippedCarton> Cartons { get; init; }
    /// <summary>Document-level problems (bad SSCC, SSCC carriage): they do not stop the Sage despatch, they stop the Amazon 856.</summary>
    public ImmutableArray<FlowProblem> Problems { get; init; } = [];
    /// <summary>Amazon orders: what shipped against each PO line and the cartons, for the 855 change and the 856; null otherwise
    /// or when the plan is not complete (an 856 never reports what Sage has not recorded).</summary>
    public AmazonShipmentUpdate? Amazon { get; init; }

    /// <summary>True when every 945 line can post: only then may the caller report the 945 as fully processed.</summary>
    public bool IsComplete => Unpostable.IsEmpty;
    /// <summary>True when some line shipped less than ordered.</summary>
    public bool HasShortages => Lines.Any(l => l.IsShort);
}
