using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using EdiGateway.Edi.Model;
using EdiGateway.Flows.Common;
using EdiGateway.Partners;
using EdiGateway.Pipeline;
using EdiGateway.Sage;
using EdiGateway.Sage200;
using EdiGateway.Sage200.Models;
using EdiGateway.Storage;
using EdiGateway.Storage.Entities;

namespace EdiGateway.Flows.Amazon;

/// <summary>
/// An 850 re-sent for a PO that already has a Sage order amends that order; it never makes a second one. The re-sent PO
/// is resolved through the profile's tables, compared with the Sage order as it stands now
/// (<see cref="PurchaseOrderAmendments.Plan"/>), and each change goes to Sage as its own one-line PUT (a multi-line PUT is
/// not atomic in Sage). Lines already rejected in an 855 stay rejected. Amazon then gets a change-855 answering every line,
/// under the re-sent set, and the order row follows the re-sent set, so the 856 and 810 answer the PO as amended.
/// Re-delivery is safe: the plan is made against Sage each time, so a change already in Sage is not made again, and the
/// gate sends one change-855 per set.
/// </summary>
public sealed partial class OrderAmendmentFlow(
    LineageLog lineage,
    SagePosting sage,
    AmazonOrders orders,
    ShipNoticeFlow shipNotices,
    ExceptionQueue exceptions,
    OutboundGate outbound,
    ControlNumberAllocator controlNumbers,
    TimeProvider clock,
    ILogger<OrderAmendmentFlow> logger)
{
    /// <summary>Lineage ordinal of the change-855 under the re-sent 850 set.</summary>
    public const int ChangeAcknowledgementOrdinal = 1;

    private const string Flow = "amazon-850";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Amends the order of <paramref name="record"/> with the re-sent 850 <paramref name="tree"/>; returns the set's new state.</summary>
    public async Task<string> AmendAsync(TransactionSetAccepted set, PartnerProfile partner, AmazonPartnerData data, X12TransactionSet tree,
        PurchaseOrder po, AmazonOrderRecord record, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(partner);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(record);
        if (set.LineageId < record.SetLineageId)
        {
            // an older 850 delivered again after a newer one amended the order: it must not undo the amendment
            return await DuplicateAsync(set, partner, "amazon.850.superseded", Severity.Info,
                $"An older copy of PO {record.PurchaseOrderNumber} arrived after the order was amended by a newer one; it changed nothing.", ct);
        }

        if (record.SageOrderId is not long sageOrderId)
        {
            // the first 850's order is still on its way into Sage: try again (the flow actor retries with backoff)
            throw new InvalidOperationException($"PO {record.PurchaseOrderNumber} was re-sent while its first Sage order is still posting; the amendment waits for it.");
        }

        if (record.State is AmazonOrderStates.Shipped or AmazonOrderStates.Invoiced)
        {
            return await DuplicateAsync(set, partner, "amazon.850.amend-after-shipping", Severity.Error,
                $"Amazon changed PO {record.PurchaseOrderNumber} after it was shipped (Sage order {record.SageDocumentNo}); nothing was changed in Sage. " +
                "Compare the two 850s and settle the difference with Amazon by hand.", ct);
        }

        var client = sage.Connection!.Client;
        var warehouse = AmazonProfiles.Setting(partner, "sageWarehouse", "MAIN");
        var preliminary = PurchaseOrderResolver.Resolve(po, data.Settings, data.Items, data.ShipTo, new Dictionary<string, decimal>());
        if (!preliminary.IsSuccess)
        {
            return await FailAsync(set, partner, "amazon.850.amend-refused", $"The changed PO {po.Number} cannot be applied: {Describe(preliminary.Problems)}", ct);
        }

        var ids = await AmazonSageLookup.IdsAsync(client, preliminary.Value!, warehouse, ct);
        if (!ids.IsSuccess)
        {
            return await FailAsync(set, partner, "amazon.850.sage-lookup", $"The changed PO {po.Number} cannot be applied: {Describe(ids.Problems)}", ct);
        }

        var sageOrder = await client.GetSalesOrderAsync(sageOrderId, ct)
                        ?? throw new InvalidOperationException($"Sage order {record.SageDocumentNo} (id {sageOrderId}) could not be read back.");
        var current = Current(sageOrder, record, ids.Value!, preliminary.Value!);
        var inputs = new AmazonDecisionInputs(clock.GetUtcNow(), await AmazonSageLookup.PricesPerEachAsync(client, ids.Value!, ct),
            WithOwnAllocation(await AmazonSageLookup.AvailabilityAsync(client, ids.Value!, ct), current));
        var accepted = PurchaseOrderFlow.Accept(tree, data, inputs.PricesPerEach, inputs.Availability, inputs.Clock);
        if (!accepted.IsSuccess)
        {
            return await FailAsync(set, partner, "amazon.850.amend-refused", $"The changed PO {po.Number} cannot be applied: {Describe(accepted.Problems)}", ct);
        }

        var previous = record.AcknowledgementJson is { } ackJson
            ? JsonSerializer.Deserialize<AcknowledgementDecision>(ackJson, Json)!
            : (await shipNotices.RebuildAsync(record, partner, ct)).Value?.Order.Acknowledgement;
        if (previous is null)
        {
            return await FailAsync(set, partner, "amazon.850.amend-refused", $"PO {po.Number}: the 855 first sent cannot be rebuilt, so the change cannot be answered.", ct);
        }

        var rejected = previous.Lines.Where(l => l.IsRejected).Select(l => l.LineNumber).ToHashSet(StringComparer.Ordinal);
        var plan = PurchaseOrderAmendments.Plan(accepted.Value!.Resolved, current, rejected, data.Settings);
        if (!plan.IsSuccess)
        {
            return await FailAsync(set, partner, "amazon.850.amend-refused", $"The changed PO {po.Number} cannot be applied to Sage order {record.SageDocumentNo}: {Describe(plan.Problems)}", ct);
        }

        if (plan.Value!.IsEmpty)
        {
            return await DuplicateAsync(set, partner, "amazon.850.resent", Severity.Warning,
                $"Amazon sent PO {record.PurchaseOrderNumber} again with no change to its lines. It is already Sage order {record.SageDocumentNo ?? record.CustomerDocumentNo}, so no second order was made.", ct);
        }

        foreach (var change in plan.Value.Changes)
        {
            if (await ApplyAsync(sageOrder, change, ids.Value!, ct) is { } refusal)
            {
                // the changes before this one are in Sage; a retry plans again against the order as Sage now holds it
                return await FailAsync(set, partner, "amazon.850.amend-refused",
                    $"Sage refused to change PO line {change.LineReference} of order {record.SageDocumentNo} for the changed PO {po.Number}: {refusal}. " +
                    "Earlier changes were made; fix the cause and replay the set.", ct);
            }
        }

        var revised = AcknowledgementDecider.CarryRejections(previous, accepted.Value.Acknowledgement);
        var change855 = AcknowledgementWriter.BuildChange(accepted.Value.Order, previous, revised, record.AcknowledgedAt ?? clock.GetUtcNow(), data.Settings,
            PartnerEnvelope.For(partner), new StoreControlNumbers(controlNumbers, partner.Id), clock);
        if (!change855.IsSuccess)
        {
            await RaiseAsync(set, partner, "amazon.855.change-refused", Severity.Error,
                $"Sage order {record.SageDocumentNo} was amended for the changed PO {po.Number}, but the change-855 breaks Amazon's rules and was not sent: {Describe(change855.Problems)}", ct);
        }
        else
        {
            var sent = await outbound.SendAsync(new OutboundRequest(partner, "amazon-855", "855", set.LineageId, ChangeAcknowledgementOrdinal, LineageKind.OutboundFile, po.Number),
                () => Encoding.UTF8.GetBytes(change855.Value!.Text), ct);
            if (!sent.Sent)
            {
                return LineageStates.Posting; // refused by the guide (queued) or waiting for the transport: the set stays open
            }
        }

        await orders.UpdateAsync(record.Id, r =>
        {
            r.SetLineageId = set.LineageId;
            r.InputsJson = inputs.ToJson();
            r.AcknowledgementJson = JsonSerializer.Serialize(change855.IsSuccess ? revised : previous, Json);
        }, ct);
        await RaiseAsync(set, partner, "amazon.850.amended", Severity.Info,
            $"Amazon changed PO {po.Number}; Sage order {record.SageDocumentNo} was amended: {string.Join("; ", plan.Value.Changes.Select(Describe))}" +
            (plan.Value.NewlyRejected.IsEmpty ? "." : $"; rejected now: {string.Join(", ", plan.Value.NewlyRejected.Select(r => $"line {r.LineNumber} ({r.Reason})"))}."), ct);
        var from = (await lineage.GetAsync(set.LineageId, ct))?.State ?? LineageStates.Accepted;
        await lineage.TransitionAsync(set.LineageId, from, LineageStates.Acknowledged, ct);
        LogAmended(logger, partner.Id, po.Number, plan.Value.Changes.Length, set.LineageId);
        return LineageStates.Acknowledged;
    }

    /// <summary>PO101 recorded on a Sage order line (its despatch note comment starts "PO line N /").</summary>
    public static string? PoLine(string? comment) =>
        comment is null ? null : PoLinePattern().Match(comment) is { Success: true } m ? m.Groups[1].Value : null;

    /// <summary>One change, one PUT: Sage applies PUT lines one at a time and stops at the first failure. Returns why Sage
    /// (or the connector's contract check) refused the change; a lock or an outage is thrown, so the flow actor retries.</summary>
    private async Task<string?> ApplyAsync(SageSopOrder order, LineAmendment change, AmazonSageIds ids, CancellationToken ct)
    {
        SageSopOrderLine Existing(long? id) => Writable(order.Lines?.FirstOrDefault(l => l.Id == id)
            ?? throw new InvalidOperationException($"line {id} is not on Sage order {order.DocumentNo}"));
        var line = change switch
        {
            LineQuantityChanged q => Existing(q.SageLineId) with { LineQuantity = q.ToEaches, SellingUnitPrice = q.ToPrice },
            LineCancelled c => Existing(c.SageLineId) with { IsToDelete = true },
            LineAdded a => new SageSopOrderLine
            {
                LineType = SageLineType.Standard,
                ProductId = ids.Products[a.Line.ProductCode].Id,
                WarehouseId = ids.WarehouseId,
                LineQuantity = a.Line.LineQuantity,
                SellingUnitId = ids.Products[a.Line.ProductCode].StockUnitId,
                SellingUnitPrice = a.Line.SellingUnitPrice,
                TaxCodeId = ids.Products[a.Line.ProductCode].TaxCodeId,
                DespatchNoteComment = a.Line.DespatchNoteComment,
            },
            _ => throw new InvalidOperationException($"unknown amendment {change.GetType().Name}"),
        };
        try
        {
            var result = await sage.Connection!.Client.UpdateSalesOrderAsync(order.Id!.Value, new SageSopOrder { Lines = [line] }, ct);
            return result.IsRefused ? string.Join("; ", result.Refusals.Select(r => $"{r.JsonPath} {r.Detail}")) : null;
        }
        catch (SageApiException ex) when (!ex.IsTransient)
        {
            return ex.SageMessage ?? ex.Message;
        }
    }

    /// <summary>A line as a PUT sends it: the fields Sage needs to find and keep the line, none of its read-only values.</summary>
    private static SageSopOrderLine Writable(SageSopOrderLine line) => new()
    {
        Id = line.Id,
        LineType = line.LineType,
        ProductId = line.ProductId,
        WarehouseId = line.WarehouseId,
        LineQuantity = line.LineQuantity,
        SellingUnitId = line.SellingUnitId,
        SellingUnitPrice = line.SellingUnitPrice,
        TaxCodeId = line.TaxCodeId,
    };

    private static CurrentSalesOrder Current(SageSopOrder order, AmazonOrderRecord record, AmazonSageIds ids, ResolvedOrder resolved) =>
        new(order.CustomerDocumentNo ?? record.CustomerDocumentNo,
            order.CustomerId == ids.CustomerId ? resolved.ShipTo.SageAccount : $"customer id {order.CustomerId}",
            [.. (order.Lines ?? []).Where(l => PoLine(l.DespatchNoteComment) is not null)
                .Select(l => new CurrentOrderLine(PoLine(l.DespatchNoteComment)!, l.Code ?? "", l.LineQuantity ?? 0, l.SellingUnitPrice ?? 0, l.Id))]);

    /// <summary>Stock the order already holds is available to it: its own allocation is added back before the lines are re-decided.</summary>
    private static Dictionary<string, StockPosition> WithOwnAllocation(IReadOnlyDictionary<string, StockPosition> positions, CurrentSalesOrder current)
    {
        var own = current.Lines.GroupBy(l => l.ProductCode, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.Sum(l => l.QuantityEaches), StringComparer.OrdinalIgnoreCase);
        return positions.ToDictionary(p => p.Key, p => p.Value with { Allocated = Math.Max(0, p.Value.Allocated - own.GetValueOrDefault(p.Key)) }, StringComparer.Ordinal);
    }

    private static string Describe(LineAmendment change) => change switch
    {
        LineQuantityChanged q => $"line {q.LineReference} {q.FromEaches:0.##} -> {q.ToEaches:0.##} each" + (q.FromPrice != q.ToPrice ? $" at {q.ToPrice:0.#####}" : ""),
        LineCancelled c => $"line {c.LineReference} cancelled ({c.Reason})",
        LineAdded a => $"line {a.LineReference} added ({a.Line.LineQuantity:0.##} x {a.Line.ProductCode})",
        _ => change.LineReference,
    };

    private static string Describe(IEnumerable<FlowProblem> problems) =>
        string.Join("; ", problems.Select(p => p.Line is { } line ? $"line {line}: {p.Message}" : p.Message));

    private async Task<string> DuplicateAsync(TransactionSetAccepted set, PartnerProfile partner, string reason, Severity severity, string message, CancellationToken ct)
    {
        await RaiseAsync(set, partner, reason, severity, message, ct);
        var from = (await lineage.GetAsync(set.LineageId, ct))?.State ?? LineageStates.Accepted;
        await lineage.TransitionAsync(set.LineageId, from, LineageStates.Duplicate, ct);
        return LineageStates.Duplicate;
    }

    private async Task<string> FailAsync(TransactionSetAccepted set, PartnerProfile partner, string reason, string message, CancellationToken ct)
    {
        await RaiseAsync(set, partner, reason, Severity.Error, message, ct);
        await lineage.SetStateAsync(set.LineageId, LineageStates.Failed, message, ct);
        return LineageStates.Failed;
    }

    private Task RaiseAsync(TransactionSetAccepted set, PartnerProfile partner, string reason, Severity severity, string message, CancellationToken ct) =>
        exceptions.RaiseAsync(ExceptionEntry.Ops(partner.Id, Flow, reason, severity, message, set.LineageId, $"{reason}:{set.LineageId}", set.DocumentSha256), ct);

    [GeneratedRegex(@"^PO line (\S+) /", RegexOptions.CultureInvariant)]
    private static partial Regex PoLinePattern();

    [LoggerMessage(EventId = 613, Level = LogLevel.Information, Message = "Partner {PartnerId} PO {Po}: Sage order amended with {Changes} change(s), change-855 under set {LineageId}")]
    private static partial void LogAmended(ILogger logger, string partnerId, string po, int changes, long lineageId);
}
