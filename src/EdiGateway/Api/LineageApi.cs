using EdiGateway.Storage;
using EdiGateway.Storage.Entities;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EdiGateway.Api;

/// <summary>Lineage search: everything about a PO, invoice, shipment, BOL or control number, as linked rows.</summary>
public static class LineageApi
{
    public static IEndpointRouteBuilder MapLineageApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/lineage").WithTags("Lineage");
        group.MapGet("/", SearchAsync).WithSummary("Entries carrying a business key or control number, with their whole trees");
        group.MapGet("/{id:long}", GetTreeAsync).WithSummary("One entry with its ancestors and descendants");
        return app;
    }

    internal static async Task<Results<Ok<IReadOnlyList<LineageView>>, ProblemHttpResult>> SearchAsync(string? key, LineageLog log, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            return TypedResults.Problem(title: "A search key is required", detail: "Pass ?key= with a PO number, invoice number, shipment id, BOL or control number.", statusCode: 400);
        }

        var entries = await log.FindTreeAsync(key.Trim(), ct);
        return TypedResults.Ok<IReadOnlyList<LineageView>>([.. entries.Select(LineageView.From)]);
    }

    internal static async Task<Results<Ok<IReadOnlyList<LineageView>>, NotFound>> GetTreeAsync(long id, LineageLog log, CancellationToken ct)
    {
        var entries = await log.TreeOfAsync(id, ct);
        return entries.Count == 0 ? TypedResults.NotFound() : TypedResults.Ok<IReadOnlyList<LineageView>>([.. entries.Select(LineageView.From)]);
    }
}

/// <summary>A lineage row as the API shows it.</summary>
public sealed record LineageView(
    long Id, long? ParentId, string Kind, string Direction, string? PartnerId, string? Flow, string State,
    string? DocumentType, string? DocumentSha256, string? InterchangeControlNumber, string? GroupControlNumber,
    string? TransactionSetControlNumber, string? PurchaseOrderNumber, string? InvoiceNumber, string? ShipmentId,
    string? BillOfLading, string? Error, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static LineageView From(LineageEntry e) => new(
        e.Id, e.ParentId, e.Kind.ToString(), e.Direction.ToString(), e.PartnerId, e.Flow, e.State, e.DocumentType,
        e.DocumentSha256, e.InterchangeControlNumber, e.GroupControlNumber, e.TransactionSetControlNumber,
        e.PurchaseOrderNumber, e.InvoiceNumber, e.ShipmentId, e.BillOfLading, e.Error, e.CreatedAt, e.UpdatedAt);
}
