using System.Collections.Immutable;
using System.Text.Json.Serialization;
using EdiGateway.Flows.Common;

namespace EdiGateway.Flows.Amazon;

/// <summary>Sage 200 field limits the drafts respect (reference section 6).</summary>
public static class SageLimits
{
    /// <summary>sop_order.customer_document_no.</summary>
    public const int CustomerDocumentNo = 30;
    /// <summary>postal_name.</summary>
    public const int PostalName = 60;
    /// <summary>address_1..4, city, county, country.</summary>
    public const int AddressLine = 60;
    /// <summary>postcode.</summary>
    public const int Postcode = 10;
    /// <summary>address contact.</summary>
    public const int Contact = 235;
    /// <summary>product code.</summary>
    public const int ProductCode = 30;
    /// <summary>despatch_note_comment.</summary>
    public const int DespatchNoteComment = 160;
    /// <summary>ledger reference / second_reference.</summary>
    public const int LedgerReference = 20;
}

/// <summary>A Sage 200 <c>POST /sop_orders</c> body, named field for field; the connector resolves the three lookups
/// it holds as codes (customer reference -> customer_id, product code -> product_id, warehouse) and posts it.</summary>
public sealed record SageSalesOrderDraft
{
    /// <summary>Customer account reference (resolve to customer_id: GET /customers?$filter=reference eq '...').</summary>
    [JsonIgnore] public string CustomerReference { get; init; } = "";
    /// <summary>"AMZ-" + PO number: the idempotency key of the order (max 30).</summary>
    [JsonPropertyName("customer_document_no")] public required string CustomerDocumentNo { get; init; }
    /// <summary>PO date, as Sage date-time (midnight UTC).</summary>
    [JsonPropertyName("document_date")] public required DateTimeOffset DocumentDate { get; init; }
    /// <summary>Delivery window end (DTM 063), else its start.</summary>
    [JsonPropertyName("requested_delivery_date")] public DateTimeOffset? RequestedDeliveryDate { get; init; }
    /// <summary>Always false: the FC address is the delivery address.</summary>
    [JsonPropertyName("use_invoice_address")] public bool UseInvoiceAddress { get; init; }
    /// <summary>FC delivery address.</summary>
    [JsonPropertyName("delivery_address")] public required SageAddressDraft DeliveryAddress { get; init; }
    /// <summary>Channel code.</summary>
    [JsonPropertyName("analysis_code_1")] public string AnalysisCode1 { get; init; } = "AMAZON_VC";
    /// <summary>Keep lines in PO order.</summary>
    [JsonPropertyName("is_to_sequence_lines")] public bool IsToSequenceLines { get; init; } = true;
    /// <summary>Standard lines in eaches.</summary>
    [JsonPropertyName("lines")] public required ImmutableArray<SageOrderLineDraft> Lines { get; init; }
    /// <summary>Values that were cut to fit a Sage limit (the order is flagged, not refused).</summary>
    [JsonIgnore] public ImmutableArray<FlowProblem> Warnings { get; init; } = [];

    /// <summary>Net order value at the penny, as Sage will compute it from the lines.</summary>
    [JsonIgnore] public decimal TotalNet => Lines.Sum(l => Money.Penny(l.LineQuantity * l.SellingUnitPrice));
}

/// <summary>Sage <c>delivery_address</c>.</summary>
public sealed record SageAddressDraft(
    [property: JsonPropertyName("postal_name")] string PostalName,
    [property: JsonPropertyName("address_1")] string Address1,
    [property: JsonPropertyName("address_2")] string Address2,
    [property: JsonPropertyName("address_3")] string Address3,
    [property: JsonPropertyName("address_4")] string Address4,
    [property: JsonPropertyName("city")] string City,
    [property: JsonPropertyName("county")] string County,
    [property: JsonPropertyName("country")] string Country,
    [property: JsonPropertyName("postcode")] string Postcode,
    [property: JsonPropertyName("contact")] string Contact);

/// <summary>One <c>EnumLineTypeStandard</c> line in eaches.</summary>
public sealed record SageOrderLineDraft
{
    /// <summary>Line type.</summary>
    [JsonPropertyName("line_type")] public string LineType { get; init; } = "EnumLineTypeStandard";
    /// <summary>Sage product code (resolve to product_id).</summary>
    [JsonIgnore] public string ProductCode { get; init; } = "";
    /// <summary>Quantity in eaches.</summary>
    [JsonPropertyName("line_quantity")] public required decimal LineQuantity { get; init; }
    /// <summary>Price per each, 5 dp, tied to Amazon's line value.</summary>
    [JsonPropertyName("selling_unit_price")] public required decimal SellingUnitPrice { get; init; }
    /// <summary>Keep Amazon's cost rather than a Sage price list.</summary>
    [JsonPropertyName("selling_unit_price_overridden")] public bool SellingUnitPriceOverridden { get; init; } = true;
    /// <summary>"PO line n / ASIN ..." for the warehouse and for reading lines back.</summary>
    [JsonPropertyName("despatch_note_comment")] public required string DespatchNoteComment { get; init; }
    /// <summary>The line reference: PO101 (the connector keeps it beside the Sage line id it gets back).</summary>
    [JsonIgnore] public string LineReference { get; init; } = "";
}

