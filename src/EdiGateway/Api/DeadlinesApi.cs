using EdiGateway.Pipeline;
using EdiGateway.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EdiGateway.Api;

/// <summary>SLA timers: what is due from us or from partners, when, and whether it is overdue.</summary>
public static class DeadlinesApi
{
    public static IEndpointRouteBuilder MapDeadlinesApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/deadlines").WithTags("Deadlines")
            .MapGet("/", ListAsync).WithSummary("Open deadlines (855 due, partner 997 due ...), soonest first");
        return app;
    }

    internal static async Task<Ok<IReadOnlyList<DeadlineView>>> ListAsync(
        IDbContextFactory<GatewayDbContext> factory, TimeProvider clock, CancellationToken ct, string? partner = null, bool overdueOnly = false, int take = 200)
    {
        var now = clock.GetUtcNow();
        await using var db = await factory.CreateDbContextAsync(ct);
        var query = db.Lineage.AsNoTracking().Where(e => e.DueAt != null && DeadlineWatcher.Waiting.Contains(e.State));
        if (partner is not null)
        {
            query = query.Where(e => e.PartnerId == partner);
        }

        if (overdueOnly)
        {
            query = query.Where(e => e.DueAt <= now);
        }

        var rows = await query.OrderBy(e => e.DueAt).Take(Math.Clamp(take, 1, 1000)).ToListAsync(ct);
        return TypedResults.Ok<IReadOnlyList<DeadlineView>>([.. rows.Select(e => new DeadlineView(
            e.Id, e.PartnerId, e.Flow, DeadlineWatcher.Describe(e), e.DueAt!.Value, e.DueAt <= now, e.PurchaseOrderNumber, e.Amount, e.Currency))]);
    }
}

/// <summary>One open deadline.</summary>
public sealed record DeadlineView(long LineageId, string? PartnerId, string? Flow, string What, DateTimeOffset DueAt, bool Overdue, string? PurchaseOrderNumber, decimal? Amount, string? Currency);
