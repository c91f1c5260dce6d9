using System.Collections.Immutable;
using EdiGateway.Flows.Common;

namespace EdiGateway.Flows.Warehouse;

/// <summary>A product qualifier/ID pair as the warehouse sent it (W1207/W1208, W0704/W0705, W1905/W1906, LIN02/LIN03).</summary>
public sealed record ItemId(string Qualifier, string Value);

/// <summary>One W12 of a 945, with what its loop says: LX01, the order line it answers (N9*LI), the carton SSCC (LX/MAN*GM or
/// W12/N9*LV per the profile) and the difference reason (W1219).</summary>
public sealed record ShippedLine
{
    /// <summary>Position of the W12 in the set (1-based), for messages.</summary>
    public required int Ordinal { get; init; }
    /// <summary>LX01.</summary>
    public string? LxNumber { get; init; } // LX01
    /// <summary>W1201 status (CC/CL complete, CP/PR partial, BP partial + backorder, IC cancelled, CM over).</summary>
    public required string Status { get; init; } // W1201
    /// <summary>W1202 quantity ordered.</summary>
    public decimal? Ordered { get; init; } // W1202
    /// <summary>W1203 units shipped.</summary>
    public required decimal Shipped { get; init; } // W1203
    /// <summary>W1204 difference.</summary>
    public decimal? Difference { get; init; } // W1204
    /// <summary>W1205 unit; null = the 940 line's unit (rule 3pl.945.uomDefaultsToOrder).</summary>
    public string? Unit { get; init; } // W1205
    /// <summary>W1206 UPC.</summary>
    public string? Upc { get; init; } // W1206
    /// <summary>W1207/W1208 (and W1217/W1218, W1221/W1222) product ids.</summary>
    public ImmutableArray<ItemId> ProductIds { get; init; } = []; // W1207..
    /// <summary>W1209 lot.</summary>
    public string? Lot { get; init; } // W1209
    /// <summary>W1219 quantity difference reason code.</summary>
    public string? ReasonCode { get; init; } // W1219
    /// <summary>W12/N9*LI: our Sage line id as sent in the 940.</summary>
    public string? OrderLineId { get; init; } // N9*LI
    /// <summary>The carton's SSCC-18 (normalised to 18 digits), when the profile's carriage gave one.</summary>
    public string? Sscc { get; init; } // MAN02 or N902 (LV)
}

/// <summary>A 945 read into the values the despatch plan needs.</summary>
public sealed record ShippingAdvice
{
    /// <summary>W0602: our 940 W0502.</summary>
    public required string OrderNumber { get; init; } // W0602
    /// <summary>W0603 actual ship date (G62*11 when W0603 is empty).</summary>
    public required DateOnly ShipDate { get; init; } // W0603
    /// <summary>W0604 shipment id / BOL (N9*BM when W0604 is empty).</summary>
    public string? BillOfLading { get; init; } // W0604 / N9*BM
    /// <summary>W0605 carrier PRO (N9*CN when empty).</summary>
    public string? CarrierPro { get; init; } // W0605 / N9*CN
    /// <summary>W0606 customer PO.</summary>
    public string? CustomerPurchaseOrder { get; init; } // W0606
    /// <summary>W2702 SCAC.</summary>
    public string? CarrierScac { get; init; } // W2702
    /// <summary>W2701 transport method.</summary>
    public string? TransportMethod { get; init; } // W2701
    /// <summary>Parcel tracking numbers (MAN*CP, N9*2I).</summary>
    public ImmutableArray<string> TrackingNumbers { get; init; } = [];
    /// <summary>W12 lines in order.</summary>
    public required ImmutableArray<ShippedLine> Lines { get; init; }
    /// <summary>What was read but cannot be used (bad SSCC check digit, SSCC in the place the profile does not use).</summary>
    public ImmutableArray<FlowProblem> Problems { get; init; } = [];
}
