using System.Collections.Immutable;

namespace EdiGateway.Flows.Amazon;

/// <summary>Where the goods leave from (856 N1*SF; Amazon needs ZIP and country).</summary>
public sealed record ShipFrom(string Name, string Address1, string City, string? State, string PostalCode, string Country);

/// <summary>Quantity of one PO line in a carton, in eaches (as the warehouse counts).</summary>
public sealed record CartonItem(string PurchaseOrderNumber, string LineNumber, decimal QuantityEaches);

/// <summary>One carton: its SSCC-18, contents, and the pallet it is on (null for loose cartons).</summary>
public sealed record Carton(string Sscc, ImmutableArray<CartonItem> Items, string? PalletId = null);

/// <summary>One pallet: an id the cartons refer to and its SSCC (optional in North America).</summary>
public sealed record Pallet(string Id, string? Sscc = null);

/// <summary>A despatch to one Amazon FC: the input of the 856. Quantities are eaches; the ASN answers in each PO's basis.</summary>
public sealed record Despatch
{
    /// <summary>BSN02 shipment id (unique over 365 days: the caller's job, AMZ-856-08).</summary>
    public required string ShipmentId { get; init; } // BSN02
    /// <summary>DTM*011 shipped date and time.</summary>
    public required DateTimeOffset ShippedAt { get; init; } // DTM*011
    /// <summary>DTM*017 estimated delivery.</summary>
    public required DateOnly EstimatedDelivery { get; init; } // DTM*017
    /// <summary>TD503 carrier SCAC.</summary>
    public required string CarrierScac { get; init; } // TD503
    /// <summary>REF*CN carrier PRO number.</summary>
    public string? CarrierPro { get; init; } // REF*CN
    /// <summary>REF*BM bill of lading number (unique per shipment: the caller's job).</summary>
    public required string BillOfLading { get; init; } // REF*BM
    /// <summary>True when <see cref="BillOfLading"/> is the physical BOL's number (then the vendor-code rules do not apply).</summary>
    public bool BillOfLadingIsPhysical { get; init; }
    /// <summary>Amazon Reference Number for Collect (FOB01 CC) shipments, sent as REF with the partner's
    /// <c>arnReferenceQualifier</c> ([U]: Amazon's code was not found).</summary>
    public string? AmazonReferenceNumber { get; init; } // REF*<arnReferenceQualifier>
    /// <summary>N1*SF ship-from.</summary>
    public required ShipFrom ShipFrom { get; init; } // N1*SF
    /// <summary>N1*ST FC code.</summary>
    public required string ShipToFc { get; init; } // N1*ST N104
    /// <summary>TD107 gross weight, with <see cref="WeightUnit"/>.</summary>
    public decimal? GrossWeight { get; init; } // TD107
    /// <summary>TD108 weight unit (KG, LB).</summary>
    public string WeightUnit { get; init; } = "KG"; // TD108
    /// <summary>Cartons (P level).</summary>
    public required ImmutableArray<Carton> Cartons { get; init; }
    /// <summary>Pallets (T level); empty for loose cartons (SOPI), otherwise every carton is on one (SOTPI).</summary>
    public ImmutableArray<Pallet> Pallets { get; init; } = [];
}

/// <summary>A PO the despatch ships against: its resolution (units per case), the 855 decision (acknowledged
/// quantities) and what earlier ASNs already shipped (PO101 -> PO units).</summary>
public sealed record ShipmentOrder(ResolvedOrder Order, AcknowledgementDecision Acknowledgement,
    IReadOnlyDictionary<string, decimal>? PreviouslyShipped = null);
