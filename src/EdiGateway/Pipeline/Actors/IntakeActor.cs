using EdiGateway.Actors;
using EdiGateway.Partners;
using EdiGateway.Storage.Entities;
using static EdiGateway.Pipeline.Actors.PipelineMessages;

namespace EdiGateway.Pipeline.Actors;

/// <summary>
/// Reads one partner's stored documents one at a time (the X12 work runs as a task; the mailbox stays free
/// and stashes what arrives meanwhile), hands the result to the partner actor, and sends queued outbound
/// documents found at start. A failure is queued for a person and retried with backoff; the stored bytes
/// and the lineage steps already written make the retry resume where it stopped.
/// </summary>
public sealed partial class IntakeActor : ReceiveActor
{
    private readonly PipelineServices services;
    private readonly ILogger logger;
    private PartnerProfile profile;
    private bool busy;

    public IntakeActor(PartnerProfile profile, PipelineServices services)
    {
        this.profile = profile;
        this.services = services;
        logger = services.LoggerFactory.CreateLogger<IntakeActor>();
        Receive<InboundStored>(stored => Start(stored, 1));
        Receive<RetryIntake>(retry => Start(retry.Work, retry.Attempt));
        Receive<QueuedOutbound>(SendQueued);
        Receive<InboundProcessed>(Done);
        Receive<IntakeFailed>(Failed);
        Receive<ProfileUpdated>(updated => this.profile = updated.Profile);
        Receive<Status.Success>(_ => { });
        Receive<Status.Failure>(f => LogSendFailed(logger, this.profile.Id, f.Cause.Message));
    }

    private void Start(InboundStored work, int attempt)
    {
        if (busy)
        {
            Stash.Stash();
            return;
        }

        busy = true;
        services.Processor.ProcessAsync(work, services.Stopping)
            .PipeTo(Self, success: r => r, failure: ex => new IntakeFailed(work, ex, attempt));
    }

    private void Done(InboundProcessed processed)
    {
        busy = false;
        Context.Parent.Tell(processed);
        Stash.UnstashAll();
    }

    private void Failed(IntakeFailed failed)
    {
        busy = false;
        Stash.UnstashAll();
        if (services.Stopping.IsCancellationRequested)
        {
            return;
        }

        var cause = failed.Cause is AggregateException { InnerException: { } inner } ? inner : failed.Cause;
        LogFailed(logger, profile.Id, failed.Work.TransportLineageId, failed.Attempt, cause.Message);
        services.Monitor.Record(new PipelineEvent.Failed(profile.Id, $"document {failed.Work.TransportLineageId}", cause.Message));
        var delay = TimeSpan.FromSeconds(Math.Min(300, Math.Pow(2, Math.Min(failed.Attempt, 8))));
        _ = services.Exceptions.RaiseAsync(new ExceptionEntry
        {
            Queue = "ops",
            PartnerId = profile.Id,
            ReasonCode = "pipeline.processing-failed",
            Message = $"Processing of {(failed.Work.FileName is { } f ? $"file '{f}'" : $"transport message {failed.Work.TransportLineageId}")} failed: {cause.Message}. " +
                      "The document is stored and is retried automatically.",
            Severity = Severity.Error,
            LineageEntryId = failed.Work.TransportLineageId,
            DocumentSha256 = failed.Work.DocumentSha256,
            DeduplicationKey = $"processing-failed:{failed.Work.TransportLineageId}",
            CreatedAt = default,
            UpdatedAt = default,
        }, CancellationToken.None);
        Context.Timers.StartSingleTimer(("retry", failed.Work.TransportLineageId), new RetryIntake(failed.Work, failed.Attempt + 1), delay);
    }

    private void SendQueued(QueuedOutbound queued) =>
        services.Outbound.TransmitAsync(profile, queued.LineageId, queued.Sha256, queued.Flow, services.Stopping).PipeTo(Self);

    [LoggerMessage(EventId = 330, Level = LogLevel.Warning, Message = "Partner {PartnerId}: processing transport message {TransportLineageId} failed (attempt {Attempt}): {Reason}")]
    private static partial void LogFailed(ILogger logger, string partnerId, long transportLineageId, int attempt, string reason);

    [LoggerMessage(EventId = 331, Level = LogLevel.Warning, Message = "Partner {PartnerId}: sending a queued outbound document failed: {Reason}")]
    private static partial void LogSendFailed(ILogger logger, string partnerId, string reason);
}
