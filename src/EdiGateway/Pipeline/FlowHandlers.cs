using EdiGateway.Storage;

namespace EdiGateway.Pipeline;

/// <summary>One flow's handling of an accepted inbound transaction set; returns the lineage state it leaves the set in.</summary>
public interface IFlowHandler
{
    /// <summary>The flow name, e.g. amazon-850.</summary>
    string Flow { get; }

    Task<string> HandleAsync(TransactionSetAccepted set, CancellationToken ct);
}

/// <summary>
/// For inbound flows whose business logic is not part of this build yet: the set is validated, acknowledged,
/// recorded and marked <c>routed</c>, so it is visible and can be reprocessed when the flow arrives.
/// </summary>
public sealed class RecordOnlyFlowHandler(string flow, LineageLog lineage) : IFlowHandler
{
    public string Flow => flow;

    public async Task<string> HandleAsync(TransactionSetAccepted set, CancellationToken ct)
    {
        if (await lineage.TransitionAsync(set.LineageId, LineageStates.Accepted, LineageStates.Routed, ct))
        {
            return LineageStates.Routed;
        }

        return (await lineage.GetAsync(set.LineageId, ct))?.State ?? LineageStates.Failed;
    }
}

/// <summary>Finds the handler of a flow; flows without one are recorded only.</summary>
public sealed class FlowHandlers(IEnumerable<IFlowHandler> handlers, LineageLog lineage)
{
    private readonly Dictionary<string, IFlowHandler> byFlow = handlers.ToDictionary(h => h.Flow, StringComparer.Ordinal);

    public IFlowHandler For(string flow) => byFlow.TryGetValue(flow, out var handler) ? handler : new RecordOnlyFlowHandler(flow, lineage);
}
