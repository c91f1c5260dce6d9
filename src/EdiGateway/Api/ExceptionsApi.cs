using System.Text.Json;
using EdiGateway.Pipeline;
using EdiGateway.Storage;
using EdiGateway.Storage.Entities;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace EdiGateway.Api;

/// <summary>
/// The rejected-document queue for people: list with filters and paging, one entry with its document,
/// errors and lineage, and the actions on it. Actions are idempotent (send an <c>Idempotency-Key</c>
/// header) and audited with the acting person from <c>X-Actor</c>.
/// </summary>
public static class ExceptionsApi
{
    public static IEndpointRouteBuilder MapExceptionsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/exceptions").WithTags("Exceptions");
        group.MapGet("/", ListAsync).WithSummary("Queue entries with filters (partner, flow, severity, state, age, text) and paging");
        group.MapGet("/{id:long}", GetAsync).WithSummary("One entry: errors with positions, the raw document, lineage");
        group.MapPost("/{id:long}/dismiss", DismissAsync).WithSummary("Dismiss with a reason (required)");
        group.MapPost("/{id:long}/resolve", ResolveAsync).WithSummary("Mark resolved (fixed outside the gateway)");
        group.MapPost("/{id:long}/resubmit", ResubmitAsync).WithSummary("Run the failed step again after a profile, guide or cross-reference fix");
        group.MapPost("/{id:long}/replace", ReplaceAsync).WithSummary("Process an edited copy of the document (body: the raw X12); the original is kept");
        return app;
    }

    internal static async Task<Results<Ok<ExceptionPageView>, ProblemHttpResult>> ListAsync(
        ExceptionQueue queue,
        CancellationToken ct,
        [FromQuery(Name = "queue")] string? queueName = null,
        string? partner = null,
        string? flow = null,
        string? severity = null,
        string? state = null,
        double? olderThanHours = null,
        double? newerThanHours = null,
        string? text = null,
        int page = 1,
        int pageSize = 50)
    {
        Severity? sev = null;
        if (severity is not null)
        {
            if (!Enum.TryParse<Severity>(severity, true, out var s))
            {
                return TypedResults.Problem(title: "Unknown severity", detail: $"'{severity}' is not one of {string.Join(", ", Enum.GetNames<Severity>())}.", statusCode: 400);
            }

            sev = s;
        }

        ExceptionState? st = null;
        if (state is not null)
        {
            if (!Enum.TryParse<ExceptionState>(state, true, out var s))
            {
                return TypedResults.Problem(title: "Unknown state", detail: $"'{state}' is not one of {string.Join(", ", Enum.GetNames<ExceptionState>())}.", statusCode: 400);
            }

            st = s;
        }

        if (page < 1 || pageSize is < 1 or > 500)
        {
            return TypedResults.Problem(title: "Bad paging", detail: "page starts at 1; pageSize is 1 to 500.", statusCode: 400);
        }

        var result = await queue.ListAsync(new ExceptionFilter(
            queueName, partner, flow, sev, st,
            olderThanHours is { } o ? TimeSpan.FromHours(o) : null,
            newerThanHours is { } n ? TimeSpan.FromHours(n) : null,
            text, page, pageSize), ct);
        return TypedResults.Ok(new ExceptionPageView([.. result.Items.Select(ExceptionView.From)], result.Total, result.Page, result.PageSize));
    }

    internal static async Task<Results<Ok<ExceptionDetailView>, NotFound>> GetAsync(long id, ExceptionQueue queue, LineageLog lineage, IDocumentStore documents, CancellationToken ct)
    {
        var entry = await queue.GetAsync(id, ct);
        if (entry is null)
        {
            return TypedResults.NotFound();
        }

        IReadOnlyList<LineageView> tree = entry.LineageEntryId is { } lid ? [.. (await lineage.TreeOfAsync(lid, ct)).Select(LineageView.From)] : [];
        string? raw = null;
        if (entry.DocumentSha256 is { } sha)
        {
            try
            {
                await using var stream = documents.OpenRead(sha);
                using var reader = new StreamReader(stream);
                var buffer = new char[1024 * 1024];
                var read = await reader.ReadBlockAsync(buffer, ct);
                raw = new string(buffer, 0, read);
            }
            catch (FileNotFoundException)
            {
                raw = null;
            }
        }

        JsonElement? detail = entry.DetailJson is { } json ? JsonSerializer.Deserialize<JsonElement>(json) : null;
        return TypedResults.Ok(new ExceptionDetailView(ExceptionView.From(entry), detail, raw, tree));
    }

    internal static Task<Results<Ok<ExceptionView>, NotFound, ProblemHttpResult>> DismissAsync(
        long id, [FromBody] ReasonRequest body, HttpContext http, ExceptionQueue queue, CancellationToken ct) =>
        TransitionAsync(id, ExceptionState.Dismissed, body.Reason, http, queue, ct);

    internal static Task<Results<Ok<ExceptionView>, NotFound, ProblemHttpResult>> ResolveAsync(
        long id, [FromBody] ReasonRequest body, HttpContext http, ExceptionQueue queue, CancellationToken ct) =>
        TransitionAsync(id, ExceptionState.Resolved, body.Reason, http, queue, ct);

    internal static async Task<Results<Ok<ExceptionView>, NotFound, ProblemHttpResult>> ResubmitAsync(long id, HttpContext http, ExceptionActions actions, CancellationToken ct)
    {
        if (Actor(http) is not { } actor)
        {
            return NoActor();
        }

        return ToResult(id, await actions.ResubmitAsync(id, actor, Key(http, id), ct));
    }

    internal static async Task<Results<Ok<ExceptionView>, NotFound, ProblemHttpResult>> ReplaceAsync(long id, HttpContext http, ExceptionActions actions, CancellationToken ct)
    {
        if (Actor(http) is not { } actor)
        {
            return NoActor();
        }

        using var body = new MemoryStream();
        await http.Request.Body.CopyToAsync(body, ct);
        if (body.Length == 0)
        {
            return TypedResults.Problem(title: "No document", detail: "Send the edited raw X12 document as the request body.", statusCode: 400);
        }

        return ToResult(id, await actions.ReplaceAsync(id, actor, Key(http, id), body.ToArray(), ct));
    }

    private static Results<Ok<ExceptionView>, NotFound, ProblemHttpResult> ToResult(long id, ActionOutcome outcome) => outcome.Status switch
    {
        ActionStatus.NotFound => TypedResults.NotFound(),
        ActionStatus.Done => TypedResults.Ok(ExceptionView.From(outcome.Entry!)),
        ActionStatus.StillFailing => TypedResults.Problem(title: "Still failing", detail: $"Entry {id} was not resubmitted: {outcome.Reason}.", statusCode: 409),
        ActionStatus.Closed => TypedResults.Problem(title: "Entry is closed", detail: $"Entry {id}: {outcome.Reason}.", statusCode: 409),
        _ => TypedResults.Problem(title: "Not possible for this entry", detail: $"Entry {id}: {outcome.Reason}.", statusCode: 409),
    };

    private static string? Actor(HttpContext http) => http.Request.Headers["X-Actor"].FirstOrDefault() is { } a && !string.IsNullOrWhiteSpace(a) ? a : null;

    private static string? Key(HttpContext http, long id) => http.Request.Headers["Idempotency-Key"].FirstOrDefault() is { } key ? $"exception:{id}:{key}" : null;

    private static ProblemHttpResult NoActor() =>
        TypedResults.Problem(title: "Who is acting?", detail: "Send the acting person in the X-Actor header; every action is audited.", statusCode: 400);

    private static async Task<Results<Ok<ExceptionView>, NotFound, ProblemHttpResult>> TransitionAsync(
        long id, ExceptionState state, string? reason, HttpContext http, ExceptionQueue queue, CancellationToken ct)
    {
        if (Actor(http) is not { } actor)
        {
            return NoActor();
        }

        var result = await queue.TransitionAsync(id, state, actor, reason, Key(http, id), ct);
        return result.Outcome switch
        {
            ExceptionTransitionOutcome.NotFound => TypedResults.NotFound(),
            ExceptionTransitionOutcome.ReasonRequired => TypedResults.Problem(title: "A reason is required", detail: "Say why the entry is dismissed; the reason is kept in the audit log.", statusCode: 400),
            ExceptionTransitionOutcome.Closed => TypedResults.Problem(title: "Entry is closed", detail: $"Entry {id} is already {result.Entry!.State.ToString().ToLowerInvariant()}.", statusCode: 409),
            ExceptionTransitionOutcome.Conflict => TypedResults.Problem(title: "Changed meanwhile", detail: $"Entry {id} was changed by someone else; reload it.", statusCode: 409),
            _ => TypedResults.Ok(ExceptionView.From(result.Entry!)),
        };
    }
}

