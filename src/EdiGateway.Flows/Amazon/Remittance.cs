using System.Collections.Immutable;
using EdiGateway.Flows.Common;

namespace EdiGateway.Flows.Amazon;

/// <summary>An ADX adjustment: amount (negative = deduction), reason code, optional reference.</summary>
public sealed record RemittanceAdjustment(decimal Amount, string ReasonCode, string? ReferenceQualifier, string? Reference); // ADX01..ADX04

/// <summary>One RMR line of an 820 with the ADX segments inside its loop.</summary>
public sealed record RemittanceItem(
    string Qualifier, // RMR01 IV invoice, CM credit memo, OS other
    string Reference, // RMR02 invoice number or Amazon deduction reference (SI-1SC, 123VCBSINV, IPAPUS...)
    decimal Paid, // RMR04 amount paid (negative for a deduction line)
    decimal? DocumentAmount, // RMR05 invoice amount
    decimal? Discount, // RMR06 discount taken
    ImmutableArray<RemittanceAdjustment> Adjustments); // ADX inside the RMR loop

/// <summary>An Amazon 820 remittance advice as values.</summary>
public sealed record Remittance(
    string HandlingCode, // BPR01 C payment + remittance, I remittance only
    decimal PaidAmount, // BPR02 total paid
    string CreditDebit, // BPR03
    string? PaymentMethod, // BPR04 ACH, CHK
    DateOnly? PaymentDate, // BPR16 effective date
    string TraceNumber, // TRN02 payment trace: the key for bank reconciliation
    string? Payer, // N1*PR N102
    ImmutableArray<RemittanceItem> Items, // RMR loops
    ImmutableArray<RemittanceAdjustment> EntityAdjustments); // ADX at ENT level (outside RMR loops)

/// <summary>What an Amazon document reference stands for once normalised.</summary>
public enum DeductionKind
{
    /// <summary>One of our invoices, paid.</summary>
    Invoice,
    /// <summary>Shortage claim (invoice + SC, or re-raised SCRSC...): a debit.</summary>
    ShortageClaim,
    /// <summary>Shortage claim reversed (invoice + SCR...): a credit back.</summary>
    ShortageReversal,
    /// <summary>Chargeback / compliance debit note (number + VCBSINV).</summary>
    Chargeback,
    /// <summary>Price protection debit note (IPAPUS + digits).</summary>
    PriceProtection,
    /// <summary>Co-op / accrual agreement invoice (XXXX-XXXXXXXX).</summary>
    CoopAgreement,
    /// <summary>Provision for receivables (or its reversal).</summary>
    Provision,
    /// <summary>Settlement discount taken (RMR06).</summary>
    Discount,
    /// <summary>ADX adjustment classified by reason code.</summary>
    Adjustment,
    /// <summary>Not recognised: a person must look.</summary>
    Unknown,
}

/// <summary>A reference normalised to (kind, original invoice).</summary>
public sealed record NormalisedReference(DeductionKind Kind, string Reference, string? OriginalInvoice);

/// <summary>A Sage invoice still open for allocation (from sales_posted_transactions).</summary>
public sealed record OpenInvoice(string Number, string CustomerReference, long PostedTransactionId, decimal Outstanding);

/// <summary>A Sage <c>POST /sales_receipts</c> body (customer resolved by reference, bank by code).</summary>
public sealed record SageReceiptDraft(string CustomerReference, string BankCode, decimal ChequeValue, DateOnly TransactionDate,
    string Reference, string SecondReference);

/// <summary>One <c>allocation_lines</c> entry of <c>POST /sales_allocations</c>: the receipt against an invoice.</summary>
public sealed record SageAllocationDraft(string CustomerReference, string InvoiceNumber, long PostedTransactionId, decimal Amount);

/// <summary>One deduction, posted on its own line to its nominal code (e.g. a bank payment from the clearing bank).
/// Positive = money Amazon kept; negative = a deduction reversed in our favour.</summary>
public sealed record DeductionLine(DeductionKind Kind, string Reference, string? OriginalInvoice, decimal Amount, string NominalCode, string Narrative);

/// <summary>Rule 8: how to post a remittance that ties out to the penny: receipts (gross of deductions) into the
/// clearing bank, allocations against the matched invoices, and each deduction to its nominal, so that
/// receipts - deductions = BPR02, the money that reached the bank.</summary>
public sealed record RemittancePlan(string TraceNumber, decimal Paid, ImmutableArray<SageReceiptDraft> Receipts,
    ImmutableArray<SageAllocationDraft> Allocations, ImmutableArray<DeductionLine> Deductions)
{
    /// <summary>Sum of the allocations (= the receipts).</summary>
    public decimal MatchedInvoices => Allocations.Sum(a => a.Amount);
    /// <summary>Sum of the deductions.</summary>
    public decimal TotalDeductions => Deductions.Sum(d => d.Amount);
}

/// <summary>A remittance that does not tie: the figures and every item that could not be matched or classified.</summary>
public sealed record RemittanceMismatch(string TraceNumber, decimal Paid, decimal MatchedInvoices, decimal Deductions, decimal Difference,
    ImmutableArray<FlowProblem> Items);

/// <summary>Either a plan (ties out) or a mismatch report, never both.</summary>
public sealed record RemittanceOutcome(RemittancePlan? Plan, RemittanceMismatch? Mismatch)
{
    /// <summary>True when there is a plan to post.</summary>
    public bool Ties => Plan is not null;
}
