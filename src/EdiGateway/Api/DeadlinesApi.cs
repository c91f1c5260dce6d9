using EdiGateway.Flows.Amazon;
using EdiGateway.Partners;
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
        IDbContextFactory<GatewayDbContext> factory, PartnerCatalog catalog, TimeProvider clock, CancellationToken ct, string? partner = null, bool overdueOnly = false, int take = 200)
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
        var views = rows.Select(e => new DeadlineView(
            e.Id, e.PartnerId, e.Flow, DeadlineWatcher.Describe(e), e.DueAt!.Value, e.DueAt <= now, e.PurchaseOrderNumber, e.Amount, e.Currency)).ToList();

        // 810s: a shipped Amazon order owes its invoice sla.invoiceDaysAfterAsn days after the ASN
        var shipped = await db.Set<AmazonOrderRecord>().AsNoTracking().Where(o => o.State == AmazonOrderStates.Shipped && (partner == null || o.PartnerId == partner)).ToListAsync(ct);
        foreach (var o in shipped)
        {
            if (catalog.Current?.Partners.GetValueOrDefault(o.PartnerId)?.Sla.GetValueOrDefault("invoiceDaysAfterAsn") is decimal days and > 0)
            {
                var due = InvoiceFlow.InvoiceDue(o, days);
                if (!overdueOnly || due <= now)
                {
                    views.Add(new DeadlineView(o.SetLineageId, o.PartnerId, "amazon-810", $"810 invoice for PO {o.PurchaseOrderNumber} (no Sage invoice yet)", due, due <= now, o.PurchaseOrderNumber, null, null));
                }
            }
        }

        return TypedResults.Ok<IReadOnlyList<DeadlineView>>([.. views.OrderBy(v => v.DueAt).Take(Math.Clamp(take, 1, 1000))]);
    }
}

/// <summary>One open deadline.</summary>
public sealed record DeadlineView(long LineageId, string? PartnerId, string? Flow, string What, DateTimeOffset DueAt, bool Overdue, string? PurchaseOrderNumber, decimal? Amount, string? Currency);
