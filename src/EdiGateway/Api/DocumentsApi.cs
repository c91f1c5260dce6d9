using EdiGateway.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EdiGateway.Api;

/// <summary>Stored documents by SHA-256: metadata and raw bytes, for people working a queue entry.</summary>
public static class DocumentsApi
{
    public static IEndpointRouteBuilder MapDocumentsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/documents").WithTags("Documents");
        group.MapGet("/{sha256}", GetAsync).WithSummary("Metadata of a stored document");
        group.MapGet("/{sha256}/content", GetContentAsync).WithSummary("The stored bytes, exactly as received or sent");
        return app;
    }

    internal static async Task<Results<Ok<DocumentView>, NotFound>> GetAsync(string sha256, IDbContextFactory<GatewayDbContext> factory, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var doc = await db.Documents.AsNoTracking().SingleOrDefaultAsync(d => d.Sha256 == sha256.ToLowerInvariant(), ct);
        return doc is null ? TypedResults.NotFound() : TypedResults.Ok(new DocumentView(doc.Sha256, doc.Length, doc.ContentType, doc.OriginalName, doc.StoredAt));
    }

    internal static async Task<Results<FileStreamHttpResult, NotFound>> GetContentAsync(string sha256, IDbContextFactory<GatewayDbContext> factory, IDocumentStore store, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var doc = await db.Documents.AsNoTracking().SingleOrDefaultAsync(d => d.Sha256 == sha256.ToLowerInvariant(), ct);
        return doc is null
            ? TypedResults.NotFound()
            : TypedResults.Stream(store.OpenRead(doc.Sha256), doc.ContentType ?? "application/octet-stream", doc.OriginalName);
    }
}

/// <summary>What the API says about a stored document.</summary>
public sealed record DocumentView(string Sha256, long Length, string? ContentType, string? OriginalName, DateTimeOffset StoredAt);
