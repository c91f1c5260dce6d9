using EdiGateway.Storage;
using EdiGateway.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EdiGateway.Pipeline;

/// <summary>
/// Watches the deadlines on the lineage (an 855 due 24 h after its 850, a partner's 997 due after we send):
/// anything past due and still waiting is queued once, with what is late and by how much.
/// </summary>
public sealed partial class DeadlineWatcher(
    IDbContextFactory<GatewayDbContext> factory,
    ExceptionQueue exceptions,
    IOptions<PipelineOptions> options,
    TimeProvider clock,
    ILogger<DeadlineWatcher> logger) : BackgroundService
{
    /// <summary>States in which a row with a deadline is still waiting for the thing that is due.</summary>
    public static readonly IReadOnlyList<string> Waiting =
        [LineageStates.Accepted, LineageStates.ReadyToPost, LineageStates.Posting, LineageStates.Routed, LineageStates.Posted, LineageStates.Sent, LineageStates.Queued];

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PollingLoop.RunAsync(TimeSpan.FromSeconds(options.Value.DeadlineCheckSeconds), clock, CheckAsync, ex => LogFailed(logger, ex.Message), stoppingToken);

    /// <summary>Queues every overdue item once; returns how many were newly found overdue.</summary>
    public async Task<int> CheckAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var db = await factory.CreateDbContextAsync(ct);
        var overdue = await db.Lineage.AsNoTracking()
            .Where(e => e.DueAt != null && e.DueAt <= now && Waiting.Contains(e.State))
            .OrderBy(e => e.DueAt).Take(1000).ToListAsync(ct);
        var raised = 0;
        foreach (var e in overdue)
        {
            var what = Describe(e);
            var late = now - e.DueAt!.Value;
            var before = await db.Exceptions.CountAsync(x => x.DeduplicationKey == $"overdue:{e.Id}", ct);
            await exceptions.RaiseAsync(new ExceptionEntry
            {
                Queue = "ops",
                PartnerId = e.PartnerId,
                Flow = e.Flow,
                ReasonCode = e.Direction == Direction.Outbound ? "sla.ack-overdue" : "sla.response-overdue",
                Message = $"{what} was due {e.DueAt:yyyy-MM-dd HH:mm} UTC and is {Hours(late)} late.",
                Severity = Severity.Error,
                ValueAtRisk = e.Amount,
                Currency = e.Currency,
                SlaDeadline = e.DueAt,
                LineageEntryId = e.Id,
                DocumentSha256 = e.DocumentSha256,
                DeduplicationKey = $"overdue:{e.Id}",
                CreatedAt = default,
                UpdatedAt = default,
            }, ct);
            raised += before == 0 ? 1 : 0;
        }

        return raised;
    }

    /// <summary>What a deadline on a row is for, in words.</summary>
    public static string Describe(LineageEntry e) => (e.Direction, e.DocumentType) switch
    {
        (Direction.Inbound, "850") => $"The 855 acknowledgement for PO {e.PurchaseOrderNumber}",
        (Direction.Inbound, "856-due") => $"The 856 ASN for PO {e.PurchaseOrderNumber}" + (e.ShipmentId is { } shipment ? $" (shipment {shipment})" : string.Empty),
        (Direction.Outbound, var type) => $"The partner's 997 for our {type} {e.TransactionSetControlNumber}" + (e.PurchaseOrderNumber is { } po ? $" (PO {po})" : string.Empty),
        _ => $"The next step for {e.DocumentType} lineage {e.Id}",
    };

    private static string Hours(TimeSpan late) => late.TotalHours >= 1 ? $"{late.TotalHours:0.#} h" : $"{Math.Max(1, (int)late.TotalMinutes)} min";

    [LoggerMessage(EventId = 360, Level = LogLevel.Warning, Message = "Deadline check failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, string reason);
}
