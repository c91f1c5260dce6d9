using System.Globalization;
using System.Text.Json.Nodes;

namespace EdiGateway.Sandbox.Sage;

public sealed partial class SandboxCompany
{
    private const string InvoiceType = "TradingAccountEntryTypeInvoice";
    private const string CreditNoteType = "TradingAccountEntryTypeCreditNote";
    private const string ReceiptType = "TradingAccountEntryTypePurchasePaymentSalesReceipt";

    /// <summary>POST /sales_invoices or /sales_credit_notes: ledger-only posting; answers {"urn"}; nominal lines must sum to goods.</summary>
    public JsonObject PostLedgerDocument(string path, JsonObject body)
    {
        Validate("POST", path, body);
        var customer = Require("customers", Json.Long(body, "customer_id"), "Customer");
        faults.ThrowIfLocked(roll: true, "Customer " + Json.Str(customer, "reference"));
        var goods = Json.Dec(body, "document_goods_value");
        var tax = Json.Dec(body, "document_tax_value");
        var nominal = body["nominal_analysis_items"]?.AsArray().OfType<JsonObject>().Sum(n => Json.Dec(n, "value")) ?? 0m;
        if (nominal != goods)
        {
            throw new SageBadRequestException($"The nominal analysis total ({nominal}) must equal the goods value ({goods}).");
        }

        var taxTotal = body["tax_analysis_items"]?.AsArray().OfType<JsonObject>().Sum(t => Json.Dec(t, "tax_amount")) ?? 0m;
        if (taxTotal != tax)
        {
            throw new SageBadRequestException($"The tax analysis total ({taxTotal}) must equal the tax value ({tax}).");
        }

        var type = path == "/sales_invoices" ? InvoiceType : CreditNoteType;
        var urn = AddPostedTransaction(customer, type, Json.Str(body, "reference"), Json.Str(body, "second_reference"), Json.Str(body, "transaction_date"), goods, tax);
        return new JsonObject { ["urn"] = urn.ToString(CultureInfo.InvariantCulture) };
    }

    /// <summary>POST /sales_receipts: money on account; bank balance rises; answers {"urn"}.</summary>
    public JsonObject PostReceipt(JsonObject body)
    {
        Validate("POST", "/sales_receipts", body);
        var customer = Require("customers", Json.Long(body, "customer_id"), "Customer");
        var bank = Require("banks", Json.Long(body, "bank_id"), "Bank");
        faults.ThrowIfLocked(roll: true, "Customer " + Json.Str(customer, "reference"));
        var value = Json.Dec(body, "cheque_value");
        if (value <= 0)
        {
            throw new SageBadRequestException("The cheque value must be greater than zero.");
        }

        bank["balance"] = Json.Dec(bank, "balance") + value;
        store.Put("banks", Json.Long(bank, "id")!.Value, bank);
        var urn = AddPostedTransaction(customer, ReceiptType, Json.Str(body, "reference"), Json.Str(body, "second_reference"), Json.Str(body, "transaction_date"), value, 0);
        return new JsonObject { ["urn"] = urn.ToString(CultureInfo.InvariantCulture) };
    }

    /// <summary>
    /// POST /sales_allocations. Sign rule (CHOSEN by the sandbox, unknown in Sage): invoices are allocated with
    /// positive values, receipts and credit notes with negative ones, and the lines must sum to zero.
    /// </summary>
    public JsonObject PostAllocation(JsonObject body)
    {
        Validate("POST", "/sales_allocations", body);
        var customer = Require("customers", Json.Long(body, "customer_id"), "Customer");
        faults.ThrowIfLocked(roll: true, "Customer " + Json.Str(customer, "reference"));
        var lines = body["allocation_lines"]!.AsArray().OfType<JsonObject>().ToList();
        if (lines.Count < 2 || lines.Sum(l => Json.Dec(l, "value_to_allocate")) != 0m)
        {
            throw new SageBadRequestException("The allocation lines must balance (debits positive, credits negative, total zero).");
        }

        var plan = new List<(JsonObject Tran, decimal Value)>();
        foreach (var l in lines)
        {
            var tran = Require("sales_posted_transactions", Json.Long(l, "posted_tran_id"), "Posted transaction");
            var value = Json.Dec(l, "value_to_allocate");
            var isDebit = Json.Str(tran, "trader_transaction_type") == InvoiceType;
            if (Json.Long(tran, "customer_id") != Json.Long(customer, "id") || (isDebit ? value <= 0 : value >= 0) || Math.Abs(value) > Json.Dec(tran, "document_outstanding_value"))
            {
                throw new SageBadRequestException($"Transaction {Json.Long(tran, "id")} cannot take an allocation of {value}.");
            }

            plan.Add((tran, value));
        }

        foreach (var (tran, value) in plan)
        {
            tran["document_allocated_value"] = Json.Dec(tran, "document_allocated_value") + Math.Abs(value);
            tran["document_outstanding_value"] = Json.Dec(tran, "document_outstanding_value") - Math.Abs(value);
            tran["date_time_updated"] = Now;
            store.Put("sales_posted_transactions", Json.Long(tran, "id")!.Value, tran);
        }

        return Json.Public(body);
    }

    /// <summary>Customer with balance computed from the outstanding ledger (read-only in Sage).</summary>
    public JsonObject CustomerView(JsonObject c)
    {
        var o = Json.Public(c);
        var id = Json.Long(c, "id");
        o["balance"] = store.All("sales_posted_transactions").Where(t => Json.Long(t, "customer_id") == id)
            .Sum(t => (Json.Str(t, "trader_transaction_type") == InvoiceType ? 1 : -1) * Json.Dec(t, "document_outstanding_value"));
        return o;
    }

    private long AddPostedTransaction(JsonObject customer, string type, string? reference, string? secondReference, string? date, decimal goods, decimal tax)
    {
        var id = store.NextId("sales_posted_transactions");
        var urn = store.NextId("urns");
        store.Put("sales_posted_transactions", id, new JsonObject
        {
            ["id"] = id,
            ["customer_id"] = Json.Long(customer, "id"),
            ["trader_transaction_type"] = type,
            ["reference"] = reference,
            ["second_reference"] = secondReference,
            ["transaction_date"] = date ?? Now,
            ["posted_date"] = Now,
            ["document_goods_value"] = goods,
            ["document_tax_value"] = tax,
            ["document_gross_value"] = goods + tax,
            ["document_allocated_value"] = 0m,
            ["document_outstanding_value"] = goods + tax,
            ["settled_immediately"] = false,
            ["urn"] = urn,
            ["user_name"] = "API",
            ["date_time_created"] = Now,
            ["date_time_updated"] = Now,
        });
        return urn;
    }
}
