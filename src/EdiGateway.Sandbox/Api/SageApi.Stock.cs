using EdiGateway.Sandbox.Sage;

namespace EdiGateway.Sandbox.Api;

public static partial class SageApi
{
    private static readonly string[] StocktakeStages = ["/stocktake_enter_values", "/stocktake_view_adjustments", "/stocktake_approve_complete"];

    /// <summary>Stock movements: bin holdings, stock transfers, stocktakes (the only stock adjustment before 2025 R1).</summary>
    private static void MapStock(RouteGroupBuilder api)
    {
        MapList(api, "/bin_holdings", c => c.BinHoldings());
        api.MapGet("/bin_holdings/{id:long}", async (long id, HttpContext h, SandboxCompany c) =>
            await c.ReadAsync(() => c.BinHolding(id), h.RequestAborted) is { } found ? Json(found) : NotFound());
        api.MapPost("/stock_transfers", (HttpContext h, SandboxCompany c, SandboxFaultInjector f) => WriteAsync(h, c, f, c.TransferStock));
        api.MapPost("/stocktake_new_items", (HttpContext h, SandboxCompany c, SandboxFaultInjector f) => WriteAsync(h, c, f, c.StocktakeNewItems));
        MapList(api, "/stocktakes", c => c.Stocktakes());
        api.MapPost("/stocktakes", (HttpContext h, SandboxCompany c, SandboxFaultInjector f) => WriteAsync(h, c, f, c.CreateStocktake));
        api.MapGet("/stocktakes/{id:long}", async (long id, HttpContext h, SandboxCompany c) =>
            await c.ReadAsync(() => c.GetStocktake(id), h.RequestAborted) is { } found ? Json(found) : NotFound());
        api.MapPut("/stocktakes/{id:long}", (long id, HttpContext h, SandboxCompany c, SandboxFaultInjector f) => WriteAsync(h, c, f, body => c.UpdateStocktake(id, body)));
        api.MapDelete("/stocktakes/{id:long}", async (long id, HttpContext h, SandboxCompany c) =>
            await c.WriteAsync(() => c.DeleteStocktake(id), h.RequestAborted) ? TypedResults.Ok() : NotFound());
        foreach (var stage in StocktakeStages)
        {
            api.MapPost(stage, (HttpContext h, SandboxCompany c, SandboxFaultInjector f) => WriteAsync(h, c, f, body => c.StocktakeStage(stage, body)));
        }

        api.MapGet("/stocktake_count_sheet_items/{id:long}", async (long id, HttpContext h, SandboxCompany c) =>
            await c.ReadAsync(() => c.GetCountSheetItem(id), h.RequestAborted) is { } found ? Json(found) : NotFound());
        api.MapPut("/stocktake_count_sheet_items/{id:long}", (long id, HttpContext h, SandboxCompany c, SandboxFaultInjector f) =>
            WriteAsync(h, c, f, body => c.UpdateCountSheetItem(id, body)));
    }
}
