using System.Collections.Immutable;

namespace EdiGateway.Flows.Amazon;

/// <summary>A product qualifier/ID pair as Amazon sent it (PO106/PO107...): BP = ASIN, VN vendor SKU, UP UPC, EN EAN,
/// UK/UA GTIN-14, IB ISBN. Echoed unchanged in 855/856/810 (AMZ-855-05, AMZ-810-05).</summary>
public sealed record ProductIdentifier(string Qualifier, string Value);

/// <summary>Amazon's delivery window (DTM 064 do not deliver before, DTM 063 do not deliver after).</summary>
public sealed record DeliveryWindow(DateOnly? NotBefore, DateOnly? NotAfter);

/// <summary>Ordering unit of an Amazon line (PO103).</summary>
public static class AmazonUnits
{
    /// <summary>Each.</summary>
    public const string Each = "EA";
    /// <summary>Case.</summary>
    public const string Case = "CA";
}

/// <summary>An Amazon Vendor Central purchase order read from an 850: the domain value every other rule starts from.</summary>
public sealed record PurchaseOrder
{
    /// <summary>BEG03 purchase order number.</summary>
    public required string Number { get; init; } // BEG03
    /// <summary>BEG02 order type: NE new, CN consigned, NP new product, RO rush.</summary>
    public required string OrderType { get; init; } // BEG02
    /// <summary>BEG01 purpose (00 original).</summary>
    public string Purpose { get; init; } = "00"; // BEG01
    /// <summary>BEG05 purchase order date.</summary>
    public required DateOnly OrderDate { get; init; } // BEG05
    /// <summary>N1*ST N104: the Amazon fulfilment centre code.</summary>
    public required string ShipToFc { get; init; } // N104 where N101 = ST
    /// <summary>CSH01 = Y: a backorder is allowed when out of stock (AMZ-855-08).</summary>
    public required bool BackorderAllowed { get; init; } // CSH01
    /// <summary>DTM 064/063 delivery window.</summary>
    public required DeliveryWindow DeliveryWindow { get; init; } // DTM01 064 / 063
    /// <summary>FOB01 shipment method of payment (PP prepaid, CC collect...).</summary>
    public string? PaymentMethod { get; init; } // FOB01
    /// <summary>REF*CR / REF*PD values by qualifier.</summary>
    public ImmutableDictionary<string, string> References { get; init; } = ImmutableDictionary<string, string>.Empty; // REF01/REF02
    /// <summary>PO1 lines in order.</summary>
    public required ImmutableArray<PurchaseOrderLine> Lines { get; init; } // PO1 loop

    /// <summary>The line with PO101 = <paramref name="lineNumber"/>, or null.</summary>
    public PurchaseOrderLine? Line(string lineNumber) => Lines.FirstOrDefault(l => l.LineNumber == lineNumber);
}

/// <summary>One PO1 line as Amazon sent it (partner basis: EA or CA).</summary>
public sealed record PurchaseOrderLine
{
    /// <summary>PO101 line number: echoed in 855/856/810.</summary>
    public required string LineNumber { get; init; } // PO101
    /// <summary>PO102 quantity in <see cref="Unit"/>.</summary>
    public required decimal Quantity { get; init; } // PO102
    /// <summary>PO103 unit: EA or CA.</summary>
    public required string Unit { get; init; } // PO103
    /// <summary>PO104 unit cost as sent (per each or per case, see <see cref="AmazonSettings.CasePriceBasis"/>).</summary>
    public required decimal UnitCost { get; init; } // PO104
    /// <summary>PO105 price basis (PE price per each, RE retail price per each...), empty when not sent.</summary>
    public string PriceBasis { get; init; } = ""; // PO105
    /// <summary>PO106.. product qualifier/ID pairs in the order sent.</summary>
    public required ImmutableArray<ProductIdentifier> ProductIds { get; init; } // PO106..PO125
    /// <summary>PO401 pack: units per case, when sent.</summary>
    public int? UnitsPerCase { get; init; } // PO401

    /// <summary>The ID with qualifier <paramref name="qualifier"/>, or null.</summary>
    public string? Id(string qualifier) => ProductIds.FirstOrDefault(p => p.Qualifier == qualifier)?.Value;

    /// <summary>The first identifier (what a person would quote: "ASIN B0..." or "VN SKU-1").</summary>
    public string Describe() => ProductIds.IsDefaultOrEmpty ? $"line {LineNumber}" : $"{ProductIds[0].Qualifier} {ProductIds[0].Value}";
}
