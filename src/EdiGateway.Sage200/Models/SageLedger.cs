namespace EdiGateway.Sage200.Models;

/// <summary>/sop_order_return_invoice_credit_views item: SOP invoices and credit notes (read-only in the API).</summary>
public sealed record SageInvoiceCreditView
{
    public long SopOrderReturnId { get; init; }
    public string? SopOrderReturnDocumentNo { get; init; }
    public string? SopOrderReturnCustomerDocumentNo { get; init; }
    public long? CustomerId { get; init; }
    public long SopInvoiceCreditId { get; init; }
    public string? SopInvoiceCreditDocumentNo { get; init; }
    public string? SopInvoiceCreditTypeId { get; init; }
    public DateTimeOffset? SopInvoiceCreditDocumentDate { get; init; }
    public decimal? SopInvoiceCreditTotalNetValue { get; init; }
    public decimal? SopInvoiceCreditTotalTaxValue { get; init; }
    public decimal? SopInvoiceCreditTotalGrossValue { get; init; }
}

/// <summary>/sop_return_line_views item (returns are read-only before Sage 200 2025 R1).</summary>
public sealed record SageReturnLineView
{
    public long SopReturnId { get; init; }
    public string? SopReturnDocumentNo { get; init; }
    public string? SopReturnCustomerDocumentNo { get; init; }
    public long SopReturnLineId { get; init; }
    public decimal? SopReturnLineQuantity { get; init; }
    public decimal? SopReturnLineDespatchReceiptQuantity { get; init; }
    public string? ProductCode { get; init; }
    public long? CustomerId { get; init; }
}

/// <summary>POST /sales_credit_notes (ledger-only, positive values).</summary>
public sealed record SageSalesCreditNote
{
    public long CustomerId { get; init; }
    public DateTimeOffset? TransactionDate { get; init; }
    public string? Reference { get; init; }
    public string? SecondReference { get; init; }
    public decimal DocumentGoodsValue { get; init; }
    public decimal DocumentTaxValue { get; init; }
    public IReadOnlyList<SageTaxAnalysisItem> TaxAnalysisItems { get; init; } = [];
    public IReadOnlyList<SageNominalAnalysisItem> NominalAnalysisItems { get; init; } = [];
}

/// <summary>tax_analysis_items item: <see cref="Id"/> is the tax code record id (missing → SageNullFieldException).</summary>
public sealed record SageTaxAnalysisItem
{
    public long Id { get; init; }
    public decimal GoodsAmount { get; init; }
    public decimal TaxAmount { get; init; }
}

/// <summary>nominal_analysis_items item of a ledger posting (sums to the header).</summary>
public sealed record SageNominalAnalysisItem
{
    public string Code { get; init; } = "";
    public string? CostCentre { get; init; }
    public string? Department { get; init; }
    public string? Narrative { get; init; }
    public decimal Value { get; init; }
}

/// <summary>POST /sales_receipts: money received on account.</summary>
public sealed record SageSalesReceipt
{
    public long CustomerId { get; init; }
    public long BankId { get; init; }
    public decimal ChequeValue { get; init; }
    public DateTimeOffset? TransactionDate { get; init; }
    public string? Reference { get; init; }
    public string? SecondReference { get; init; }
}

/// <summary>POST /sales_allocations: match receipts/credits to invoices (sign rule: see the sandbox README).</summary>
public sealed record SageSalesAllocation
{
    public long CustomerId { get; init; }
    public DateTimeOffset? AllocationDate { get; init; }
    public IReadOnlyList<SageAllocationLine> AllocationLines { get; init; } = [];
}

/// <summary>allocation_lines item.</summary>
public sealed record SageAllocationLine
{
    public long PostedTranId { get; init; }
    public decimal ValueToAllocate { get; init; }
}

/// <summary>/sales_posted_transactions item.</summary>
public sealed record SagePostedTransaction
{
    public long Id { get; init; }
    public long? CustomerId { get; init; }
    public string? TraderTransactionType { get; init; }
    public string? Reference { get; init; }
    public string? SecondReference { get; init; }
    public DateTimeOffset? TransactionDate { get; init; }
    public decimal? DocumentGrossValue { get; init; }
    public decimal? DocumentAllocatedValue { get; init; }
    public decimal? DocumentOutstandingValue { get; init; }
    public long? Urn { get; init; }
}

/// <summary>/sop_order_return_line_invoice_credit_views: one invoiced or credited order line (quantity in selling units).</summary>
public sealed record SageInvoiceCreditLineView
{
    public long SopInvoiceCreditId { get; init; }
    public long SopOrderReturnLineId { get; init; }
    public string? SopInvoiceCreditDocumentNo { get; init; }
    public string? SopInvoiceCreditTypeId { get; init; }
    public DateTimeOffset? SopInvoiceCreditDocumentDate { get; init; }
    public string? SopInvoiceCreditDocumentStatusId { get; init; }
    public decimal? SopInvoiceCreditLineInvoiceCreditQuantity { get; init; }
}

/// <summary>
/// POST /bank_payment or /bank_receipt: a nominal payment out of (or receipt into) a bank, analysed to nominal codes.
/// The published API has no nominal journal endpoint; this is the nearest write that moves a value from a bank to a
/// nominal code (Standard and Professional after July 2017). Answers a URN.
/// </summary>
public sealed record SageBankPosting
{
    public long BankId { get; init; }
    public DateTimeOffset? TransactionDate { get; init; }
    public string? Reference { get; init; }
    public string? SecondReference { get; init; }
    public IReadOnlyList<SageBankNominalItem> NominalAnalysisItems { get; init; } = [];
}

/// <summary>nominal_analysis_items item of a bank payment/receipt (code required; gross = goods + tax).</summary>
public sealed record SageBankNominalItem
{
    public string Code { get; init; } = "";
    public string? CostCentre { get; init; }
    public string? Department { get; init; }
    public string? Narrative { get; init; }
    public decimal GrossValue { get; init; }
    public decimal GoodsValue { get; init; }
    public long? TaxCodeId { get; init; }
    public decimal TaxValue { get; init; }
    public DateTimeOffset? TransactionDate { get; init; }
    public string? Reference { get; init; }
}

/// <summary>/bank_posted_transactions item (cash book).</summary>
public sealed record SageBankPostedTransaction
{
    public long Id { get; init; }
    public long? BankId { get; init; }
    public string? BankTransactionType { get; init; }
    public string? Reference { get; init; }
    public string? SecondReference { get; init; }
    public DateTimeOffset? TransactionDate { get; init; }
    public decimal? ChequeValue { get; init; }
    public long? Urn { get; init; }
    public IReadOnlyList<SageBankPostedNominalItem> NominalAnalysisItems { get; init; } = [];
}

/// <summary>nominal_analysis_items item of a posted bank transaction.</summary>
public sealed record SageBankPostedNominalItem
{
    public string? Code { get; init; }
    public string? Reference { get; init; }
    public string? Narrative { get; init; }
    public decimal? Value { get; init; }
}