/// <summary>The body of an action that carries a reason.</summary>
public sealed record ReasonRequest(string? Reason);

/// <summary>An exception entry as the API shows it.</summary>
public sealed record ExceptionView(
    long Id, string Queue, string? PartnerId, string? Flow, string ReasonCode, string Message, string Severity,
    string State, string? StateReason, int? SegmentOrdinal, string? SegmentId, int? ElementPosition,
    int? ComponentPosition, decimal? ValueAtRisk, string? Currency, DateTimeOffset? SlaDeadline,
    long? LineageEntryId, string? DocumentSha256, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static ExceptionView From(ExceptionEntry e) => new(
        e.Id, e.Queue, e.PartnerId, e.Flow, e.ReasonCode, e.Message, e.Severity.ToString(), e.State.ToString(),
        e.StateReason, e.SegmentOrdinal, e.SegmentId, e.ElementPosition, e.ComponentPosition, e.ValueAtRisk,
        e.Currency, e.SlaDeadline, e.LineageEntryId, e.DocumentSha256, e.CreatedAt, e.UpdatedAt);
}

/// <summary>A page of entries.</summary>
public sealed record ExceptionPageView(IReadOnlyList<ExceptionView> Items, int Total, int Page, int PageSize);

/// <summary>One entry with its details, the raw document (first MiB as text) and its lineage.</summary>
public sealed record ExceptionDetailView(ExceptionView Entry, JsonElement? Detail, string? RawDocument, IReadOnlyList<LineageView> Lineage);
