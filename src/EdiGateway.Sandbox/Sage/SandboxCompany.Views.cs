using System.Text.Json.Nodes;

namespace EdiGateway.Sandbox.Sage;

public sealed partial class SandboxCompany
{
    /// <summary>document_type_id values the sandbox uses (⚠ Sage's numbers are not published).</summary>
    public const long SalesOrderDocumentType = 0;

    /// <summary>Return document type in the sandbox.</summary>
    public const long ReturnDocumentType = 1;

    /// <summary>/sop_order_return_views: orders and returns, for lookups by customer_document_no.</summary>
    public IEnumerable<JsonObject> OrderReturnViews()
    {
        foreach (var o in store.All("sop_orders"))
        {
            var c = store.Get("customers", Json.Long(o, "customer_id") ?? 0);
            yield return new JsonObject
            {
                ["id"] = Json.Long(o, "id"), ["document_no"] = Json.Str(o, "document_no"), ["document_date"] = Json.Str(o, "document_date"),
                ["document_type_id"] = SalesOrderDocumentType, ["customer_document_no"] = Json.Str(o, "customer_document_no"),
                ["subtotal_goods_value"] = Json.Dec(o, "subtotal_goods_value"), ["total_net_value"] = Json.Dec(o, "total_net_value"),
                ["total_tax_value"] = Json.Dec(o, "total_tax_value"), ["total_gross_value"] = Json.Dec(o, "total_gross_value"),
                ["customer_id"] = Json.Long(o, "customer_id"), ["customer_reference"] = Json.Str(c, "reference"), ["customer_name"] = Json.Str(c, "name"),
                ["analysis_code_1"] = Json.Str(o, "analysis_code_1"), ["date_time_updated"] = Json.Str(o, "date_time_updated"),
            };
        }

        foreach (var r in store.All("sandbox_returns"))
        {
            yield return new JsonObject
            {
                ["id"] = Json.Long(r, "id"), ["document_no"] = Json.Str(r, "document_no"), ["document_date"] = Json.Str(r, "date"),
                ["document_type_id"] = ReturnDocumentType, ["customer_document_no"] = Json.Str(r, "customer_document_no"), ["customer_id"] = Json.Long(r, "customer_id"),
            };
        }
    }

    /// <summary>/sop_order_despatch_views: one row per despatch receipt.</summary>
    public IEnumerable<JsonObject> OrderDespatchViews()
    {
        foreach (var d in store.All("sop_despatch_receipts"))
        {
            var o = store.Get("sop_orders", Json.Long(d, "_sop_order_id") ?? 0)!;
            var c = store.Get("customers", Json.Long(o, "customer_id") ?? 0);
            yield return new JsonObject
            {
                ["sop_despatch_id"] = Json.Long(d, "id"), ["sop_despatch_document_no"] = Json.Str(d, "despatch_no"), ["sop_despatch_date"] = Json.Str(d, "despatch_date"),
                ["sop_despatch_courier_id"] = Json.Long(d, "courier_id"), ["sop_despatch_courier_name"] = Json.Str(d, "courier_name"),
                ["sop_despatch_consignment_no"] = Json.Str(d, "consignment_no"), ["sop_despatch_pieces"] = Json.Long(d, "pieces"),
                ["sop_despatch_weight"] = Json.DecOrNull(d, "weight"), ["sop_despatch_notes"] = Json.Str(d, "notes"), ["sop_despatch_user_name"] = "API",
                ["sop_order_id"] = Json.Long(o, "id"), ["sop_order_document_no"] = Json.Str(o, "document_no"), ["sop_order_document_date"] = Json.Str(o, "document_date"),
                ["sop_order_customer_document_no"] = Json.Str(o, "customer_document_no"), ["customer_id"] = Json.Long(o, "customer_id"),
                ["customer_reference"] = Json.Str(c, "reference"), ["customer_name"] = Json.Str(c, "name"),
            };
        }
    }

