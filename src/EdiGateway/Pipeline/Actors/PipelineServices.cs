using EdiGateway.Partners;
using EdiGateway.Storage;
using EdiGateway.Transports;
using Microsoft.Extensions.Options;

namespace EdiGateway.Pipeline.Actors;

/// <summary>What the pipeline's actors need, handed to them at creation; the actors themselves only route, store state and schedule.</summary>
public sealed record PipelineServices(
    InboundProcessor Processor,
    OutboundGate Outbound,
    PartnerCatalog Catalog,
    PartnerTransports Transports,
    TransportLedger Ledger,
    LineageLog Lineage,
    ExceptionQueue Exceptions,
    FlowHandlers Flows,
    PipelineMonitor Monitor,
    IOptions<PipelineOptions> Options,
    ILoggerFactory LoggerFactory,
    TimeProvider Clock)
{
    /// <summary>Cancelled when the gateway stops: in-flight work ends at its next step, leaving it resumable.</summary>
    public CancellationToken Stopping { get; init; }
}

/// <summary>Messages between the pipeline's actors.</summary>
internal static class PipelineMessages
{
    /// <summary>Find unfinished work in the lineage and resume it (sent once at start).</summary>
    public sealed record Recover;

    /// <summary>Work found by recovery.</summary>
    public sealed record Recovered(IReadOnlyList<InboundStored> Stored, IReadOnlyList<TransactionSetAccepted> Sets, IReadOnlyList<QueuedOutbound> Outbound);

    /// <summary>An outbound document recorded but not yet handed to the transport.</summary>
    public sealed record QueuedOutbound(string PartnerId, long LineageId, string Sha256, string Flow);

    /// <summary>The partner profiles changed on disk.</summary>
    public sealed record PartnersChanged(PartnerSnapshot Snapshot);

    /// <summary>A new profile for a running partner.</summary>
    public sealed record ProfileUpdated(PartnerProfile Profile);

    /// <summary>Time to poll a partner's inbound location.</summary>
    public sealed record Poll;

    /// <summary>Processing of a stored document failed with an exception; it is retried after a delay.</summary>
    public sealed record IntakeFailed(InboundStored Work, Exception Cause, int Attempt);

    /// <summary>Retry a failed document.</summary>
    public sealed record RetryIntake(InboundStored Work, int Attempt);

    /// <summary>A flow finished with a set.</summary>
    public sealed record FlowDone(TransactionSetAccepted Set, string State);

    /// <summary>A flow failed on a set.</summary>
    public sealed record FlowFailed(TransactionSetAccepted Set, Exception Cause, int Attempt);

    /// <summary>Retry a failed set.</summary>
    public sealed record RetryFlow(TransactionSetAccepted Set, int Attempt);
}
