using EdiGateway.Sage200.Models;
using EdiGateway.Sage200.OData;

namespace EdiGateway.Sage200.Client;

public sealed partial class Sage200Client
{
    /// <summary>POST /sop_orders (Sage answers 200 with the whole order, ids and totals).</summary>
    public Task<SageWriteResult<SageSopOrder>> CreateSalesOrderAsync(SageSopOrder order, CancellationToken cancellationToken) =>
        WriteAsync<SageSopOrder, SageSopOrder>(HttpMethod.Post, "/sop_orders", order, cancellationToken);

    /// <summary>
    /// PUT /sop_orders/{Id}: NOT atomic in Sage (lines applied one at a time; on a 400 earlier lines are kept and
    /// later ones skipped): send one changed line per call and re-GET after any failure.
    /// </summary>
    public Task<SageWriteResult<SageSopOrder>> UpdateSalesOrderAsync(long id, SageSopOrder order, CancellationToken cancellationToken) =>
        WriteAsync<SageSopOrder, SageSopOrder>(HttpMethod.Put, "/sop_orders/" + id.ToString(System.Globalization.CultureInfo.InvariantCulture), order, cancellationToken);

    /// <summary>GET /sop_orders, every page (the SANDBOX filters on any sop_order field, e.g. document_status, customer_document_no).</summary>
    public IAsyncEnumerable<SageSopOrder> GetSalesOrdersAsync(ODataQuery? query = null, CancellationToken cancellationToken = default) =>
        GetAllAsync<SageSopOrder>("/sop_orders", query, cancellationToken: cancellationToken);

    /// <summary>GET /sop_orders/{Id}.</summary>
    public Task<SageSopOrder?> GetSalesOrderAsync(long id, CancellationToken cancellationToken) =>
        GetByIdAsync<SageSopOrder>("/sop_orders", id, null, cancellationToken);

    /// <summary>
    /// Orders, quotes and returns carrying <paramref name="customerDocumentNo"/> (from /sop_order_return_views;
    /// not unique in Sage, so callers compose channel + id and check document_type_id).
    /// </summary>
    public Task<IReadOnlyList<SageSopOrderReturnView>> FindByCustomerDocumentNoAsync(string customerDocumentNo, CancellationToken cancellationToken) =>
        GetPageAsync<SageSopOrderReturnView>("/sop_order_return_views", new ODataQuery
        {
            Filter = ODataFilter.Eq("customer_document_no", customerDocumentNo),
            Select = "id,document_no,document_type_id,customer_document_no,customer_id",
        }, cancellationToken);

    /// <summary>GET /sop_order_despatch_line_views: one row per despatched order line, with the despatch's courier and consignment.</summary>
    public IAsyncEnumerable<SageOrderDespatchLineView> GetOrderDespatchLineViewsAsync(ODataQuery? query = null, CancellationToken cancellationToken = default) =>
        GetAllAsync<SageOrderDespatchLineView>("/sop_order_despatch_line_views",
            (query ?? new ODataQuery()) is { OrderBy.Length: > 0 } ordered ? ordered : (query ?? new ODataQuery()) with { OrderBy = "sop_despatch_line_id" }, cancellationToken: cancellationToken);

    /// <summary>GET /sop_confirm_despatch for one order: despatchable lines in stock units.</summary>
    public Task<IReadOnlyList<SageConfirmDespatch>> GetDespatchableLinesAsync(string orderDocumentNo, CancellationToken cancellationToken) =>
        GetPageAsync<SageConfirmDespatch>("/sop_confirm_despatch", new ODataQuery { Filter = ODataFilter.Eq("document_no", orderDocumentNo) }, cancellationToken);

    /// <summary>POST /sop_confirm_despatch: items[].id is the order line id, quantities in stock units.</summary>
    public Task<SageWriteResult<SageConfirmDespatch>> ConfirmDespatchAsync(SageConfirmDespatch despatch, CancellationToken cancellationToken) =>
        WriteAsync<SageConfirmDespatch, SageConfirmDespatch>(HttpMethod.Post, "/sop_confirm_despatch", despatch, cancellationToken);

    /// <summary>Despatch receipts, every page.</summary>
    public IAsyncEnumerable<SageDespatchReceipt> GetDespatchReceiptsAsync(ODataQuery? query = null, CancellationToken cancellationToken = default) =>
        GetAllAsync<SageDespatchReceipt>("/sop_despatch_receipts", query, cancellationToken: cancellationToken);

