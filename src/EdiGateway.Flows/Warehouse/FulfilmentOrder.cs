using System.Collections.Immutable;
using EdiGateway.Flows.Common;

namespace EdiGateway.Flows.Warehouse;

/// <summary>Kind of a Sage sales order line, as far as the warehouse is concerned.</summary>
public enum FulfilmentLineType
{
    /// <summary>A stock item the 3PL picks (Sage EnumLineTypeStandard on a stock product).</summary>
    Stock,
    /// <summary>A product not held at the 3PL (service, drop-ship, gift card).</summary>
    NonStock,
    /// <summary>Free text / memo (EnumLineTypeFreeText or EnumLineTypeComment).</summary>
    FreeText,
    /// <summary>Additional charge (carriage, gift wrap): never sent to the warehouse.</summary>
    Charge,
}

/// <summary>What the 940 asks of the warehouse: a new order, a full replacement, or a cancellation (W0501 N / R / F).</summary>
public enum FulfilmentAction
{
    /// <summary>W0501 N.</summary>
    New,
    /// <summary>W0501 R: replaces the whole order.</summary>
    Change,
    /// <summary>W0501 F.</summary>
    Cancel,
}

/// <summary>Delivery address (940 N1*ST + N3/N4). <paramref name="LocationCode"/> is a code the warehouse knows (an
/// Amazon FC code), sent in N104 with <paramref name="LocationQualifier"/>.</summary>
public sealed record DeliveryAddress(string Name, string? Address1, string? Address2, string? City, string? County, string? PostalCode,
    string? Country, string? LocationCode = null, string LocationQualifier = "92");

/// <summary>Carrier and service (940 W66): freight terms W6601, transport method W6602, service text W6605, SCAC W6610.</summary>
public sealed record CarrierService(string? Scac, string TransportMethod = "M", string PaymentMethod = "PP", string? Service = null);

/// <summary>One Sage order line released for fulfilment, quantity in Sage stock units. <paramref name="CustomerLineNumber"/>
/// is the customer's line (Amazon PO101) when the order came from one.</summary>
public sealed record FulfilmentLine(string LineId, FulfilmentLineType Type, string? ProductCode, decimal Quantity, string? Description = null,
    string? CustomerLineNumber = null);

/// <summary>A Sage sales order released to the 3PL: the input of the 940.</summary>
public sealed record FulfilmentOrder
{
    /// <summary>Sage order number (document_no): W0502, echoed by the 3PL in W0602.</summary>
    public required string OrderNumber { get; init; } // W0502
    /// <summary>Customer PO (customer_document_no without the channel prefix): W0503 and N9*PO.</summary>
    public string? CustomerPurchaseOrder { get; init; } // W0503
    /// <summary>N1*ST.</summary>
    public required DeliveryAddress ShipTo { get; init; } // N1*ST
    /// <summary>G62*10 requested ship date.</summary>
    public required DateOnly RequestedShipDate { get; init; } // G62*10
    /// <summary>G62*02 requested delivery date.</summary>
    public DateOnly? RequestedDeliveryDate { get; init; } // G62*02
    /// <summary>W66.</summary>
    public required CarrierService Carrier { get; init; } // W66
    /// <summary>Lines in Sage order.</summary>
    public required ImmutableArray<FulfilmentLine> Lines { get; init; }
    /// <summary>W0501.</summary>
    public FulfilmentAction Action { get; init; } = FulfilmentAction.New; // W0501
    /// <summary>True for an Amazon Vendor Central order (the 945 then feeds the 855 change and the 856).</summary>
    public bool IsAmazonOrder { get; init; }
}

/// <summary>A line as the 940 sent it (LX01, W01 quantity and unit) with the Sage line it came from: the key the 945 is
/// matched with. The appliance stores it with the order.</summary>
public sealed record SentLine(int LineNumber, string SageLineId, string? ProductCode, string ItemCode, decimal Quantity, string Unit,
    int UnitsPerCase, decimal StockQuantity, bool IsNote, string? CustomerLineNumber);

/// <summary>A Sage line the 940 left out, with why.</summary>
public sealed record OmittedLine(string SageLineId, FulfilmentLineType Type, string Reason);

/// <summary>What was released to the warehouse, as the 945 is matched against it: order, customer PO, Amazon flag and the
/// lines as sent. The appliance stores it with the order.</summary>
public sealed record ReleasedOrder(string OrderNumber, string? CustomerPurchaseOrder, bool IsAmazonOrder, ImmutableArray<SentLine> Lines)
{
    /// <summary>W7601: the sum of the W0101 quantities sent.</summary>
    public decimal TotalQuantity => Lines.Sum(l => l.Quantity);
}

/// <summary>The 940 ready for the outbound gate, what it released, and the Sage lines it left out (with why).</summary>
public sealed record ShippingOrderSent(OutboundDocument Document, ReleasedOrder Released, ImmutableArray<OmittedLine> Omitted,
    ImmutableArray<FlowProblem> Warnings);
