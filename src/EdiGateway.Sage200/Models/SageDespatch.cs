namespace EdiGateway.Sage200.Models;

/// <summary>POST /sop_confirm_despatch body (and GET item): quantities in stock units.</summary>
public sealed record SageConfirmDespatch
{
    public long SopOrderReturnId { get; init; }
    public DateTimeOffset? DespatchReceiptDate { get; init; }
    public IReadOnlyList<SageDespatchItem> Items { get; init; } = [];
    public IReadOnlyList<SageDespatchTracking>? TrackingItems { get; init; }
}

/// <summary>sop_despatch_receipt_item: <see cref="Id"/> is the ORDER LINE id (read-only in the spec yet required).</summary>
public sealed record SageDespatchItem
{
    public long Id { get; init; }
    public decimal? Quantity { get; init; }
    public long? SopOrderReturnId { get; init; }
    public string? DocumentNo { get; init; }
    public string? ItemCode { get; init; }
    public decimal? LineQuantity { get; init; }
    public decimal? DespatchReceiptQuantity { get; init; }
    public decimal? OutstandingQuantity { get; init; }
    public decimal? AvailableQuantity { get; init; }
}

/// <summary>pending_sop_despatch_receipt: courier and consignment captured at despatch.</summary>
public sealed record SageDespatchTracking
{
    public long SopOrderReturnId { get; init; }
    public long? CourierId { get; init; }
    public string? ConsignmentNo { get; init; }
    public decimal? Weight { get; init; }
    public int? Pieces { get; init; }
    public string? Notes { get; init; }
}

/// <summary>/sop_despatch_receipts item.</summary>
public sealed record SageDespatchReceipt
{
    public long Id { get; init; }
    public string? DespatchNo { get; init; }
    public DateTimeOffset? DespatchDate { get; init; }
    public string? CourierName { get; init; }
    public string? ConsignmentNo { get; init; }
    public int? Pieces { get; init; }
    public decimal? Weight { get; init; }
    public string? Notes { get; init; }
}

/// <summary>/sop_order_despatch_views item.</summary>
public sealed record SageOrderDespatchView
{
    public long SopDespatchId { get; init; }
    public string? SopDespatchDocumentNo { get; init; }
    public DateTimeOffset? SopDespatchDate { get; init; }
    public string? SopDespatchConsignmentNo { get; init; }
    public long SopOrderId { get; init; }
    public string? SopOrderDocumentNo { get; init; }
    public string? SopOrderCustomerDocumentNo { get; init; }
    public long? CustomerId { get; init; }
}

/// <summary>/sop_order_despatch_line_views item: one despatched order line (quantities in stock units).</summary>
public sealed record SageOrderDespatchLineView
{
    public long SopDespatchLineId { get; init; }
    public decimal SopDespatchLineQuantity { get; init; }
    public bool? SopDespatchLineIsInvoiced { get; init; }
    public long SopDespatchId { get; init; }
    public string? SopDespatchDocumentNo { get; init; }
    public DateTimeOffset? SopDespatchDate { get; init; }
    public long SopOrderLineId { get; init; }
    public string? SopOrderLineItemCode { get; init; }
    public int? SopOrderLinePrintSequenceNumber { get; init; }
    public decimal SopOrderLineQuantity { get; init; }
    public decimal? SopOrderLineDespatchQuantity { get; init; }
    public long SopOrderId { get; init; }
    public string? SopOrderDocumentNo { get; init; }
    public string? SopOrderCustomerDocumentNo { get; init; }
    public long? CustomerId { get; init; }
    public string? CustomerReference { get; init; }
    public string? ProductCode { get; init; }
    public long? WarehouseId { get; init; }
    public string? WarehouseName { get; init; }
    public string? SopDespatchCourierName { get; init; }
    public string? SopDespatchConsignmentNo { get; init; }
}