    /// <summary>Despatches per order (default order: despatch id).</summary>
    public IAsyncEnumerable<SageOrderDespatchView> GetOrderDespatchViewsAsync(ODataQuery? query = null, CancellationToken cancellationToken = default) =>
        GetAllAsync<SageOrderDespatchView>("/sop_order_despatch_views", (query ?? new ODataQuery()) with { OrderBy = query?.OrderBy ?? "sop_despatch_id asc" }, cancellationToken: cancellationToken);

    /// <summary>SOP invoices and credit notes (posted in the desktop), every page.</summary>
    public IAsyncEnumerable<SageInvoiceCreditView> GetInvoiceCreditViewsAsync(ODataQuery? query = null, CancellationToken cancellationToken = default) =>
        GetAllAsync<SageInvoiceCreditView>("/sop_order_return_invoice_credit_views", (query ?? new ODataQuery()) with { OrderBy = query?.OrderBy ?? "sop_invoice_credit_id asc" }, cancellationToken: cancellationToken);

    /// <summary>Invoiced / credited order lines, every page (filter on sop_invoice_credit_id for one invoice's lines).</summary>
    public IAsyncEnumerable<SageInvoiceCreditLineView> GetInvoiceCreditLineViewsAsync(ODataQuery? query = null, CancellationToken cancellationToken = default) =>
        GetAllAsync<SageInvoiceCreditLineView>("/sop_order_return_line_invoice_credit_views",
            (query ?? new ODataQuery()) with { OrderBy = query?.OrderBy ?? "sop_order_return_line_id asc" }, cancellationToken: cancellationToken);

    /// <summary>Return lines (read-only before Sage 200 2025 R1), every page.</summary>
    public IAsyncEnumerable<SageReturnLineView> GetReturnLineViewsAsync(ODataQuery? query = null, CancellationToken cancellationToken = default) =>
        GetAllAsync<SageReturnLineView>("/sop_return_line_views", (query ?? new ODataQuery()) with { OrderBy = query?.OrderBy ?? "sop_return_line_id asc" }, cancellationToken: cancellationToken);

    /// <summary>POST /sales_credit_notes (ledger-only credit; answers a URN).</summary>
    public Task<SageWriteResult<SageUrn>> CreateSalesCreditNoteAsync(SageSalesCreditNote creditNote, CancellationToken cancellationToken) =>
        WriteAsync<SageSalesCreditNote, SageUrn>(HttpMethod.Post, "/sales_credit_notes", creditNote, cancellationToken);

    /// <summary>POST /sales_receipts (answers a URN).</summary>
    public Task<SageWriteResult<SageUrn>> CreateSalesReceiptAsync(SageSalesReceipt receipt, CancellationToken cancellationToken) =>
        WriteAsync<SageSalesReceipt, SageUrn>(HttpMethod.Post, "/sales_receipts", receipt, cancellationToken);

    /// <summary>POST /sales_allocations.</summary>
    public Task<SageWriteResult<SageSalesAllocation>> CreateSalesAllocationAsync(SageSalesAllocation allocation, CancellationToken cancellationToken) =>
        WriteAsync<SageSalesAllocation, SageSalesAllocation>(HttpMethod.Post, "/sales_allocations", allocation, cancellationToken);

    /// <summary>Posted sales-ledger transactions, every page.</summary>
    public IAsyncEnumerable<SagePostedTransaction> GetPostedTransactionsAsync(ODataQuery? query = null, CancellationToken cancellationToken = default) =>
        GetAllAsync<SagePostedTransaction>("/sales_posted_transactions", query, cancellationToken: cancellationToken);

    /// <summary>POST /bank_payment: money out of a bank to nominal codes (answers a URN).</summary>
    public Task<SageWriteResult<SageUrn>> CreateBankPaymentAsync(SageBankPosting payment, CancellationToken cancellationToken) =>
        WriteAsync<SageBankPosting, SageUrn>(HttpMethod.Post, "/bank_payment", payment, cancellationToken);

    /// <summary>POST /bank_receipt: money into a bank from nominal codes (answers a URN).</summary>
    public Task<SageWriteResult<SageUrn>> CreateBankReceiptAsync(SageBankPosting receipt, CancellationToken cancellationToken) =>
        WriteAsync<SageBankPosting, SageUrn>(HttpMethod.Post, "/bank_receipt", receipt, cancellationToken);

    /// <summary>Posted cash-book transactions, every page.</summary>
    public IAsyncEnumerable<SageBankPostedTransaction> GetBankPostedTransactionsAsync(ODataQuery? query = null, CancellationToken cancellationToken = default) =>
        GetAllAsync<SageBankPostedTransaction>("/bank_posted_transactions", query, cancellationToken: cancellationToken);
}
