using System.Globalization;
using System.Text.Json.Nodes;

namespace EdiGateway.Sandbox.Sage;

public sealed partial class SandboxCompany
{
    /// <summary>bank_transaction_type of a nominal payment (SANDBOX naming; Sage's enum text is not published).</summary>
    public const string BankPaymentType = "BankTransactionTypePayment";

    /// <summary>bank_transaction_type of a nominal receipt.</summary>
    public const string BankReceiptType = "BankTransactionTypeReceipt";

    /// <summary>
    /// POST /bank_payment or /bank_receipt: a cash-book entry analysed to nominal codes. Every code must exist, each
    /// line's gross must be goods + tax, the total must be above zero. A payment lowers the bank balance, a receipt
    /// raises it; the entry shows in /bank_posted_transactions and each line is kept as a nominal posting
    /// (sandbox-internal <c>nominal_postings</c>: debit positive) so tests can see which nominal took what. Answers {"urn"}.
    /// </summary>
    public JsonObject PostBankEntry(string path, JsonObject body)
    {
        Validate("POST", path, body);
        var bank = Require("banks", Json.Long(body, "bank_id"), "Bank");
        var items = body["nominal_analysis_items"]!.AsArray().OfType<JsonObject>().ToList();
        if (items.Count == 0)
        {
            throw new SageBadRequestException("At least one nominal analysis item is required.");
        }

        var nominals = store.All("nominal_codes").ToDictionary(n => Json.Str(n, "reference") ?? "", StringComparer.Ordinal);
        foreach (var item in items)
        {
            var code = Json.Str(item, "code") ?? "";
            if (!nominals.ContainsKey(code))
            {
                throw new SageBadRequestException($"Nominal code '{code}' not found.");
            }

            if (Json.Dec(item, "gross_value") != Json.Dec(item, "goods_value") + Json.Dec(item, "tax_value"))
            {
                throw new SageBadRequestException($"The gross value of nominal analysis item '{code}' must equal goods value plus tax value.");
            }
        }

        faults.ThrowIfLocked(roll: true, ["Bank " + Json.Str(bank, "code"), .. items.Select(i => "NominalCode " + Json.Str(i, "code"))]);
        var total = items.Sum(i => Json.Dec(i, "gross_value"));
        if (total <= 0)
        {
            throw new SageBadRequestException("The total value must be greater than zero.");
        }

        var payment = path == "/bank_payment";
        bank["balance"] = Json.Dec(bank, "balance") + (payment ? -total : total);
        store.Put("banks", Json.Long(bank, "id")!.Value, bank);
        var id = store.NextId("bank_posted_transactions");
        var urn = store.NextId("urns");
        var posted = new JsonArray();
        foreach (var item in items)
        {
            var value = Json.Dec(item, "goods_value");
            posted.Add(new JsonObject
            {
                ["code"] = Json.Str(item, "code"), ["reference"] = Json.Str(item, "reference"), ["narrative"] = Json.Str(item, "narrative"),
                ["value"] = value, ["base_value"] = value, ["source"] = "API",
            });
            var postingId = store.NextId("nominal_postings");
            store.Put("nominal_postings", postingId, new JsonObject
            {
                ["id"] = postingId, ["code"] = Json.Str(item, "code"), ["value"] = payment ? value : -value, ["bank_code"] = Json.Str(bank, "code"),
                ["urn"] = urn, ["reference"] = Json.Str(item, "reference"), ["narrative"] = Json.Str(item, "narrative"), ["posted_date"] = Now,
            });
        }

        store.Put("bank_posted_transactions", id, new JsonObject
        {
            ["id"] = id,
            ["bank_id"] = Json.Long(bank, "id"),
            ["bank_transaction_type"] = payment ? BankPaymentType : BankReceiptType,
            ["entry_description"] = payment ? "Bank payment" : "Bank receipt",
            ["reference"] = Json.Str(body, "reference"),
            ["second_reference"] = Json.Str(body, "second_reference"),
            ["transaction_date"] = Json.Str(body, "transaction_date") ?? Now,
            ["posted_date"] = Now,
            ["cheque_value"] = total,
            ["urn"] = urn,
            ["source"] = "API",
            ["user_name"] = "API",
            ["nominal_analysis_items"] = posted,
            ["date_time_created"] = Now,
            ["date_time_updated"] = Now,
        });
        return new JsonObject { ["urn"] = urn.ToString(CultureInfo.InvariantCulture) };
    }
}
