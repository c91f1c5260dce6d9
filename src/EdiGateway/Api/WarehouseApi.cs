using System.Text.Json;
using EdiGateway.Flows.Warehouse;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EdiGateway.Api;

/// <summary>3PL warehouses: release a Sage order as a 940 (manual or status-based release), and the stock parity reports of the 846s.</summary>
public static class WarehouseApi
{
    public static IEndpointRouteBuilder MapWarehouseApi(this IEndpointRouteBuilder app)
    {
        var warehouse = app.MapGroup("/api/warehouse").WithTags("Warehouse");
        warehouse.MapPost("/{partnerId}/releases", ReleaseAsync).WithSummary("Release a Sage order to the 3PL as a 940 (once; a repeat sends nothing new)");
        warehouse.MapPost("/{partnerId}/transfers", TransferAsync).WithSummary("Announce stock sent to the 3PL as a 943 (once per reference); its 944 receives it in Sage");
        app.MapGroup("/api/stock-parity").WithTags("Warehouse")
            .MapGet("/{partnerId}", ParityAsync).WithSummary("The latest stock parity report of a 3PL (3PL count vs Sage in stock and allocated) and its history");
        return app;
    }

    internal static async Task<Results<Ok<ReleaseView>, ProblemHttpResult>> ReleaseAsync(string partnerId, ReleaseRequest request, WarehouseFulfilment fulfilment, CancellationToken ct)
    {
        if (request is not { SageOrderId: > 0 })
        {
            return TypedResults.Problem(title: "Sage order required", detail: "The body must name the Sage order: {\"sageOrderId\": 123}.", statusCode: 400);
        }

        var outcome = await fulfilment.ReleaseAsync(partnerId, request.SageOrderId, request.ParentLineageId, ct);
        return outcome.Status switch
        {
            ReleaseStatus.Sent or ReleaseStatus.AlreadySent or ReleaseStatus.Waiting =>
                TypedResults.Ok(new ReleaseView(outcome.Status.ToString(), outcome.Message, outcome.FulfilmentId, outcome.OutboundLineageId)),
            ReleaseStatus.NotFound => TypedResults.Problem(title: "Unknown Sage order", detail: outcome.Message, statusCode: 404),
            ReleaseStatus.Unavailable => TypedResults.Problem(title: "Cannot release", detail: outcome.Message, statusCode: 409),
            _ => TypedResults.Problem(title: "940 refused", detail: outcome.Message, statusCode: 422),
        };
    }

    internal static async Task<Results<Ok<ReleaseView>, ProblemHttpResult>> TransferAsync(string partnerId, StockTransferRequest request, StockTransfers transfers, CancellationToken ct)
    {
        if (request is not { Reference.Length: > 0, Lines.Count: > 0 })
        {
            return TypedResults.Problem(title: "Transfer required", detail: "The body must give a reference and lines: {\"reference\": \"TR-1\", \"lines\": [{\"productCode\": \"MUG-BLU-350\", \"quantity\": 120}]}.", statusCode: 400);
        }

        var outcome = await transfers.SendAsync(partnerId, request, ct);
        return outcome.Status switch
        {
            ReleaseStatus.Sent or ReleaseStatus.AlreadySent or ReleaseStatus.Waiting =>
                TypedResults.Ok(new ReleaseView(outcome.Status.ToString(), outcome.Message, outcome.TransferId, outcome.OutboundLineageId)),
            ReleaseStatus.Unavailable => TypedResults.Problem(title: "Cannot announce", detail: outcome.Message, statusCode: 409),
            _ => TypedResults.Problem(title: "943 refused", detail: outcome.Message, statusCode: 422),
        };
    }

    internal static async Task<Results<Ok<StockParityView>, NotFound>> ParityAsync(string partnerId, WarehouseStore store, CancellationToken ct, int take = 100)
    {
        var snapshots = await store.SnapshotsAsync(partnerId, Math.Clamp(take, 1, 1000), ct);
        if (snapshots.Count == 0)
        {
            return TypedResults.NotFound();
        }

        var latest = snapshots[0];
        using var lines = JsonDocument.Parse(latest.LinesJson);
        return TypedResults.Ok(new StockParityView(partnerId, Point(latest), lines.RootElement.Clone(), [.. snapshots.Select(Point)]));
    }

    private static StockParityPoint Point(StockParitySnapshot s) =>
        new(s.Id, s.LineageId, s.Reference, s.AsOf, s.AsOfTime, s.LineCount, s.DriftingLines, s.ExceptionCount, s.AbsoluteDrift, s.CreatedAt);
}

/// <summary>Body of a release: the Sage order id, and optionally the lineage row it hangs under.</summary>
public sealed record ReleaseRequest(long SageOrderId, long? ParentLineageId = null);

/// <summary>What a release did.</summary>
public sealed record ReleaseView(string Status, string Message, long? FulfilmentId, long? OutboundLineageId);

/// <summary>The latest report (its lines, exceptions and warnings as stored) and the history, newest first.</summary>
public sealed record StockParityView(string PartnerId, StockParityPoint Latest, JsonElement Report, IReadOnlyList<StockParityPoint> History);

/// <summary>One 846's figures: what a trend chart plots.</summary>
public sealed record StockParityPoint(long Id, long LineageId, string Reference, string AsOf, string? AsOfTime, int Lines, int DriftingLines, int Exceptions,
    decimal AbsoluteDrift, DateTimeOffset RecordedAt);
