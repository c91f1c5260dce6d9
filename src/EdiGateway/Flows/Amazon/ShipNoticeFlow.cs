using System.Globalization;
using System.Text;
using System.Text.Json;
using EdiGateway.Flows.Common;
using EdiGateway.Partners;
using EdiGateway.Pipeline;
using EdiGateway.Storage;
using EdiGateway.Storage.Entities;

namespace EdiGateway.Flows.Amazon;

/// <summary>
/// A despatch Sage has recorded for an Amazon order becomes the 856 (005010) and, when less shipped than the 855
/// promised, a change-855 first. The order is rebuilt from its stored 850 and decision inputs, so the 856 answers in the
/// PO's basis and is checked against the PO and the 855 (no over-shipment, counting earlier ASNs; valid SSCCs; BOL and
/// SCAC rules). Anything that fails the rules or the guide goes to the queue and nothing is sent. Both documents hang
/// under the lineage row of what reported the despatch (the 945), carry the PO number, and are sent once per despatch.
/// </summary>
public sealed partial class ShipNoticeFlow(
    AmazonOrders orders,
    PartnerCatalog catalog,
    LineageLog lineage,
    IDocumentStore documents,
    ExceptionQueue exceptions,
    OutboundGate outbound,
    ControlNumberAllocator controlNumbers,
    TimeProvider clock,
    ILogger<ShipNoticeFlow> logger) : IAmazonDespatchNotifier
{
    /// <summary>Ordinal of the change-855 under the despatch's lineage row.</summary>
    public const int ChangeAcknowledgementOrdinal = 1;

    /// <summary>Ordinal of the 856 under the despatch's lineage row.</summary>
    public const int ShipNoticeOrdinal = 2;

    /// <summary>Ordinal of the row that holds the 856's deadline (<c>sla.asnMinutesAfterDespatch</c>) until it is sent.</summary>
    public const int ShipNoticeDueOrdinal = 3;

    /// <summary>Document type of the deadline row.</summary>
    public const string ShipNoticeDue = "856-due";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task DespatchedAsync(AmazonDespatchNotice notice, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var record = await orders.FindByDocumentNoAsync(notice.CustomerDocumentNo, ct);
        if (record is null || catalog.Current?.Partners.GetValueOrDefault(record.PartnerId) is not { } partner)
        {
            await RaiseAsync(notice, null, "amazon.856.no-order", $"Sage order {notice.CustomerDocumentNo} was despatched, but the gateway has no Amazon PO for it (or its partner profile is gone): no 856 was sent.", ct);
            return;
        }

        var due = await DueAsync(notice, record, partner, ct);
        if (notice.Plan.Amazon is not { } update)
        {
            await RaiseAsync(notice, partner.Id, "amazon.856.incomplete", $"PO {record.PurchaseOrderNumber}: the despatch is not complete in Sage yet, so no 856 was sent (an ASN never reports what Sage has not recorded).", ct);
            return;
        }

        var rebuilt = await RebuildAsync(record, partner, ct);
        if (!rebuilt.IsSuccess)
        {
            await RaiseAsync(notice, partner.Id, "amazon.856.order", $"PO {record.PurchaseOrderNumber}: the order cannot be rebuilt for its 856: {Describe(rebuilt.Problems)}", ct);
            return;
        }

        var (order, data) = (rebuilt.Value!.Order, rebuilt.Value.Data);
        var settings = data.Settings;
        var previous = record.AcknowledgementJson is { } json ? JsonSerializer.Deserialize<AcknowledgementDecision>(json, Json)! : order.Acknowledgement;
        var eta = notice.Plan.ShipDate.AddDays(int.Parse(AmazonProfiles.Setting(partner, "transitDays", "2"), CultureInfo.InvariantCulture));
        var despatch = update.ToDespatch(notice.Plan, ShipFromOf(partner, settings), order.Resolved.ShipTo.FcCode, eta);
        if (!despatch.IsSuccess)
        {
            await RaiseAsync(notice, partner.Id, "amazon.856.refused", $"PO {record.PurchaseOrderNumber}: no 856 was sent: {Describe(despatch.Problems)}", ct);
            return;
        }

        var numbers = new StoreControlNumbers(controlNumbers, partner.Id);
        var acknowledgement = previous;
        if (update.Lines.Any(l => l.ShortEaches > 0 && !l.Backordered))
        {
            var revised = Warehouse.AmazonShortShipment.Revise(update, previous, order.Resolved, notice.Plan.ShipDate);
            var change = AcknowledgementWriter.BuildChange(order.Order, previous, revised, record.AcknowledgedAt ?? clock.GetUtcNow(), settings,
                PartnerEnvelope.For(partner), numbers, clock);
            if (!change.IsSuccess)
            {
                await RaiseAsync(notice, partner.Id, "amazon.855.change-refused", $"PO {record.PurchaseOrderNumber} shipped short, but the change-855 breaks Amazon's rules and was not sent: {Describe(change.Problems)}", ct);
            }
            else
            {
                await outbound.SendAsync(new OutboundRequest(partner, "amazon-855", "855", notice.SourceLineageId, ChangeAcknowledgementOrdinal, LineageKind.OutboundFile, record.PurchaseOrderNumber),
                    () => Encoding.UTF8.GetBytes(change.Value!.Text), ct);
                acknowledgement = revised;
            }
        }

        var shipped = record.ShippedJson is { } s ? JsonSerializer.Deserialize<Dictionary<string, decimal>>(s, Json)! : [];
        var asn = ShipNoticeBuilder.Build(despatch.Value!, [new ShipmentOrder(order.Resolved, acknowledgement, shipped)], settings,
            PartnerEnvelope.For(partner, "00501"), numbers, clock);
        if (!asn.IsSuccess)
        {
            await RaiseAsync(notice, partner.Id, "amazon.856.refused", $"The 856 for PO {record.PurchaseOrderNumber} (shipment {despatch.Value!.ShipmentId}) was not sent: {Describe(asn.Problems)}", ct);
            return;
        }

        var sent = await outbound.SendAsync(new OutboundRequest(partner, "amazon-856", "856", notice.SourceLineageId, ShipNoticeOrdinal, LineageKind.OutboundFile, record.PurchaseOrderNumber),
            () => Encoding.UTF8.GetBytes(asn.Value!.Text), ct);
        if (sent.Sent)
        {
            await lineage.TransitionAsync(due, LineageStates.Accepted, LineageStates.Processed, ct);
        }

        if (sent.AlreadySent || !sent.Sent)
        {
            return;
        }

        foreach (var line in update.Lines)
        {
            var units = order.Resolved.Line(line.LineNumber)?.UnitsPerCase ?? 1;
            shipped[line.LineNumber] = shipped.GetValueOrDefault(line.LineNumber) + line.ShippedEaches / units;
        }

        await orders.UpdateAsync(record.Id, r =>
        {
            r.ShippedJson = JsonSerializer.Serialize(shipped, Json);
            r.AcknowledgementJson = JsonSerializer.Serialize(acknowledgement, Json);
            r.State = r.State is AmazonOrderStates.Invoiced ? r.State : AmazonOrderStates.Shipped;
            r.ShippedAt ??= clock.GetUtcNow();
        }, ct);
        LogShipped(logger, partner.Id, record.PurchaseOrderNumber, despatch.Value!.ShipmentId, despatch.Value.Cartons.Length, sent.LineageId);
    }

    /// <summary>The 856's deadline, recorded once per despatch: due <c>sla.asnMinutesAfterDespatch</c> after the despatch reached
    /// the gateway, open until the 856 is sent, so a refused or stuck ASN shows in the deadlines and, late, on the queue.</summary>
    private async Task<long> DueAsync(AmazonDespatchNotice notice, AmazonOrderRecord record, PartnerProfile partner, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var minutes = partner.Sla.TryGetValue("asnMinutesAfterDespatch", out var m) ? (double)m : 30;
        var (id, _) = await lineage.AddStepAsync(new LineageEntry
        {
            ParentId = notice.SourceLineageId,
            Ordinal = ShipNoticeDueOrdinal,
            Kind = LineageKind.Document,
            Direction = Direction.Inbound,
            PartnerId = partner.Id,
            Flow = "amazon-856",
            State = LineageStates.Accepted,
            DocumentType = ShipNoticeDue,
            PurchaseOrderNumber = record.PurchaseOrderNumber,
            ShipmentId = notice.Plan.BillOfLading,
            DueAt = now.AddMinutes(minutes),
            CreatedAt = now,
            UpdatedAt = now,
        }, null, ct);
        return id;
    }

    /// <summary>The order as decided: the stored 850 run through the rules again with the stored Sage prices and stock.</summary>
    public async Task<FlowResult<RebuiltOrder>> RebuildAsync(AmazonOrderRecord record, PartnerProfile partner, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(record);
        var data = AmazonProfiles.For(partner);
        if (!data.IsSuccess)
        {
            return FlowResult<RebuiltOrder>.Fail(data.Problems);
        }

        var set = await lineage.GetAsync(record.SetLineageId, ct);
        if (set?.DocumentSha256 is not { } sha)
        {
            return FlowResult<RebuiltOrder>.Fail("NoPurchaseOrder", $"the 850 of PO {record.PurchaseOrderNumber} is not in the store");
        }

        var tree = await PurchaseOrderIntake.ReadSetAsync(documents, sha, ct);
        var inputs = AmazonDecisionInputs.FromJson(record.InputsJson);
        var accepted = PurchaseOrderFlow.Accept(tree, data.Value!, inputs.PricesPerEach, inputs.Availability, inputs.Clock);
        return accepted.IsSuccess
            ? FlowResult<RebuiltOrder>.Ok(new RebuiltOrder(accepted.Value!, data.Value!))
            : FlowResult<RebuiltOrder>.Fail(accepted.Problems);
    }

    private static ShipFrom ShipFromOf(PartnerProfile partner, AmazonSettings settings)
    {
        var remit = settings.RemitTo;
        string Get(string key, string? fallback) => AmazonProfiles.Setting(partner, "shipFrom." + key, fallback ?? "");
        return new ShipFrom(Get("name", remit?.Name), Get("address1", remit?.Address1), Get("city", remit?.City),
            AmazonProfiles.Setting(partner, "shipFrom.state", remit?.State ?? "") is { Length: > 0 } st ? st : null,
            Get("postcode", remit?.PostalCode), Get("country", remit?.Country));
    }

    private Task RaiseAsync(AmazonDespatchNotice notice, string? partnerId, string reason, string message, CancellationToken ct) =>
        exceptions.RaiseAsync(ExceptionEntry.Ops(partnerId ?? notice.WarehousePartnerId, "amazon-856", reason, Severity.Error, message,
            notice.SourceLineageId, $"{reason}:{notice.SourceLineageId}"), ct);

    private static string Describe(IEnumerable<FlowProblem> problems) =>
        string.Join("; ", problems.Select(p => p.Line is { } line ? $"line {line}: {p.Message} ({p.Code})" : $"{p.Message} ({p.Code})"));

    [LoggerMessage(EventId = 620, Level = LogLevel.Information, Message = "Partner {PartnerId} PO {Po}: 856 for shipment {ShipmentId} with {Cartons} carton(s) sent as lineage {LineageId}")]
    private static partial void LogShipped(ILogger logger, string partnerId, string po, string shipmentId, int cartons, long lineageId);
}

/// <summary>An Amazon order rebuilt from its stored 850: the decisions and the profile data they were made with.</summary>
public sealed record RebuiltOrder(PurchaseOrderAccepted Order, AmazonPartnerData Data);
