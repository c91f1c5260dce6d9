using System.Text.Json.Nodes;

namespace EdiGateway.Sandbox.Sage;

public sealed partial class SandboxCompany
{
    private static readonly string[] CustomerWritable =
    [
        "reference", "name", "short_name", "on_hold", "account_status_type", "currency_id", "credit_limit", "country_code_id", "default_tax_code_id",
        "vat_number", "payment_terms_days", "payment_terms_basis", "analysis_code_1", "spare_text_1", "main_address",
    ];

    /// <summary>POST /customers: reference (account code, 8) unique; name required.</summary>
    public JsonObject CreateCustomer(JsonObject body)
    {
        Validate("POST", "/customers", body);
        var reference = Json.Str(body, "reference")!;
        if (store.All("customers").Any(c => string.Equals(Json.Str(c, "reference"), reference, StringComparison.OrdinalIgnoreCase)))
        {
            throw new SageBadRequestException($"A customer with the reference '{reference}' already exists.");
        }

        var id = store.NextId("customers");
        var customer = new JsonObject { ["id"] = id, ["account_status_type"] = "AccountStatusActive", ["currency_id"] = 1, ["on_hold"] = false, ["date_time_created"] = Now, ["date_time_updated"] = Now };
        foreach (var name in CustomerWritable.Where(n => body[n] is not null))
        {
            customer[name] = body[name]!.DeepClone();
        }

        store.Put("customers", id, customer);
        return CustomerView(customer);
    }
}
