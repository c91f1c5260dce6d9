using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using EdiGateway.Flows.Amazon;
using EdiGateway.Partners;
using EdiGateway.Pipeline;
using EdiGateway.Sage;
using EdiGateway.Sage200.Client;
using EdiGateway.Sage200.Models;
using EdiGateway.Storage;
using EdiGateway.Storage.Entities;

namespace EdiGateway.Flows.Warehouse;

/// <summary>How a release went.</summary>
public enum ReleaseStatus
{
    /// <summary>The 940 went out now.</summary>
    Sent,
    /// <summary>The order was released to this 3PL before; nothing new was sent.</summary>
    AlreadySent,
    /// <summary>The 940 is recorded but not sent (refused by the 3PL guide, queued; or waiting for the transport).</summary>
    Waiting,
    /// <summary>No 940 could be built (unknown item, no address, nothing to pick ...): queued with the reason.</summary>
    Refused,
    /// <summary>Sage has no such order.</summary>
    NotFound,
    /// <summary>The partner is not a 3PL with the 940 enabled, or Sage posting is off.</summary>
    Unavailable,
}

/// <summary>The outcome of <see cref="WarehouseFulfilment.ReleaseAsync"/>: what happened, in plain words, and the rows it left.</summary>
public sealed record ReleaseOutcome(ReleaseStatus Status, string Message, long? FulfilmentId = null, long? OutboundLineageId = null);

