using EdiGateway.Pipeline;
using EdiGateway.Sage;
using EdiGateway.Storage;

namespace EdiGateway.Flows.Amazon;

/// <summary>
/// Brings an 850 set back to its flow when Sage has its order: every posted outcome (a fresh one, a parked posting that
/// went through later, one resumed after a restart) re-delivers the set, and <see cref="PurchaseOrderIntake"/> carries on
/// from <c>posting</c> to the 855. A restart needs nothing from here: the gateway's recovery hands back sets still posting.
/// </summary>
public sealed partial class AmazonOrderProgress(SagePosting sage, PipelineService pipeline, LineageLog lineage, ILogger<AmazonOrderProgress> logger) : IHostedService
{
    private IDisposable? subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        subscription = sage.Outcomes.Subscribe(outcome =>
        {
            if (outcome is SalesOrderPosted posted)
            {
                _ = ContinueAsync(posted.LineageId);
            }
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        subscription?.Dispose();
        return Task.CompletedTask;
    }

    private async Task ContinueAsync(long lineageId)
    {
        try
        {
            var set = await lineage.GetAsync(lineageId, CancellationToken.None);
            if (set is { Flow: "amazon-850", State: LineageStates.Posting, PartnerId: { } partner, DocumentSha256: { } sha })
            {
                pipeline.Submit(new TransactionSetAccepted(partner, set.Flow, set.DocumentType ?? "850", set.Id, sha));
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogFailed(logger, lineageId, ex.Message); // the set stays "posting" and the next start's recovery picks it up
        }
    }

    [LoggerMessage(EventId = 613, Level = LogLevel.Warning, Message = "Could not bring 850 set {LineageId} back after its Sage posting: {Reason}")]
    private static partial void LogFailed(ILogger logger, long lineageId, string reason);
}
