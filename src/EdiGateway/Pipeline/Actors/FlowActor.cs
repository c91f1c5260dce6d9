using EdiGateway.Actors;
using static EdiGateway.Pipeline.Actors.PipelineMessages;

namespace EdiGateway.Pipeline.Actors;

/// <summary>
/// One (partner, flow): takes accepted transaction sets in order and runs the flow's handler on each as a
/// task. Handlers are idempotent on the set's lineage state, so a set delivered twice (a restart resuming)
/// is handled once. A failure is retried with backoff; the set stays accepted and visible meanwhile.
/// </summary>
public sealed partial class FlowActor : ReceiveActor
{
    private readonly string partnerId;
    private readonly string flow;
    private readonly PipelineServices services;
    private readonly ILogger logger;
    private bool busy;

    public FlowActor(string partnerId, string flow, PipelineServices services)
    {
        this.partnerId = partnerId;
        this.flow = flow;
        this.services = services;
        logger = services.LoggerFactory.CreateLogger<FlowActor>();
        Receive<TransactionSetAccepted>(set => Start(set, 1));
        Receive<RetryFlow>(retry => Start(retry.Set, retry.Attempt));
        Receive<FlowDone>(Done);
        Receive<FlowFailed>(Failed);
        Receive<ProfileUpdated>(_ => { });
    }

    public static string NameOf(string flow) => "flow-" + flow;

    private void Start(TransactionSetAccepted set, int attempt)
    {
        if (busy)
        {
            Stash.Stash();
            return;
        }

        busy = true;
        services.Flows.For(flow).HandleAsync(set, services.Stopping)
            .PipeTo(Self, success: state => new FlowDone(set, state), failure: ex => new FlowFailed(set, ex, attempt));
    }

    private void Done(FlowDone done)
    {
        busy = false;
        services.Monitor.Record(new PipelineEvent.SetHandled(partnerId, flow, done.Set.LineageId, done.State));
        Stash.UnstashAll();
    }

    private void Failed(FlowFailed failed)
    {
        busy = false;
        Stash.UnstashAll();
        if (services.Stopping.IsCancellationRequested)
        {
            return;
        }

        LogFailed(logger, partnerId, flow, failed.Set.LineageId, failed.Attempt, failed.Cause.Message);
        services.Monitor.Record(new PipelineEvent.Failed(partnerId, $"{flow} set {failed.Set.LineageId}", failed.Cause.Message));
        var delay = TimeSpan.FromSeconds(Math.Min(300, Math.Pow(2, Math.Min(failed.Attempt, 8))));
        Context.Timers.StartSingleTimer(("retry", failed.Set.LineageId), new RetryFlow(failed.Set, failed.Attempt + 1), delay);
    }

    [LoggerMessage(EventId = 350, Level = LogLevel.Warning, Message = "Partner {PartnerId} flow {Flow}: set {LineageId} failed (attempt {Attempt}): {Reason}")]
    private static partial void LogFailed(ILogger logger, string partnerId, string flow, long lineageId, int attempt, string reason);
}
