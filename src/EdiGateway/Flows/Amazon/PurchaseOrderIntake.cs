using EdiGateway.Pipeline;
using EdiGateway.Storage;

namespace EdiGateway.Flows.Amazon;

/// <summary>
/// Amazon 850 purchase order, inbound: the accepted PO becomes "ready to post to Sage". The mapping to a
/// Sage sales order (items by ASIN/SKU/UPC, case packs to eaches, ship-to FC, price check) and the posting
/// itself build on this state. A PO already past this point is left as it is, so a replay changes nothing.
/// </summary>
public sealed class PurchaseOrderIntake(LineageLog lineage) : IFlowHandler
{
    public string Flow => "amazon-850";

    public async Task<string> HandleAsync(TransactionSetAccepted set, CancellationToken ct)
    {
        if (await lineage.TransitionAsync(set.LineageId, LineageStates.Accepted, LineageStates.ReadyToPost, ct))
        {
            return LineageStates.ReadyToPost;
        }

        return (await lineage.GetAsync(set.LineageId, ct))?.State ?? LineageStates.Failed;
    }
}
