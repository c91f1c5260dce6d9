using System.Text.Json.Serialization;

namespace EdiGateway.Sage200.Models;

/// <summary>Sage line types of a sales order line.</summary>
public static class SageLineType
{
    public const string Standard = "EnumLineTypeStandard";
    public const string FreeText = "EnumLineTypeFreeText";
    public const string Charge = "EnumLineTypeCharge";
    public const string Comment = "EnumLineTypeComment";
}

/// <summary>/sop_orders resource (request and response; read-only fields are null in requests).</summary>
public sealed record SageSopOrder
{
    public long? Id { get; init; }
    public long? CustomerId { get; init; }
    public string? DocumentNo { get; init; }
    /// <summary>"Customer order no": the channel key (AMZ-PO, MAG-order, 3PL-shipment), max 30.</summary>
    public string? CustomerDocumentNo { get; init; }
    public DateTimeOffset? DocumentDate { get; init; }
    public DateTimeOffset? RequestedDeliveryDate { get; init; }
    public DateTimeOffset? PromisedDeliveryDate { get; init; }
    public string? CustomerType { get; init; }
    public bool? UseInvoiceAddress { get; init; }
    public bool? IsToSequenceLines { get; init; }
    public bool? IsEditing { get; init; }
    [JsonPropertyName("analysis_code_1")]
    public string? AnalysisCode1 { get; init; }
    [JsonPropertyName("analysis_code_2")]
    public string? AnalysisCode2 { get; init; }
    [JsonPropertyName("spare_text_1")]
    public string? SpareText1 { get; init; }
    public SageDeliveryAddress? DeliveryAddress { get; init; }
    public IReadOnlyList<SageSopOrderLine>? Lines { get; init; }
    public string? DocumentStatus { get; init; }
    public string? DespatchReceiptStatus { get; init; }
    public string? InvoiceCreditStatus { get; init; }
    public decimal? TotalNetValue { get; init; }
    public decimal? TotalTaxValue { get; init; }
    public decimal? TotalGrossValue { get; init; }
}

/// <summary>sop_order.delivery_address.</summary>
public sealed record SageDeliveryAddress
{
    public string? PostalName { get; init; }
    [JsonPropertyName("address_1")]
    public string? Address1 { get; init; }
    [JsonPropertyName("address_2")]
    public string? Address2 { get; init; }
    [JsonPropertyName("address_3")]
    public string? Address3 { get; init; }
    [JsonPropertyName("address_4")]
    public string? Address4 { get; init; }
    public string? City { get; init; }
    public string? County { get; init; }
    public string? Country { get; init; }
    public string? Postcode { get; init; }
    public string? Contact { get; init; }
    public string? TelephoneNumber { get; init; }
    public string? EmailAddress { get; init; }
}

/// <summary>sop_order_line: <see cref="LineType"/> decides what is required.</summary>
public sealed record SageSopOrderLine
{
    public long? Id { get; init; }
    public string? LineType { get; init; }
    public long? ProductId { get; init; }
    public long? WarehouseId { get; init; }
    public string? Code { get; init; }
    public string? Description { get; init; }
    public decimal? LineQuantity { get; init; }
    public long? SellingUnitId { get; init; }
    public decimal? SellingUnitPrice { get; init; }
    public long? TaxCodeId { get; init; }
    public string? NominalReference { get; init; }
    public string? DespatchNoteComment { get; init; }
    public bool? ShowOnCustomerDocs { get; init; }
    public decimal? AllocatedQuantity { get; init; }
    public decimal? DespatchReceiptQuantity { get; init; }
    public decimal? InvoiceCreditQuantity { get; init; }
    public decimal? LineTaxValue { get; init; }
    public decimal? LineTotalValue { get; init; }
    /// <summary>stock_unit_line_quantity (read-only): line_quantity in stock units.</summary>
    public decimal? StockUnitLineQuantity { get; init; }
    /// <summary>selling_unit_multiple (read-only): stock units per selling unit.</summary>
    public decimal? SellingUnitMultiple { get; init; }
    /// <summary>is_to_delete: in a PUT, removes the line with this <see cref="Id"/>.</summary>
    public bool? IsToDelete { get; init; }
}

/// <summary>/sop_order_return_views item: the fast read path, used for the idempotency lookup.</summary>
public sealed record SageSopOrderReturnView
{
    public long Id { get; init; }
    public string? DocumentNo { get; init; }
    public long? DocumentTypeId { get; init; }
    public string? CustomerDocumentNo { get; init; }
    public long? CustomerId { get; init; }
    public decimal? TotalGrossValue { get; init; }
}
