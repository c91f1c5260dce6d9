using EdiGateway.Edi.Model;
using EdiGateway.Flows.Common;
using EdiGateway.Partners;
using EdiGateway.Pipeline;
using EdiGateway.Sage;
using EdiGateway.Sage200.Posting;
using EdiGateway.Storage;
using EdiGateway.Storage.Entities;

namespace EdiGateway.Flows.Amazon;

/// <summary>
/// Amazon 850 purchase order, inbound, top to bottom. With Sage posting off, an accepted PO becomes "ready to post" and
/// waits. With Sage on: the PO's items, case packs and FC are resolved through the profile's tables, Sage's prices and
/// stock are read, the rules decide every line (<see cref="PurchaseOrderFlow.Accept"/>), rejected lines go to the queue
/// with their reason, and the Sage order is handed to the posting actor (state <c>posting</c>). When Sage has the order
/// (<see cref="AmazonOrderProgress"/> brings the set back), the 855 answers every line and goes through the outbound gate
/// and the order is released to the 3PLs that ship it on creation (a 940; state <c>acknowledged</c>). Each step is keyed on the set's lineage state and the <c>amazon_orders</c> row, so a set
/// delivered again (a restart, a replay) repeats nothing: the same decision is rebuilt from the stored inputs, Sage posts
/// once per customer_document_no and the gate sends one 855 per set.
/// </summary>
public sealed partial class PurchaseOrderIntake(
    LineageLog lineage,
    IDocumentStore documents,
    PartnerCatalog catalog,
    SagePosting sage,
    AmazonOrders orders,
    ExceptionQueue exceptions,
    OutboundGate outbound,
    ControlNumberAllocator controlNumbers,
    OrderAmendmentFlow amendments,
    Warehouse.WarehouseReleases releases,
    TimeProvider clock,
    ILogger<PurchaseOrderIntake> logger) : IFlowHandler
{
    /// <summary>Lineage ordinal of the 855 under its 850 set (the change-855s follow from 2).</summary>
    public const int AcknowledgementOrdinal = 1;

    public string Flow => "amazon-850";

    public async Task<string> HandleAsync(TransactionSetAccepted set, CancellationToken ct)
    {
        var state = (await lineage.GetAsync(set.LineageId, ct))?.State ?? LineageStates.Failed;
        if (!await sage.WhenStarted(ct))
        {
            return await lineage.TransitionAsync(set.LineageId, LineageStates.Accepted, LineageStates.ReadyToPost, ct) ? LineageStates.ReadyToPost : state;
        }

        if (!sage.IsRunning)
        {
            throw new InvalidOperationException("Sage posting has stopped; the set is picked up again at the next start.");
        }

        if (state is not (LineageStates.Accepted or LineageStates.ReadyToPost or LineageStates.Posting))
        {
            return state;
        }

        if (catalog.Current?.Partners.GetValueOrDefault(set.PartnerId) is not { } partner)
        {
            return state; // the profile is gone or refused: the set waits, the catalog's problem is on the queue
        }

        var profile = AmazonProfiles.For(partner);
        if (!profile.IsSuccess)
        {
            return await FailAsync(set, partner, "amazon.profile", $"The Amazon profile {partner.Id} cannot be used for orders: {Describe(profile.Problems)}", ct);
        }

        var tree = await ReadSetAsync(documents, set.DocumentSha256, ct);
        var po = PurchaseOrderReader.Read(tree);
        if (!po.IsSuccess)
        {
            return await FailAsync(set, partner, "amazon.850.unreadable", $"850 {tree.ControlNumber} cannot become an order: {Describe(po.Problems)}", ct);
        }

        var order = await OrderForAsync(set, partner, profile.Value!, tree, po.Value!, ct);
        if (order.Record is null)
        {
            return order.FailedState!;
        }

        if (order.Record.SetLineageId != set.LineageId)
        {
            return await amendments.AmendAsync(set, partner, profile.Value!, tree, po.Value!, order.Record, ct); // never a second order
        }

        var accepted = PurchaseOrderFlow.Accept(tree, profile.Value!, order.Inputs!.PricesPerEach, order.Inputs.Availability, order.Inputs.Clock);
        if (!accepted.IsSuccess)
        {
            return await FailAsync(set, partner, "amazon.850.refused", $"PO {po.Value!.Number} cannot become a Sage order: {Describe(accepted.Problems)}", ct);
        }

        var decided = accepted.Value!;
        await RaiseLineProblemsAsync(set, partner, decided, ct);
        if (decided.SalesOrder is null)
        {
            return await AcknowledgeAsync(set, partner, order.Record, decided, ct); // every line rejected: the 855 alone
        }

        if (order.Record.SageOrderId is not null)
        {
            return await AcknowledgeAsync(set, partner, order.Record, decided, ct); // re-delivered after Sage took the order
        }

        var posting = new SalesOrderPosting(new SageChannel(profile.Value!.Settings.OrderNumberPrefix), decided.Order.Number,
            AmazonSageLookup.ToSageOrder(decided.SalesOrder, order.Ids!));
        var found = await sage.Connection!.Store.FindAsync(posting.Key, ct);
        if (found?.Status == SagePostingStatus.Posted)
        {
            await orders.UpdateAsync(order.Record.Id, r => (r.SageOrderId, r.SageDocumentNo) = (found.SageOrderId, found.SageDocumentNo), ct);
            return await AcknowledgeAsync(set, partner, order.Record, decided, ct);
        }

        if (found is null || state != LineageStates.Posting)
        {
            if (state != LineageStates.Posting)
            {
                // first "posting", then the hand-off: the posted outcome finds the set posting and brings it back
                await lineage.TransitionAsync(set.LineageId, state, LineageStates.Posting, ct);
            }

            await sage.SubmitAsync(set.LineageId, posting, ct);
            LogSubmitted(logger, partner.Id, decided.Order.Number, posting.Key, decided.SalesOrder.Lines.Length);
        }

        return LineageStates.Posting;
    }

    /// <summary>The transaction set stored as document <paramref name="sha256"/> (each accepted set is stored enveloped on its own).</summary>
    internal static async Task<X12TransactionSet> ReadSetAsync(IDocumentStore documents, string sha256, CancellationToken ct)
    {
        await using var stream = documents.OpenRead(sha256);
        var read = X12DocumentReader.Read(stream);
        return read.Document.Interchanges.SelectMany(i => i.Groups).SelectMany(g => g.Sets).First();
    }

    /// <summary>The order row for this PO, creating it (with Sage's prices and stock as of now) on the first 850.</summary>
    private async Task<OrderContext> OrderForAsync(TransactionSetAccepted set, PartnerProfile partner, AmazonPartnerData data, X12TransactionSet tree,
        PurchaseOrder po, CancellationToken ct)
    {
        var client = sage.Connection!.Client;
        var existing = await orders.FindAsync(partner.Id, po.Number, ct);
        var preliminary = PurchaseOrderResolver.Resolve(po, data.Settings, data.Items, data.ShipTo, new Dictionary<string, decimal>());
        if (!preliminary.IsSuccess)
        {
            return new(null, null, null, await FailAsync(set, partner, "amazon.850.refused", $"PO {po.Number} cannot become a Sage order: {Describe(preliminary.Problems)}", ct));
        }

        if (existing is not null && existing.SetLineageId != set.LineageId)
        {
            return new(existing, null, null, null);
        }

        if (existing?.SageOrderId is not null)
        {
            return new(existing, AmazonDecisionInputs.FromJson(existing.InputsJson), null, null); // in Sage already: nothing to look up
        }

        var warehouse = AmazonProfiles.Setting(partner, "sageWarehouse", "MAIN");
        var ids = await AmazonSageLookup.IdsAsync(client, preliminary.Value!, warehouse, ct);
        if (!ids.IsSuccess)
        {
            return new(null, null, null, await FailAsync(set, partner, "amazon.850.sage-lookup", $"PO {po.Number} cannot become a Sage order: {Describe(ids.Problems)}", ct));
        }

        if (existing is not null)
        {
            return new(existing, AmazonDecisionInputs.FromJson(existing.InputsJson), ids.Value, null);
        }

        var inputs = new AmazonDecisionInputs(clock.GetUtcNow(),
            await AmazonSageLookup.PricesPerEachAsync(client, ids.Value!, ct),
            await AmazonSageLookup.AvailabilityAsync(client, ids.Value!, ct));
        var record = await orders.AddOrGetAsync(new AmazonOrderRecord
        {
            PartnerId = partner.Id,
            PurchaseOrderNumber = po.Number,
            SetLineageId = set.LineageId,
            CustomerDocumentNo = SalesOrderDraftBuilder.DocumentNumber(data.Settings, po.Number),
            State = AmazonOrderStates.Posting,
            InputsJson = inputs.ToJson(),
        }, ct);
        return record.SetLineageId == set.LineageId
            ? new(record, AmazonDecisionInputs.FromJson(record.InputsJson), ids.Value, null)
            : new(record, null, null, null);
    }

    /// <summary>The Sage order exists (or nothing was ordered): the 855 goes out through the gate, once per set.</summary>
    private async Task<string> AcknowledgeAsync(TransactionSetAccepted set, PartnerProfile partner, AmazonOrderRecord record, PurchaseOrderAccepted decided, CancellationToken ct)
    {
        var numbers = new StoreControlNumbers(controlNumbers, partner.Id);
        var built = AcknowledgementWriter.Build(decided.Order, decided.Acknowledgement, PartnerEnvelope.For(partner), numbers, clock);
        if (!built.IsSuccess)
        {
            return await FailAsync(set, partner, "amazon.855.refused", $"The 855 for PO {decided.Order.Number} breaks Amazon's rules and was not sent: {Describe(built.Problems)}", ct);
        }

        var sent = await outbound.SendAsync(new OutboundRequest(partner, "amazon-855", "855", set.LineageId, AcknowledgementOrdinal, LineageKind.OutboundFile, decided.Order.Number),
            () => System.Text.Encoding.UTF8.GetBytes(built.Value!.Text), ct);
        if (!sent.Sent)
        {
            return LineageStates.Posting; // refused by the guide (queued) or waiting for the transport: the set stays open
        }

        if ((record.SageOrderId ?? (await orders.FindAsync(partner.Id, decided.Order.Number, ct))?.SageOrderId) is long sageOrderId)
        {
            // before the set is acknowledged, so a crash in between releases again on re-delivery (a release is made once)
            await releases.ReleaseCreatedAsync(sageOrderId, set.LineageId, ct);
        }

        await orders.UpdateAsync(record.Id, r =>
        {
            r.State = r.State == AmazonOrderStates.Posting ? AmazonOrderStates.Acknowledged : r.State;
            r.AcknowledgedAt ??= clock.GetUtcNow();
        }, ct);
        var from = (await lineage.GetAsync(set.LineageId, ct))?.State ?? LineageStates.Posting;
        await lineage.TransitionAsync(set.LineageId, from, LineageStates.Acknowledged, ct);
        LogAcknowledged(logger, partner.Id, decided.Order.Number, decided.Acknowledgement.AckType, sent.LineageId);
        return LineageStates.Acknowledged;
    }

    private async Task RaiseLineProblemsAsync(TransactionSetAccepted set, PartnerProfile partner, PurchaseOrderAccepted decided, CancellationToken ct)
    {
        foreach (var rejected in decided.Resolved.Rejected)
        {
            await exceptions.RaiseAsync(Entry(set, partner, "amazon.850.line-rejected", Severity.Warning,
                $"PO {decided.Order.Number} line {rejected.LineNumber} ({rejected.Ordered.Describe()}) is rejected in the 855 with {rejected.AckCode}: {rejected.Reason}.",
                $"amazon-850-rejected:{set.LineageId}:{rejected.LineNumber}"), ct);
        }

        foreach (var warning in decided.Warnings)
        {
            await exceptions.RaiseAsync(Entry(set, partner, "amazon.850." + warning.Code, Severity.Info,
                $"PO {decided.Order.Number}{(warning.Line is { } l ? $" line {l}" : "")}: {warning.Message}.",
                $"amazon-850-warning:{set.LineageId}:{warning.Code}:{warning.Line}"), ct);
        }
    }

    private async Task<string> FailAsync(TransactionSetAccepted set, PartnerProfile partner, string reason, string message, CancellationToken ct)
    {
        await exceptions.RaiseAsync(Entry(set, partner, reason, Severity.Error, message, $"{reason}:{set.LineageId}"), ct);
        var from = (await lineage.GetAsync(set.LineageId, ct))?.State ?? LineageStates.Accepted;
        await lineage.SetStateAsync(set.LineageId, LineageStates.Failed, message, ct);
        LogFailed(logger, partner.Id, set.LineageId, from, message);
        return LineageStates.Failed;
    }

    private ExceptionEntry Entry(TransactionSetAccepted set, PartnerProfile partner, string reason, Severity severity, string message, string dedup) =>
        ExceptionEntry.Ops(partner.Id, Flow, reason, severity, message, set.LineageId, dedup, set.DocumentSha256);

    private static string Describe(IEnumerable<FlowProblem> problems) =>
        string.Join("; ", problems.Select(p => p.Line is { } line ? $"line {line}: {p.Message}" : p.Message));

    private sealed record OrderContext(AmazonOrderRecord? Record, AmazonDecisionInputs? Inputs, AmazonSageIds? Ids, string? FailedState);

    [LoggerMessage(EventId = 610, Level = LogLevel.Information, Message = "Partner {PartnerId} PO {Po}: Sage order {Key} with {Lines} line(s) handed to the posting actor")]
    private static partial void LogSubmitted(ILogger logger, string partnerId, string po, string key, int lines);

    [LoggerMessage(EventId = 611, Level = LogLevel.Information, Message = "Partner {PartnerId} PO {Po}: 855 ({AckType}) sent as lineage {LineageId}")]
    private static partial void LogAcknowledged(ILogger logger, string partnerId, string po, string ackType, long lineageId);

    [LoggerMessage(EventId = 612, Level = LogLevel.Warning, Message = "Partner {PartnerId} 850 set {LineageId} failed from {State}: {Reason}")]
    private static partial void LogFailed(ILogger logger, string partnerId, long lineageId, string state, string reason);
}
