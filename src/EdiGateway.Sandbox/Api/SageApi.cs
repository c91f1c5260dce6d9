using System.Text.Json.Nodes;
using EdiGateway.Sandbox.Sage;

namespace EdiGateway.Sandbox.Api;

/// <summary>The Sage 200 resources the gateway uses, with the published paths and snake_case fields.</summary>
public static partial class SageApi
{
    /// <summary>Maps the API under a base path such as /uk/sage200extra/accounts/v1.</summary>
    public static RouteGroupBuilder MapSageApi(this IEndpointRouteBuilder app, string basePath)
    {
        var api = app.MapGroup(basePath).AddEndpointFilter<SageApiGuard>().DisableAntiforgery();
        api.MapGet("/sites", () => Json(new JsonArray(new JsonObject
        {
            ["company_id"] = SandboxCompany.CompanyId, ["company_name"] = "SANDBOX Demo Company Ltd",
            ["site_id"] = SandboxCompany.SiteId, ["site_name"] = "SANDBOX site", ["site_short_name"] = "SANDBOX",
        })));
        MapList(api, "/sop_settings", c => c.Store.All("sop_settings").Select(Sage.Json.Public));
        MapList(api, "/tax_codes", c => c.Store.All("tax_codes").Select(Sage.Json.Public));
        MapList(api, "/nominal_codes", c => c.Store.All("nominal_codes").Select(Sage.Json.Public));
        MapList(api, "/banks", c => c.Store.All("banks").Select(Sage.Json.Public));
        MapById(api, "/banks", "banks", (c, o) => Sage.Json.Public(o));
        MapList(api, "/customers", c => c.Store.All("customers").Select(c.CustomerView));
        MapById(api, "/customers", "customers", (c, o) => c.CustomerView(o));
        api.MapPost("/customers", (HttpContext h, SandboxCompany c, SandboxFaultInjector f) => WriteAsync(h, c, f, body => c.CreateCustomer(body)));
        MapList(api, "/products", c => c.Store.All("products").Select(c.ProductView));
        MapById(api, "/products", "products", (c, o) => c.ProductView(o));
        MapList(api, "/warehouses", c => c.Store.All("warehouses").Select(Sage.Json.Public));
        MapList(api, "/warehouse_holdings", c => c.Store.All("warehouse_holdings").Select(c.HoldingView));
        MapById(api, "/warehouse_holdings", "warehouse_holdings", (c, o) => c.HoldingView(o));
        MapList(api, "/sop_orders", c => c.Store.All("sop_orders").Select(c.OrderView));
        api.MapPost("/sop_orders", (HttpContext h, SandboxCompany c, SandboxFaultInjector f) => WriteAsync(h, c, f, c.CreateOrder));
        api.MapPost("/customer_price_enquiry", (HttpContext h, SandboxCompany c, SandboxFaultInjector f) => WriteAsync(h, c, f, c.PriceEnquiry));
        api.MapGet("/sop_orders/{id:long}", async (long id, HttpContext h, SandboxCompany c) =>
        {
            var takeLock = h.Request.Query["$expand"].ToString().Contains("is_to_lock", StringComparison.Ordinal);
            var order = takeLock ? await c.WriteAsync(() => c.GetOrder(id, true), h.RequestAborted) : await c.ReadAsync(() => c.GetOrder(id, false), h.RequestAborted);
            return order is null ? NotFound() : Json(order);
        });
        api.MapPut("/sop_orders/{id:long}", (long id, HttpContext h, SandboxCompany c, SandboxFaultInjector f) => WriteAsync(h, c, f, body => c.UpdateOrder(id, body)));
        MapViews(api);
        MapLedger(api);
        MapStock(api);
        return api;
    }

    private static void MapList(RouteGroupBuilder api, string template, Func<SandboxCompany, IEnumerable<JsonObject>> source) =>
        api.MapGet(template, async (HttpContext h, SandboxCompany c) =>
            Json(await c.ReadAsync(() => ODataEvaluator.Apply(source(c).ToList(), h.Request.Query, c.FieldsOf(template)), h.RequestAborted)));

    private static void MapById(RouteGroupBuilder api, string template, string resource, Func<SandboxCompany, JsonObject, JsonObject> view) =>
        api.MapGet(template + "/{id:long}", async (long id, HttpContext h, SandboxCompany c) =>
        {
            var found = await c.ReadAsync(() => c.Store.Get(resource, id) is { } o ? view(c, o) : null, h.RequestAborted);
            return found is null ? NotFound() : Json(found);
        });

    /// <summary>
    /// Runs a write under the company gate and commits it; then, if a "timeout after commit" fault is due, holds
    /// the answer back past the client's timeout (the write has already happened: the client must look it up).
    /// </summary>
    internal static async Task<IResult> WriteAsync(HttpContext http, SandboxCompany company, SandboxFaultInjector faults, Func<JsonObject, JsonNode> work)
    {
        JsonNode? body;
        try
        {
            body = await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
        }
        catch (System.Text.Json.JsonException ex)
        {
            return SageApiGuard.Message(StatusCodes.Status400BadRequest, "The request is invalid. " + ex.Message);
        }

        if (body is not JsonObject obj)
        {
            return SageApiGuard.Message(StatusCodes.Status400BadRequest, "The request body must be a JSON object.");
        }

        var result = await company.WriteAsync(() => work(obj), http.RequestAborted);
        if (faults.TakeDrop())
        {
            http.Abort(); // committed, but the client never hears
            return TypedResults.Empty;
        }

        if (faults.TakeTimeoutAfterCommit() is { } hold)
        {
            await Task.Delay(hold, http.RequestAborted);
        }

        return Json(result);
    }

    internal static IResult Json(JsonNode node) => TypedResults.Text(node.ToJsonString(), "application/json");

    internal static IResult NotFound() => SageApiGuard.Message(StatusCodes.Status404NotFound, "The requested resource was not found.");
}