    /// <summary>/sop_order_despatch_line_views: one row per despatched order line.</summary>
    public IEnumerable<JsonObject> OrderDespatchLineViews()
    {
        foreach (var d in store.All("sop_despatch_receipts"))
        {
            var o = store.Get("sop_orders", Json.Long(d, "_sop_order_id") ?? 0)!;
            var c = store.Get("customers", Json.Long(o, "customer_id") ?? 0);
            var lines = o["lines"]!.AsArray().OfType<JsonObject>().ToList();
            var sequence = 0;
            foreach (var r in (d["_lines"]?.AsArray() ?? []).OfType<JsonObject>())
            {
                sequence++;
                var line = lines.FirstOrDefault(l => Json.Long(l, "id") == Json.Long(r, "line_id"));
                var product = store.Get("products", Json.Long(line, "product_id") ?? 0);
                var warehouse = store.Get("warehouses", Json.Long(line, "warehouse_id") ?? 0);
                yield return new JsonObject
                {
                    ["sop_despatch_line_id"] = Json.Long(d, "id") * 1000 + sequence, ["sop_despatch_line_quantity"] = Json.Dec(r, "quantity"),
                    ["sop_despatch_line_is_invoiced"] = Json.Bool(r, "invoiced"),
                    ["sop_despatch_id"] = Json.Long(d, "id"), ["sop_despatch_document_no"] = Json.Str(d, "despatch_no"), ["sop_despatch_date"] = Json.Str(d, "despatch_date"),
                    ["sop_despatch_user_name"] = Json.Str(d, "despatched_by"),
                    ["sop_order_line_id"] = Json.Long(line, "id"), ["sop_order_line_item_code"] = Json.Str(line, "code"),
                    ["sop_order_line_item_description"] = Json.Str(line, "description"), ["sop_order_line_print_sequence_number"] = lines.IndexOf(line!) + 1,
                    ["sop_order_line_quantity"] = Json.Dec(line, "stock_unit_line_quantity"), ["sop_order_line_despatch_quantity"] = Json.Dec(line, "_stock_despatched"),
                    ["sop_order_id"] = Json.Long(o, "id"), ["sop_order_document_no"] = Json.Str(o, "document_no"), ["sop_order_document_date"] = Json.Str(o, "document_date"),
                    ["sop_order_customer_document_no"] = Json.Str(o, "customer_document_no"), ["customer_id"] = Json.Long(o, "customer_id"),
                    ["customer_reference"] = Json.Str(c, "reference"), ["customer_name"] = Json.Str(c, "name"),
                    ["product_id"] = Json.Long(line, "product_id"), ["product_code"] = Json.Str(product, "code"), ["product_name"] = Json.Str(product, "name"),
                    ["warehouse_id"] = Json.Long(line, "warehouse_id"), ["warehouse_name"] = Json.Str(warehouse, "name"),
                    ["sop_despatch_courier_name"] = Json.Str(d, "courier_name"), ["sop_despatch_consignment_no"] = Json.Str(d, "consignment_no"),
                    ["sop_despatch_pieces"] = Json.Long(d, "pieces"), ["sop_despatch_weight"] = Json.DecOrNull(d, "weight"), ["sop_despatch_notes"] = Json.Str(d, "notes"),
                    ["date_time_updated"] = Json.Str(d, "date_time_updated"),
                };
            }
        }
    }

