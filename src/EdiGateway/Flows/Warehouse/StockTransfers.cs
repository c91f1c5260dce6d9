using System.Text;
using System.Text.Json;
using EdiGateway.Partners;
using EdiGateway.Pipeline;
using EdiGateway.Storage;
using EdiGateway.Storage.Entities;

namespace EdiGateway.Flows.Warehouse;

/// <summary>Stock sent to a 3PL (<c>POST /api/warehouse/{partnerId}/transfers</c>): leaves Sage warehouse <see cref="FromWarehouse"/> (default MAIN).</summary>
public sealed record StockTransferRequest(string Reference, IReadOnlyList<StockTransferRequestLine> Lines, string? FromWarehouse = null, DateOnly? ShippedOn = null,
    DateOnly? ExpectedDelivery = null, string? ShipmentId = null, string? CarrierScac = null, string? ShipFromName = null);

/// <summary>One product of a transfer, stock units.</summary>
public sealed record StockTransferRequestLine(string ProductCode, decimal Quantity, string? LineId = null);

/// <summary>What the 944 is compared with: the 943's expectation and the Sage warehouse the stock comes from.</summary>
public sealed record StoredTransfer(StockTransferExpectation Expectation, string FromWarehouse);

/// <summary>How announcing a transfer went.</summary>
public sealed record TransferOutcome(ReleaseStatus Status, string Message, long? TransferId = null, long? OutboundLineageId = null);

/// <summary>
/// 943 out: stock on its way to a 3PL is announced (<see cref="StockTransferBuilder"/>, the warehouse's SKUs and unit),
/// recorded in <c>warehouse_transfers</c> (one per 3PL and reference: the 944 is matched by W1704 = our W0602) and sent
/// through the outbound gate. Lineage: transfer row -> the 943.
/// </summary>
public sealed class StockTransfers(
    PartnerCatalog catalog,
    WarehouseStore store,
    LineageLog lineage,
    OutboundGate outbound,
    ControlNumberAllocator controlNumbers,
    TimeProvider clock)
{
    public const string Flow = "warehouse-943";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<TransferOutcome> SendAsync(string warehousePartnerId, StockTransferRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (catalog.Current?.Partners.GetValueOrDefault(warehousePartnerId) is not { } partner || !WarehouseProfiles.Runs(partner, Flow))
        {
            return new(ReleaseStatus.Unavailable, $"'{warehousePartnerId}' is not a 3PL partner with the warehouse-943 flow enabled.");
        }

        var data = WarehouseProfiles.For(partner);
        if (!data.IsSuccess)
        {
            return new(ReleaseStatus.Refused, $"The 3PL profile {partner.Id} cannot be used: {WarehouseProfiles.Describe(data.Problems)}");
        }

        var existing = await store.FindTransferAsync(partner.Id, StockTransferRecord.Transfer, request.Reference, ct);
        if (existing?.OutboundLineageId is { } sentBefore && existing.State != TransferStates.Announcing)
        {
            return new(ReleaseStatus.AlreadySent, $"Transfer {request.Reference} was announced to {partner.Name} before; nothing new was sent.", existing.Id, sentBefore);
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var expectation = existing?.ExpectationJson is { } json
            ? JsonSerializer.Deserialize<StoredTransfer>(json, Json)!.Expectation
            : new StockTransferExpectation
            {
                Reference = request.Reference,
                ShippedOn = request.ShippedOn ?? today,
                ExpectedDelivery = request.ExpectedDelivery,
                ShipmentId = request.ShipmentId,
                ShipFromName = request.ShipFromName,
                CarrierScac = request.CarrierScac,
                Lines = [.. request.Lines.Select((l, i) => new ExpectedLine(l.LineId ?? (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), l.ProductCode, l.Quantity))],
            };
        var built = StockTransferBuilder.Build(expectation, data.Value!.Items, data.Value.Settings, PartnerEnvelope.For(partner), new StoreControlNumbers(controlNumbers, partner.Id), clock);
        if (!built.IsSuccess)
        {
            return new(ReleaseStatus.Refused, $"Transfer {request.Reference} cannot go to {partner.Name} as a 943: {WarehouseProfiles.Describe(built.Problems)}");
        }

        var (record, _) = existing is not null ? (existing, false) : await store.AddOrGetTransferAsync(new StockTransferRecord
        {
            PartnerId = partner.Id,
            Kind = StockTransferRecord.Transfer,
            Reference = request.Reference,
            State = TransferStates.Announcing,
            ExpectationJson = JsonSerializer.Serialize(new StoredTransfer(expectation, request.FromWarehouse ?? "MAIN"), Json),
        }, ct);
        var parent = record.OutboundLineageId is { } queued && (await lineage.GetAsync(queued, ct))?.ParentId is { } earlier ? earlier : await lineage.AddAsync(new LineageEntry
        {
            Kind = LineageKind.Document,
            Direction = Direction.Outbound,
            PartnerId = partner.Id,
            Flow = Flow,
            DocumentType = "warehouse-transfer",
            State = LineageStates.Processed,
            ShipmentId = request.Reference,
            CreatedAt = default,
            UpdatedAt = default,
        }, null, ct);
        var sent = await outbound.SendAsync(new OutboundRequest(partner, Flow, "943", parent, 1, LineageKind.OutboundFile), () => Encoding.UTF8.GetBytes(built.Value!.Document.Text), ct);
        await store.UpdateTransferAsync(record.Id, r =>
        {
            r.OutboundLineageId = sent.LineageId;
            r.State = sent.Sent ? TransferStates.Announced : r.State;
        }, ct);
        return sent.Sent
            ? new(ReleaseStatus.Sent, $"Transfer {request.Reference} was announced to {partner.Name} as a 943 with {expectation.Lines.Length} line(s).", record.Id, sent.LineageId)
            : new(ReleaseStatus.Waiting, $"The 943 for transfer {request.Reference} is recorded but was not sent (it fails the 3PL guide, see the queue, or waits for the transport).", record.Id, sent.LineageId);
    }
}

/// <summary>States of a <see cref="StockTransferRecord"/>.</summary>
public static class TransferStates
{
    /// <summary>943 recorded, not sent yet.</summary>
    public const string Announcing = "announcing";
    /// <summary>943 sent; the 944 is awaited.</summary>
    public const string Announced = "announced";
    /// <summary>A 944 / 947 is being written to Sage.</summary>
    public const string Posting = "posting";
    /// <summary>Sage has every write.</summary>
    public const string Posted = "posted";
}