/// <summary>
/// Releases a Sage order to a 3PL: reads the order and its open lines (stock units) from Sage, builds the 940 in the
/// warehouse's SKUs and units (<see cref="ShippingOrderBuilder"/>), records a <c>warehouse_fulfilments</c> row with what
/// was released (the 945 is matched against it) and sends the 940 through the <see cref="OutboundGate"/>, which checks
/// it against the 3PL's guide. Lineage: release row (under the caller's, e.g. the 850 set) -> the 940. A second release
/// of the same order to the same 3PL sends nothing new.
/// </summary>
public sealed partial class WarehouseFulfilment(
    PartnerCatalog catalog,
    SagePosting sage,
    WarehouseStore store,
    AmazonOrders amazonOrders,
    LineageLog lineage,
    ExceptionQueue exceptions,
    OutboundGate outbound,
    ControlNumberAllocator controlNumbers,
    TimeProvider clock,
    ILogger<WarehouseFulfilment> logger)
{
    public const string Flow = "warehouse-940";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Sends Sage order <paramref name="sageOrderId"/> to 3PL <paramref name="warehousePartnerId"/> as a 940 (once).
    /// <paramref name="parentLineageId"/> is the lineage row the release hangs under (the 850 set of an Amazon order), or null.
    /// </summary>
    public async Task<ReleaseOutcome> ReleaseAsync(string warehousePartnerId, long sageOrderId, long? parentLineageId, CancellationToken ct)
    {
        if (catalog.Current?.Partners.GetValueOrDefault(warehousePartnerId) is not { } partner || !WarehouseProfiles.Runs(partner, Flow))
        {
            return new(ReleaseStatus.Unavailable, $"'{warehousePartnerId}' is not a 3PL partner with the warehouse-940 flow enabled.");
        }

        if (!sage.IsRunning || sage.Connection is not { } connection)
        {
            return new(ReleaseStatus.Unavailable, "Sage posting is off: a Sage order cannot be read, so nothing was released.");
        }

        var existing = await store.FindFulfilmentAsync(partner.Id, sageOrderId, ct);
        if (existing is { State: not FulfilmentStates.Releasing })
        {
            return new(ReleaseStatus.AlreadySent, $"Sage order {existing.SageDocumentNo} was released to {partner.Name} before; nothing new was sent.", existing.Id, existing.OutboundLineageId);
        }

        var data = WarehouseProfiles.For(partner);
        if (!data.IsSuccess)
        {
            return await RefuseAsync(partner, sageOrderId, parentLineageId, "warehouse.profile", $"The 3PL profile {partner.Id} cannot be used: {WarehouseProfiles.Describe(data.Problems)}", ct);
        }

        var client = connection.Client;
        var order = await client.GetSalesOrderAsync(sageOrderId, ct);
        if (order?.DocumentNo is not { } documentNo)
        {
            return new(ReleaseStatus.NotFound, $"Sage has no sales order with id {sageOrderId}.");
        }

        var amazon = order.CustomerDocumentNo is { } cdn ? await amazonOrders.FindByDocumentNoAsync(cdn, ct) : null;
        var fulfilment = await ToFulfilmentOrderAsync(client, partner, data.Value!.Settings, order, amazon, ct);
        var numbers = new StoreControlNumbers(controlNumbers, partner.Id);
        var built = ShippingOrderBuilder.Build(fulfilment, data.Value.Items, data.Value.Settings, PartnerEnvelope.For(partner), numbers, clock);
        if (!built.IsSuccess)
        {
            return await RefuseAsync(partner, sageOrderId, parentLineageId, "warehouse.940.refused",
                $"Sage order {documentNo} cannot go to {partner.Name} as a 940: {WarehouseProfiles.Describe(built.Problems)}", ct);
        }

        var record = existing ?? await store.AddOrGetFulfilmentAsync(new FulfilmentRecord
        {
            PartnerId = partner.Id,
            SageOrderId = sageOrderId,
            SageDocumentNo = documentNo,
            CustomerDocumentNo = order.CustomerDocumentNo,
            IsAmazonOrder = amazon is not null,
            State = FulfilmentStates.Releasing,
            ReleasedJson = JsonSerializer.Serialize(built.Value!.Released, Json),
        }, ct);
        if (record.State != FulfilmentStates.Releasing)
        {
            return new(ReleaseStatus.AlreadySent, $"Sage order {documentNo} was released to {partner.Name} before; nothing new was sent.", record.Id, record.OutboundLineageId);
        }

        var releaseRow = record.ReleaseLineageId ?? await AddReleaseRowAsync(partner, record, amazon?.PurchaseOrderNumber, parentLineageId, ct);
        var sent = await outbound.SendAsync(new OutboundRequest(partner, Flow, "940", releaseRow, 1, LineageKind.OutboundFile, amazon?.PurchaseOrderNumber ?? fulfilment.CustomerPurchaseOrder),
            () => Encoding.UTF8.GetBytes(built.Value!.Document.Text), ct);
        if (!sent.Sent)
        {
            await store.UpdateFulfilmentAsync(record.Id, r => r.OutboundLineageId = sent.LineageId, ct);
            return new(ReleaseStatus.Waiting, $"The 940 for Sage order {documentNo} is recorded but was not sent (it fails the 3PL guide, see the queue, or waits for the transport).", record.Id, sent.LineageId);
        }

        // the stored 940 is what went: the released lines are those of the first build (a rebuild after a restart gets the same lines)
        await store.UpdateFulfilmentAsync(record.Id, r =>
        {
            r.State = FulfilmentStates.Released;
            r.OutboundLineageId = sent.LineageId;
            r.ReleasedAt ??= clock.GetUtcNow();
        }, ct);
        await lineage.SetStateAsync(releaseRow, LineageStates.Processed, null, ct);
        LogReleased(logger, partner.Id, documentNo, built.Value!.Released.Lines.Length, sent.LineageId);
        return new(sent.AlreadySent ? ReleaseStatus.AlreadySent : ReleaseStatus.Sent,
            $"Sage order {documentNo} was sent to {partner.Name} as a 940 with {built.Value.Released.Lines.Length} line(s){Omitted(built.Value)}.", record.Id, sent.LineageId);
    }

    /// <summary>The Sage order as the 940's input: open stock lines in stock units (GET /sop_confirm_despatch), memo and charge lines by type.</summary>
    private async Task<FulfilmentOrder> ToFulfilmentOrderAsync(Sage200Client client, PartnerProfile partner, WarehouseSettings settings, SageSopOrder order,
        AmazonOrderRecord? amazon, CancellationToken ct)
    {
        var warehouseIds = new HashSet<long>();
        await foreach (var w in client.GetWarehousesAsync(ct))
        {
            if (string.Equals(w.Name, settings.SageWarehouse, StringComparison.OrdinalIgnoreCase))
            {
                warehouseIds.Add(w.Id);
            }
        }

        var open = (await client.GetDespatchableLinesAsync(order.DocumentNo!, ct)).Where(d => d.SopOrderReturnId == order.Id)
            .SelectMany(d => d.Items).ToDictionary(i => i.Id);
        var lines = ImmutableArray.CreateBuilder<FulfilmentLine>();
        foreach (var line in order.Lines ?? [])
        {
            var id = (line.Id ?? 0).ToString(CultureInfo.InvariantCulture);
            var poLine = PoLine(line.DespatchNoteComment);
            switch (line.LineType)
            {
                case SageLineType.Standard when line.WarehouseId is { } w && !warehouseIds.Contains(w):
                    break; // picked from another warehouse: not this 3PL's
                case SageLineType.Standard when open.TryGetValue(line.Id ?? 0, out var item) && item.OutstandingQuantity is > 0 and var outstanding:
                    lines.Add(new FulfilmentLine(id, FulfilmentLineType.Stock, item.ItemCode ?? line.Code, outstanding, line.Description, poLine));
                    break;
                case SageLineType.Standard:
                    break; // despatched already
                case SageLineType.Charge:
                    lines.Add(new FulfilmentLine(id, FulfilmentLineType.Charge, null, line.LineQuantity ?? 1, line.Description));
                    break;
                default:
                    lines.Add(new FulfilmentLine(id, FulfilmentLineType.FreeText, null, 1, line.Description ?? line.DespatchNoteComment));
                    break;
            }
        }

        var a = order.DeliveryAddress;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var delivery = order.RequestedDeliveryDate is { } d ? DateOnly.FromDateTime(d.UtcDateTime) : (DateOnly?)null;
        var prefix = WarehouseProfiles.Setting(partner, "channelPrefix");
        var customerPo = amazon?.PurchaseOrderNumber ?? StripPrefix(order.CustomerDocumentNo, prefix);
        return new FulfilmentOrder
        {
            OrderNumber = order.DocumentNo!,
            CustomerPurchaseOrder = customerPo is { Length: > 0 and <= 22 } ? customerPo : null,
            ShipTo = new DeliveryAddress(a?.PostalName ?? a?.Contact ?? "", a?.Address1, a?.Address2, a?.City, a?.County, a?.Postcode, a?.Country),
            RequestedShipDate = today,
            RequestedDeliveryDate = delivery >= today ? delivery : null,
            Carrier = new CarrierService(
                WarehouseProfiles.Setting(partner, "carrierScac") is { Length: > 0 } scac ? scac : null,
                PaymentMethod: WarehouseProfiles.Setting(partner, "freightTerms", "PP"),
                Service: WarehouseProfiles.Setting(partner, "carrierService") is { Length: > 0 } service ? service : null),
            Lines = lines.ToImmutable(),
            IsAmazonOrder = amazon is not null,
        };
    }

    private async Task<long> AddReleaseRowAsync(PartnerProfile partner, FulfilmentRecord record, string? po, long? parentLineageId, CancellationToken ct)
    {
        var id = await lineage.AddAsync(new LineageEntry
        {
            ParentId = parentLineageId,
            Kind = LineageKind.Document,
            Direction = Direction.Outbound,
            PartnerId = partner.Id,
            Flow = Flow,
            DocumentType = "warehouse-release",
            State = LineageStates.Queued,
            PurchaseOrderNumber = po,
            ShipmentId = record.SageDocumentNo,
            CreatedAt = default,
            UpdatedAt = default,
        }, new Dictionary<string, string>
        {
            ["sageOrderId"] = record.SageOrderId.ToString(CultureInfo.InvariantCulture),
            ["documentNo"] = record.SageDocumentNo,
        }, ct);
        var updated = await store.UpdateFulfilmentAsync(record.Id, r => r.ReleaseLineageId ??= id, ct);
        return updated.ReleaseLineageId!.Value;
    }

    private async Task<ReleaseOutcome> RefuseAsync(PartnerProfile partner, long sageOrderId, long? parentLineageId, string reason, string message, CancellationToken ct)
    {
        await exceptions.RaiseAsync(new ExceptionEntry
        {
            Queue = "ops",
            PartnerId = partner.Id,
            Flow = Flow,
            ReasonCode = reason,
            Message = message,
            Severity = Severity.Error,
            LineageEntryId = parentLineageId,
            DeduplicationKey = $"{reason}:{partner.Id}:{sageOrderId.ToString(CultureInfo.InvariantCulture)}",
            CreatedAt = default,
            UpdatedAt = default,
        }, ct);
        LogRefused(logger, partner.Id, sageOrderId, reason);
        return new(ReleaseStatus.Refused, message);
    }

    /// <summary>The customer line (PO101) the Amazon flow writes into despatch_note_comment ("PO line 3 / ...").</summary>
    internal static string? PoLine(string? comment) =>
        comment is not null && PoLinePattern().Match(comment) is { Success: true } m ? m.Groups[1].Value : null;

    private static string? StripPrefix(string? documentNo, string prefix) =>
        documentNo is null ? null
        : prefix.Length > 0 && documentNo.StartsWith(prefix + "-", StringComparison.OrdinalIgnoreCase) ? documentNo[(prefix.Length + 1)..]
        : documentNo;

    private static string Omitted(ShippingOrderSent sent) =>
        sent.Omitted.IsEmpty ? "" : $"; {sent.Omitted.Length} line(s) stay on the Sage order only ({string.Join("; ", sent.Omitted.Select(o => $"line {o.SageLineId}: {o.Reason}"))})";

    [GeneratedRegex(@"^PO line (\S+) /", RegexOptions.CultureInvariant)]
    private static partial Regex PoLinePattern();

    [LoggerMessage(EventId = 640, Level = LogLevel.Information, Message = "3PL {PartnerId}: Sage order {DocumentNo} released as a 940 with {Lines} line(s), lineage {LineageId}")]
    private static partial void LogReleased(ILogger logger, string partnerId, string documentNo, int lines, long lineageId);

    [LoggerMessage(EventId = 641, Level = LogLevel.Warning, Message = "3PL {PartnerId}: Sage order {SageOrderId} not released ({Reason})")]
    private static partial void LogRefused(ILogger logger, string partnerId, long sageOrderId, string reason);
}
