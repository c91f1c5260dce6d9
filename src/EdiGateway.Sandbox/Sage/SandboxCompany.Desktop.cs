using System.Text.Json.Nodes;

namespace EdiGateway.Sandbox.Sage;

public sealed partial class SandboxCompany
{
    /// <summary>
    /// Stands in for the desktop user's "print/post invoices" (the API has no such call): every despatched,
    /// uninvoiced quantity is invoiced, posted to the sales ledger, and shown in the invoice/credit views.
    /// </summary>
    public int InvoiceDespatched()
    {
        var count = 0;
        foreach (var order in store.All("sop_orders").ToList())
        {
            var invoiceLines = new JsonArray();
            decimal net = 0, tax = 0;
            foreach (var line in order["lines"]!.AsArray().OfType<JsonObject>())
            {
                var multiple = Json.Dec(line, "selling_unit_multiple") is var m && m > 0 ? m : 1m;
                var type = Json.Str(line, "line_type");
                var ready = type == Models.Standard ? Json.Dec(line, "_stock_despatched") / multiple : type == Models.Comment ? 0 : Json.Dec(line, "line_quantity");
                var quantity = ready - Json.Dec(line, "_invoiced");
                if (quantity <= 0 || (type != Models.Standard && invoiceLines.Count == 0 && !HasStandardToInvoice(order)))
                {
                    continue;
                }

                var (lineNet, lineTax) = Value(line, quantity);
                net += lineNet;
                tax += lineTax;
                line["_invoiced"] = Json.Dec(line, "_invoiced") + quantity;
                invoiceLines.Add(new JsonObject { ["line_id"] = Json.Long(line, "id"), ["quantity"] = quantity, ["net"] = lineNet, ["tax"] = lineTax });
            }

            if (invoiceLines.Count == 0)
            {
                continue;
            }

            var customer = store.Get("customers", Json.Long(order, "customer_id") ?? 0)!;
            var id = store.NextId("sandbox_invoices");
            var urn = AddPostedTransaction(customer, InvoiceType, Json.Str(order, "customer_document_no") is { } c && c.Length <= 20 ? c : Json.Str(order, "document_no"), Json.Str(order, "document_no"), null, net, tax);
            store.Put("sandbox_invoices", id, new JsonObject
            {
                ["id"] = id, ["document_no"] = Json.Number(store.NextId("#invoice_no", 1)), ["type"] = "Invoice", ["date"] = Now,
                ["order_id"] = Json.Long(order, "id"), ["net"] = net, ["tax"] = tax, ["urn"] = urn, ["lines"] = invoiceLines,
            });
            Recalculate(order);
            store.Put("sop_orders", Json.Long(order, "id")!.Value, order);
            count++;
        }

        return count;
    }

    private static bool HasStandardToInvoice(JsonObject order) => order["lines"]!.AsArray().OfType<JsonObject>()
        .Any(l => Json.Str(l, "line_type") == Models.Standard && Json.Dec(l, "_stock_despatched") / (Json.Dec(l, "selling_unit_multiple") is var m && m > 0 ? m : 1m) > Json.Dec(l, "_invoiced"));

    private (decimal Net, decimal Tax) Value(JsonObject line, decimal quantity)
    {
        var net = Math.Round(quantity * Json.Dec(line, "selling_unit_price"), 2, MidpointRounding.AwayFromZero);
        var rate = Json.Long(line, "tax_code_id") is long t ? Json.Dec(store.Get("tax_codes", t), "tax_rate") : 0m;
        return (net, Math.Round(net * rate / 100m, 2, MidpointRounding.AwayFromZero));
    }

    /// <summary>
    /// Stands in for a desktop SOP return + credit note of an invoiced order: goods go back into stock, the
    /// return appears in /sop_return_line_views and the credit note in the invoice/credit views and ledger.
    /// </summary>
    public long? ReturnAndCredit(long orderId)
    {
        var order = store.Get("sop_orders", orderId);
        if (order is null)
        {
            return null;
        }

        var returnId = store.NextId("sandbox_returns");
        var lines = new JsonArray();
        decimal net = 0, tax = 0;
        foreach (var line in order["lines"]!.AsArray().OfType<JsonObject>().Where(l => Json.Str(l, "line_type") == Models.Standard && Json.Dec(l, "_invoiced") > 0))
        {
            var quantity = Json.Dec(line, "_invoiced");
            var (lineNet, lineTax) = Value(line, quantity);
            net += lineNet;
            tax += lineTax;
            if (Holding(Json.Long(line, "product_id") ?? 0, Json.Long(line, "warehouse_id") ?? 0) is { } holding)
            {
                AdjustHolding(holding, "confirmed_qty_in_stock", quantity * Json.Dec(line, "selling_unit_multiple"));
            }

            lines.Add(new JsonObject
            {
                ["id"] = store.NextId("sandbox_return_lines"), ["product_id"] = Json.Long(line, "product_id"), ["warehouse_id"] = Json.Long(line, "warehouse_id"),
                ["quantity"] = quantity, ["price"] = Json.Dec(line, "selling_unit_price"), ["net"] = lineNet, ["tax"] = lineTax, ["tax_code_id"] = Json.Long(line, "tax_code_id"),
            });
        }

        if (lines.Count == 0)
        {
            return null;
        }

        var customer = store.Get("customers", Json.Long(order, "customer_id") ?? 0)!;
        var urn = AddPostedTransaction(customer, CreditNoteType, Json.Str(order, "document_no"), null, null, net, tax);
        store.Put("sandbox_returns", returnId, new JsonObject
        {
            ["id"] = returnId, ["document_no"] = "R" + Json.Number(store.NextId("#return_no", 1), 9), ["date"] = Now, ["order_id"] = orderId,
            ["customer_id"] = Json.Long(order, "customer_id"), ["customer_document_no"] = Json.Str(order, "customer_document_no"), ["lines"] = lines,
        });
        var creditId = store.NextId("sandbox_invoices");
        store.Put("sandbox_invoices", creditId, new JsonObject
        {
            ["id"] = creditId, ["document_no"] = "C" + Json.Number(store.NextId("#credit_no", 1), 9), ["type"] = "CreditNote", ["date"] = Now,
            ["order_id"] = returnId, ["return"] = true, ["net"] = net, ["tax"] = tax, ["urn"] = urn, ["lines"] = new JsonArray(),
        });
        return returnId;
    }
}
