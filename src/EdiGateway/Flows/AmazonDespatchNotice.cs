using EdiGateway.Flows.Warehouse;

namespace EdiGateway.Flows;

/// <summary>
/// A despatch Sage has recorded for an order that came from Amazon: the 3PL's 945 (or a despatch entered through the
/// API) after <c>POST /sop_confirm_despatch</c> succeeded. The Amazon flow answers it with an 856 and, for a short-ship,
/// an 855 change. <paramref name="SourceLineageId"/> is the lineage row of what reported the despatch (the 945 set).
/// </summary>
public sealed record AmazonDespatchNotice(string WarehousePartnerId, string CustomerDocumentNo, DespatchPlan Plan, long SourceLineageId);

/// <summary>Where a warehouse flow hands an Amazon order's recorded despatch (implemented by the Amazon flow).</summary>
public interface IAmazonDespatchNotifier
{
    /// <summary>Called once Sage has recorded the despatch; must be idempotent for the same <see cref="AmazonDespatchNotice.SourceLineageId"/>.</summary>
    Task DespatchedAsync(AmazonDespatchNotice notice, CancellationToken ct);
}
