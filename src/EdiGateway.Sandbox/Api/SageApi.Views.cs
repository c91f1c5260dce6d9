using System.Text.Json.Nodes;
using EdiGateway.Sandbox.Sage;

namespace EdiGateway.Sandbox.Api;

public static partial class SageApi
{
    private static readonly HashSet<string> DespatchFilterFields = new(StringComparer.Ordinal) { "confirmation_intent_type", "trader_id", "warehouse_id", "document_no", "document_date", "sop_order_return_id" };

    private static void MapViews(RouteGroupBuilder api)
    {
        api.MapGet("/sop_confirm_despatch", async (HttpContext h, SandboxCompany c) => Json(await c.ReadAsync(() =>
        {
            // filterable on confirmation_intent_type, trader_id, warehouse_id, document_no, document_date (as Sage documents)
            var flat = c.DespatchableOrders().Select(a =>
            {
                var o = (JsonObject)a["_filter"]!.DeepClone();
                o["sop_order_return_id"] = a["sop_order_return_id"]!.DeepClone();
                o["_items"] = a["items"]!.DeepClone();
                return o;
            }).ToList();
            var filtered = (JsonArray)ODataEvaluator.Apply(flat, FilterOnly(h.Request.Query), DespatchFilterFields);
            var result = new JsonArray();
            foreach (var f in filtered.OfType<JsonObject>())
            {
                result.Add(new JsonObject { ["sop_order_return_id"] = f["sop_order_return_id"]!.DeepClone(), ["items"] = f["_items"]!.DeepClone() });
            }

            return result;
        }, h.RequestAborted)));
        api.MapPost("/sop_confirm_despatch", (HttpContext h, SandboxCompany c, SandboxFaultInjector f) => WriteAsync(h, c, f, c.ConfirmDespatch));
        MapList(api, "/sop_despatch_receipts", c => c.Store.All("sop_despatch_receipts").Select(Sage.Json.Public));
        MapById(api, "/sop_despatch_receipts", "sop_despatch_receipts", (c, o) => Sage.Json.Public(o));
        api.MapPut("/sop_despatch_receipts/{id:long}", (long id, HttpContext h, SandboxCompany c, SandboxFaultInjector f) => WriteAsync(h, c, f, body => c.UpdateDespatchReceipt(id, body)));
        MapList(api, "/sop_order_despatch_views", c => c.OrderDespatchViews());
        MapList(api, "/sop_order_despatch_line_views", c => c.OrderDespatchLineViews());
        MapList(api, "/sop_order_return_views", c => c.OrderReturnViews());
        MapList(api, "/sop_order_return_invoice_credit_views", c => c.InvoiceCreditViews());
        MapList(api, "/sop_order_return_line_invoice_credit_views", c => c.InvoiceCreditLineViews());
        MapList(api, "/sop_return_line_views", c => c.ReturnLineViews());
    }

    private static void MapLedger(RouteGroupBuilder api)
    {
        api.MapPost("/sales_invoices", (HttpContext h, SandboxCompany c, SandboxFaultInjector f) => WriteAsync(h, c, f, body => c.PostLedgerDocument("/sales_invoices", body)));
        api.MapPost("/sales_credit_notes", (HttpContext h, SandboxCompany c, SandboxFaultInjector f) => WriteAsync(h, c, f, body => c.PostLedgerDocument("/sales_credit_notes", body)));
        api.MapPost("/sales_receipts", (HttpContext h, SandboxCompany c, SandboxFaultInjector f) => WriteAsync(h, c, f, c.PostReceipt));
        api.MapPost("/sales_allocations", (HttpContext h, SandboxCompany c, SandboxFaultInjector f) => WriteAsync(h, c, f, c.PostAllocation));
        MapList(api, "/sales_posted_transactions", c => c.Store.All("sales_posted_transactions").Select(Sage.Json.Public));
        api.MapPost("/bank_payment", (HttpContext h, SandboxCompany c, SandboxFaultInjector f) => WriteAsync(h, c, f, body => c.PostBankEntry("/bank_payment", body)));
        api.MapPost("/bank_receipt", (HttpContext h, SandboxCompany c, SandboxFaultInjector f) => WriteAsync(h, c, f, body => c.PostBankEntry("/bank_receipt", body)));
        MapList(api, "/bank_posted_transactions", c => c.Store.All("bank_posted_transactions").Select(Sage.Json.Public));
    }

    private static QueryCollection FilterOnly(IQueryCollection query) =>
        new(query.Where(kv => kv.Key is "$filter" or "$top").ToDictionary(kv => kv.Key, kv => kv.Value));
}