    /// <summary>/sop_order_return_invoice_credit_views: invoices and credit notes posted "in the desktop".</summary>
    public IEnumerable<JsonObject> InvoiceCreditViews()
    {
        foreach (var i in store.All("sandbox_invoices"))
        {
            var isReturn = Json.Bool(i, "return");
            var doc = store.Get(isReturn ? "sandbox_returns" : "sop_orders", Json.Long(i, "order_id") ?? 0)!;
            var c = store.Get("customers", Json.Long(doc, "customer_id") ?? 0);
            var net = Json.Dec(i, "net");
            var tax = Json.Dec(i, "tax");
            yield return new JsonObject
            {
                ["sop_order_return_id"] = Json.Long(doc, "id"), ["sop_order_return_document_type_id"] = isReturn ? ReturnDocumentType : SalesOrderDocumentType,
                ["sop_order_return_document_no"] = Json.Str(doc, "document_no"), ["sop_order_return_customer_document_no"] = Json.Str(doc, "customer_document_no"),
                ["sop_order_return_total_net_value"] = Json.Dec(doc, "total_net_value"), ["sop_order_return_total_tax_value"] = Json.Dec(doc, "total_tax_value"),
                ["sop_order_return_total_gross_value"] = Json.Dec(doc, "total_gross_value"),
                ["customer_id"] = Json.Long(doc, "customer_id"), ["customer_reference"] = Json.Str(c, "reference"), ["customer_name"] = Json.Str(c, "name"),
                ["sop_invoice_credit_id"] = Json.Long(i, "id"), ["sop_invoice_credit_document_no"] = Json.Str(i, "document_no"),
                ["sop_invoice_credit_type_id"] = Json.Str(i, "type"), ["sop_invoice_credit_document_date"] = Json.Str(i, "date"),
                ["sop_invoice_credit_document_status_id"] = "Posted",
                ["sop_invoice_credit_total_net_value"] = net, ["sop_invoice_credit_total_tax_value"] = tax, ["sop_invoice_credit_total_gross_value"] = net + tax,
            };
        }
    }

    /// <summary>/sop_order_return_line_invoice_credit_views: one row per invoiced (or credited) order line.</summary>
    public IEnumerable<JsonObject> InvoiceCreditLineViews() =>
        from i in store.All("sandbox_invoices")
        from l in i["lines"]!.AsArray().OfType<JsonObject>()
        select new JsonObject
        {
            ["sop_invoice_credit_id"] = Json.Long(i, "id"), ["sop_order_return_line_id"] = Json.Long(l, "line_id"),
            ["sop_invoice_credit_document_no"] = Json.Str(i, "document_no"), ["sop_invoice_credit_type_id"] = Json.Str(i, "type"),
            ["sop_invoice_credit_document_date"] = Json.Str(i, "date"), ["sop_invoice_credit_document_status_id"] = "Posted",
            ["sop_invoice_credit_line_invoice_credit_quantity"] = Json.Dec(l, "quantity"),
        };

    /// <summary>/sop_return_line_views: one row per return line.</summary>
    public IEnumerable<JsonObject> ReturnLineViews()
    {
        foreach (var r in store.All("sandbox_returns"))
        {
            var c = store.Get("customers", Json.Long(r, "customer_id") ?? 0);
            var n = 1;
            foreach (var l in r["lines"]!.AsArray().OfType<JsonObject>())
            {
                var p = store.Get("products", Json.Long(l, "product_id") ?? 0);
                yield return new JsonObject
                {
                    ["sop_return_id"] = Json.Long(r, "id"), ["sop_return_document_no"] = Json.Str(r, "document_no"), ["sop_return_document_date"] = Json.Str(r, "date"),
                    ["sop_return_document_status"] = "Live", ["sop_return_customer_document_no"] = Json.Str(r, "customer_document_no"),
                    ["sop_return_line_id"] = Json.Long(l, "id"), ["sop_return_line_number"] = n++, ["sop_return_line_type"] = "EnumLineTypeStandard",
                    ["sop_return_line_product_code"] = Json.Str(p, "code"), ["sop_return_line_quantity"] = Json.Dec(l, "quantity"),
                    ["sop_return_line_despatch_receipt_quantity"] = Json.Dec(l, "quantity"), ["sop_return_line_invoice_credit_quantity"] = Json.Dec(l, "quantity"),
                    ["sop_return_line_selling_unit_price"] = Json.Dec(l, "price"), ["sop_return_line_total_value"] = Json.Dec(l, "net"),
                    ["sop_return_line_line_tax_value"] = Json.Dec(l, "tax"), ["customer_id"] = Json.Long(r, "customer_id"),
                    ["customer_reference"] = Json.Str(c, "reference"), ["customer_name"] = Json.Str(c, "name"),
                    ["product_id"] = Json.Long(l, "product_id"), ["product_code"] = Json.Str(p, "code"), ["product_name"] = Json.Str(p, "name"),
                    ["warehouse_id"] = Json.Long(l, "warehouse_id"), ["tax_code_id"] = Json.Long(l, "tax_code_id"),
                };
            }
        }
    }
}
