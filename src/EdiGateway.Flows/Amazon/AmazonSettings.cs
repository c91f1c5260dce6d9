using System.Collections.Immutable;

namespace EdiGateway.Flows.Amazon;

/// <summary>How PO104 is read on a case (CA) line: Amazon's guide leaves it open ([U]), so it is a partner setting.</summary>
public enum CasePriceBasis
{
    /// <summary>PO104 is the cost of one case; the price per each is PO104 / case size.</summary>
    PerCase,
    /// <summary>PO104 is the cost of one each even on CA lines; a case costs PO104 x case size.</summary>
    PerEach,
}

/// <summary>Every Amazon partner-profile setting the flows read, with defaults. The [S]/[U] items of the Amazon
/// reference live here (and in the code maps) so a partner can change them without code.</summary>
public sealed partial record AmazonSettings
{
    /// <summary><c>vendorCode</c>: Amazon vendor code; BOL numbers start with it (AMZ-856-05).</summary>
    public string VendorCode { get; init; } = "";
    /// <summary><c>orderNumberPrefix</c> (or <c>channelPrefix</c> + "-"): Sage customer_document_no prefix.</summary>
    public string OrderNumberPrefix { get; init; } = "AMZ-";
    /// <summary><c>priceTolerancePercent</c>: Amazon cost vs Sage price, beyond which a warning is raised.</summary>
    public decimal PriceTolerancePercent { get; init; } = 2m;
    /// <summary><c>casePriceBasis</c>: perCase or perEach ([U] PO104 basis on CA lines).</summary>
    public CasePriceBasis CasePriceBasis { get; init; } = CasePriceBasis.PerCase;
    /// <summary><c>itemQualifierPriority</c>: product qualifiers tried in order against the cross-reference.</summary>
    public ImmutableArray<string> ItemQualifierPriority { get; init; } = ["BP", "VN", "UP", "EN", "UK", "UA", "IB"];
    /// <summary><c>itemColumn.&lt;qualifier&gt;</c> / <c>itemColumn.sageProductCode</c> / <c>itemColumn.caseSize</c>: cross-reference column names.</summary>
    public ImmutableDictionary<string, string> ItemColumns { get; init; } = DefaultItemColumns;
    /// <summary><c>shipToColumn.*</c>: ship-to table column names (fcCode, sageAccount, name, addressLine1..4, city, county, postcode, country).</summary>
    public ImmutableDictionary<string, string> ShipToColumns { get; init; } = DefaultShipToColumns;
    /// <summary><c>leadTimeDays</c>: days from acknowledgement to scheduled ship (ACK 068) for stock on hand.</summary>
    public int LeadTimeDays { get; init; } = 2;
    /// <summary><c>backorderLeadTimeDays</c>: days to the scheduled ship date of a backordered quantity.</summary>
    public int BackorderLeadTimeDays { get; init; } = 14;
    /// <summary><c>partialAsTwoAcks</c>: a partial line goes as IA + IB (true) or as one BP status (false) ([U]).</summary>
    public bool PartialAsTwoAcks { get; init; } = true;
    /// <summary><c>ackChangeWindowHours</c>: hours after the first 855 in which quantity/price changes may still go (AMZ-855-03).</summary>
    public int AckChangeWindowHours { get; init; } = 48;
    /// <summary><c>currency</c>: CUR02 on the 810 and the currency of all amounts.</summary>
    public string Currency { get; init; } = "USD";
    /// <summary><c>remitTo.name</c>, <c>remitTo.address1</c>, <c>remitTo.city</c>, <c>remitTo.state</c>, <c>remitTo.postcode</c>, <c>remitTo.country</c>: 810 N1*RI.</summary>
    public RemitTo? RemitTo { get; init; }
    /// <summary><c>terms.type</c>, <c>terms.netDays</c>, <c>terms.discountPercent</c>, <c>terms.discountDays</c>: 810 ITD, the agreed terms.</summary>
    public PaymentTerms Terms { get; init; } = new("01", "3", null, null, 60);
    /// <summary><c>bolMinLength</c>: minimum BOL length when it is not the physical BOL (AMZ-856-05).</summary>
    public int BolMinLength { get; init; } = 8;
    /// <summary><c>arnReferenceQualifier</c>: REF01 carrying the ARN on Collect shipments ([U]; required to ship Collect POs).</summary>
    public string? ArnReferenceQualifier { get; init; }
    /// <summary><c>gs1CompanyPrefix</c>: for SSCCs the gateway generates.</summary>
    public string? Gs1CompanyPrefix { get; init; }
    /// <summary><c>clearingBank</c>: Sage bank account code receiving Amazon remittances.</summary>
    public string ClearingBank { get; init; } = "";
    /// <summary><c>adxNettedInRmr</c>: true when ADX inside an RMR loop is already netted into RMR04 ([S] per partner).</summary>
    public bool AdxNettedInRmr { get; init; } = true;
    /// <summary>Code map <c>deductionNominals</c>: deduction kind (shortage, chargeback, priceProtection, coop, provision,
    /// discount, adjustment) -> Sage nominal code.</summary>
    public ImmutableDictionary<string, string> DeductionNominals { get; init; } = ImmutableDictionary<string, string>.Empty;
    /// <summary>Code map <c>adjustmentReasons</c>: ADX02 reason code -> deduction kind ([U] Amazon's list was not found).</summary>
    public ImmutableDictionary<string, string> AdjustmentReasons { get; init; } = ImmutableDictionary<string, string>.Empty;
    /// <summary>Code map <c>invoiceCharges</c>: Sage charge/allowance type (Freight, Discount...) -> SAC02 code ([U]).</summary>
    public ImmutableDictionary<string, string> ChargeCodes { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>Default item cross-reference columns: product qualifier -> column, plus sageProductCode and caseSize.</summary>
    public static ImmutableDictionary<string, string> DefaultItemColumns { get; } = new Dictionary<string, string>
    {
        ["BP"] = "asin", ["VN"] = "vendorSku", ["UP"] = "upc", ["EN"] = "ean", ["UK"] = "gtin14", ["UA"] = "gtin14", ["IB"] = "isbn",
        ["sageProductCode"] = "sageProductCode", ["caseSize"] = "caseSize",
    }.ToImmutableDictionary(StringComparer.Ordinal);

    /// <summary>Default ship-to columns.</summary>
    public static ImmutableDictionary<string, string> DefaultShipToColumns { get; } = new Dictionary<string, string>
    {
        ["fcCode"] = "fcCode", ["sageAccount"] = "sageAccount", ["name"] = "name", ["addressLine1"] = "addressLine1",
        ["addressLine2"] = "addressLine2", ["addressLine3"] = "addressLine3", ["addressLine4"] = "addressLine4", ["city"] = "city",
        ["county"] = "county", ["postcode"] = "postcode", ["country"] = "country", ["contact"] = "contact",
    }.ToImmutableDictionary(StringComparer.Ordinal);
}

/// <summary>810 remit-to party (N1*RI with N3/N4).</summary>
public sealed record RemitTo(string Name, string Address1, string City, string? State, string PostalCode, string Country);

/// <summary>810 ITD terms: type, basis date code, discount percent/days, net days.</summary>
public sealed record PaymentTerms(string Type, string BasisDate, decimal? DiscountPercent, int? DiscountDays, int NetDays);
