using System.Text.Json;
using System.Text.Json.Nodes;
using EdiGateway.Sandbox.Sage;

namespace EdiGateway.Sandbox.Api;

/// <summary>/sandbox/admin: fault injection and the desktop user's actions the API does not have.</summary>
public static class AdminApi
{
    private static readonly JsonSerializerOptions Snake = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/sandbox/admin").DisableAntiforgery();
        admin.MapGet("/faults", (SandboxFaultInjector f) => TypedResults.Json(f.Current, Snake));
        admin.MapPut("/faults", async (HttpRequest r, SandboxFaultInjector f) =>
        {
            var faults = await JsonSerializer.DeserializeAsync<SandboxFaults>(r.Body, Snake, r.HttpContext.RequestAborted) ?? new SandboxFaults();
            f.Set(faults);
            return TypedResults.Json(f.Current, Snake);
        });
        admin.MapPost("/locks", async (HttpRequest r, SandboxFaultInjector f) =>
        {
            var body = await JsonNode.ParseAsync(r.Body, cancellationToken: r.HttpContext.RequestAborted);
            var record = body?["record"]?.GetValue<string>();
            if (string.IsNullOrWhiteSpace(record))
            {
                return Results.BadRequest("record is required, e.g. \"Customer AMZBHX4\", \"StockItem MUG-BLU-350\" or \"sop_order:1234\"");
            }

            f.LockRecord(record, TimeSpan.FromSeconds(body?["seconds"]?.GetValue<double>() ?? 30));
            return Results.NoContent();
        });
        admin.MapPost("/tokens/expire", (SandboxAuth a) =>
        {
            a.ExpireAll();
            return TypedResults.NoContent();
        });
        admin.MapPost("/invoice-despatched", async (SandboxCompany c, HttpContext h) =>
            TypedResults.Json(new { invoiced = await c.WriteAsync(c.InvoiceDespatched, h.RequestAborted) }, Snake));
        admin.MapPost("/orders/{id:long}/return-and-credit", async (long id, SandboxCompany c, HttpContext h) =>
            await c.WriteAsync(() => c.ReturnAndCredit(id), h.RequestAborted) is long returnId
                ? Results.Json(new { return_id = returnId }, Snake)
                : Results.NotFound());
        admin.MapGet("/stats", async (SandboxCompany c, HttpContext h) => TypedResults.Json(await c.ReadAsync(() =>
        {
            var keys = c.Store.All("sop_orders").Select(o => Sage.Json.Str(o, "customer_document_no")).Where(k => k is not null).ToList();
            return new
            {
                orders = c.Store.All("sop_orders").Count,
                distinct_customer_document_nos = keys.Distinct(StringComparer.Ordinal).Count(),
                duplicate_customer_document_nos = keys.GroupBy(k => k, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).Take(50).ToList(),
            };
        }, h.RequestAborted), Snake));
        return app;
    }
}
