using EdiGateway.Edi.Model;
using EdiGateway.Flows.Common;

namespace EdiGateway.Flows.Amazon;

/// <summary>An accepted 850 and everything decided from it: the PO, its resolution, the 855 decision and the Sage
/// order draft in accepted (and backordered) eaches. Warnings do not stop the order; show them to a person.</summary>
public sealed record PurchaseOrderAccepted(PurchaseOrder Order, ResolvedOrder Resolved, AcknowledgementDecision Acknowledgement,
    SageSalesOrderDraft? SalesOrder, IReadOnlyList<FlowProblem> Warnings);

/// <summary>Rules 1-3 and 5 in one call for a new PO, top to bottom: read the 850, resolve it, decide the 855, draft the
/// Sage order. The appliance then posts the draft (if any: an all-rejected PO has none) and sends the 855 built with
/// <see cref="AcknowledgementWriter.Build"/>.</summary>
public static class PurchaseOrderFlow
{
    /// <summary>Runs the rules. <paramref name="sagePricesPerEach"/>: product code -> Sage net price per each;
    /// <paramref name="availability"/>: product code -> on hand and allocated, in eaches.</summary>
    public static FlowResult<PurchaseOrderAccepted> Accept(X12TransactionSet set, AmazonPartnerData partner,
        IReadOnlyDictionary<string, decimal> sagePricesPerEach, IReadOnlyDictionary<string, StockPosition> availability, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(partner);
        var po = PurchaseOrderReader.Read(set);
        if (!po.IsSuccess) return FlowResult<PurchaseOrderAccepted>.Fail(po.Problems);
        var resolved = PurchaseOrderResolver.Resolve(po.Value!, partner.Settings, partner.Items, partner.ShipTo, sagePricesPerEach);
        if (!resolved.IsSuccess) return FlowResult<PurchaseOrderAccepted>.Fail(resolved.Problems);
        var r = resolved.Value!;
        var decision = AcknowledgementDecider.Decide(r, availability, partner.Settings, clock);
        var draft = SalesOrderDraftBuilder.Build(r, partner.Settings, decision.AcceptedEaches(r));
        var warnings = new List<FlowProblem>(r.Warnings);
        if (draft.Value is { } d) warnings.AddRange(d.Warnings);
        else if (draft.Problems.Any(p => p.Code != "NothingToOrder")) return FlowResult<PurchaseOrderAccepted>.Fail(draft.Problems);
        return FlowResult<PurchaseOrderAccepted>.Ok(new PurchaseOrderAccepted(po.Value!, r, decision, draft.Value, warnings));
    }
}