/// <summary>Rule 3: resolved order -> Sage sales order draft.</summary>
public static class SalesOrderDraftBuilder
{
    /// <summary>The customer_document_no for a PO: prefix + PO number (e.g. AMZ-4Q7XK2PO).</summary>
    public static string DocumentNumber(AmazonSettings settings, string poNumber)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.OrderNumberPrefix + poNumber;
    }

    /// <summary>Builds the draft from accepted lines (rejected lines are not ordered). Fails when there is no line to
    /// order or the document number does not fit 30 characters (it is the idempotency key, so it is never cut).
    /// <paramref name="acceptedEaches"/> overrides quantities per PO101 (e.g. after the 855 accepted less); by default the
    /// ordered eaches.</summary>
    public static FlowResult<SageSalesOrderDraft> Build(ResolvedOrder order, AmazonSettings settings,
        IReadOnlyDictionary<string, decimal>? acceptedEaches = null)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(settings);
        var docNo = DocumentNumber(settings, order.Order.Number);
        if (docNo.Length > SageLimits.CustomerDocumentNo)
            return FlowResult<SageSalesOrderDraft>.Fail("DocumentNumberTooLong", $"customer_document_no '{docNo}' is {docNo.Length} characters; Sage allows {SageLimits.CustomerDocumentNo}");
        var warnings = ImmutableArray.CreateBuilder<FlowProblem>();
        var lines = ImmutableArray.CreateBuilder<SageOrderLineDraft>();
        foreach (var l in order.Lines)
        {
            var qty = acceptedEaches is not null && acceptedEaches.TryGetValue(l.LineNumber, out var a) ? a : l.QuantityEaches;
            if (qty <= 0) continue;
            if (l.SageProductCode.Length > SageLimits.ProductCode)
                return FlowResult<SageSalesOrderDraft>.Fail("ProductCodeTooLong", $"Sage product code '{l.SageProductCode}' is longer than {SageLimits.ProductCode}", l.LineNumber);
            lines.Add(new SageOrderLineDraft
            {
                ProductCode = l.SageProductCode,
                LineQuantity = qty,
                SellingUnitPrice = l.SellingUnitPrice,
                DespatchNoteComment = Fit($"PO line {l.LineNumber} / {l.Ordered.Describe()} / {l.Ordered.Quantity} {l.Ordered.Unit}", SageLimits.DespatchNoteComment, "despatch_note_comment", warnings),
                LineReference = l.LineNumber,
            });
        }
        if (lines.Count == 0)
            return FlowResult<SageSalesOrderDraft>.Fail("NothingToOrder", $"PO {order.Order.Number} has no line that can be ordered (every line is rejected or cancelled)");
        var a2 = order.ShipTo.Address;
        var address = new SageAddressDraft(
            Fit(a2.PostalName, SageLimits.PostalName, "postal_name", warnings), Fit(a2.Address1, SageLimits.AddressLine, "address_1", warnings),
            Fit(a2.Address2, SageLimits.AddressLine, "address_2", warnings), Fit(a2.Address3, SageLimits.AddressLine, "address_3", warnings),
            Fit(a2.Address4, SageLimits.AddressLine, "address_4", warnings), Fit(a2.City, SageLimits.AddressLine, "city", warnings),
            Fit(a2.County, SageLimits.AddressLine, "county", warnings), Fit(a2.Country, SageLimits.AddressLine, "country", warnings),
            Fit(a2.Postcode, SageLimits.Postcode, "postcode", warnings), Fit(a2.Contact, SageLimits.Contact, "contact", warnings));
        var window = order.Order.DeliveryWindow;
        return FlowResult<SageSalesOrderDraft>.Ok(new SageSalesOrderDraft
        {
            CustomerReference = order.ShipTo.SageAccount,
            CustomerDocumentNo = docNo,
            DocumentDate = Midnight(order.Order.OrderDate),
            RequestedDeliveryDate = (window.NotAfter ?? window.NotBefore) is DateOnly d ? Midnight(d) : null,
            DeliveryAddress = address,
            Lines = lines.ToImmutable(),
            Warnings = warnings.ToImmutable(),
        });
    }

    /// <summary>A date as Sage wants it: midnight UTC (bare dates are refused).</summary>
    public static DateTimeOffset Midnight(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    private static string Fit(string value, int max, string field, ImmutableArray<FlowProblem>.Builder warnings)
    {
        if (value.Length <= max) return value;
        warnings.Add(new FlowProblem("Truncated", $"{field} '{value}' was cut to {max} characters for Sage"));
        return value[..max];
    }
}
