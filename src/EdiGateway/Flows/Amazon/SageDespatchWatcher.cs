using System.Collections.Immutable;
using System.Globalization;
using EdiGateway.Flows.Common;
using EdiGateway.Flows.Warehouse;
using EdiGateway.Partners;
using EdiGateway.Pipeline;
using EdiGateway.Sage;
using EdiGateway.Sage200.Client;
using EdiGateway.Sage200.Models;
using EdiGateway.Sage200.OData;
using EdiGateway.Storage;
using EdiGateway.Storage.Entities;
using Microsoft.Extensions.Options;

namespace EdiGateway.Flows.Amazon;

/// <summary>
/// Despatches recorded in Sage itself (a user confirming despatch in the desktop, or their own warehouse system) for
/// Amazon orders whose profile says <c>despatchSource: sage</c> (the default when it names no <c>fulfilmentPartner</c>;
/// with a 3PL the 945 reports the despatch instead). Each Sage despatch of an acknowledged order, read from
/// <c>/sop_order_despatch_line_views</c>, becomes an <see cref="AmazonDespatchNotice"/> for the 856: one carton per case on
/// case-pack lines and one per line otherwise (Sage keeps no packing data), each with an SSCC-18 made from the profile's
/// <c>gs1CompanyPrefix</c> and the Sage despatch id, so a second pass makes the same numbers; the carrier SCAC from the
/// <c>courierScac</c> table by Sage courier name (or <c>defaultScac</c>); the BOL from the consignment number (or the vendor
/// code and the Sage despatch number). Each despatch is a lineage step under the PO's 850 set, handled once; what the 856
/// rules refuse is on the queue with the reason, as for a 945.
/// </summary>
public sealed partial class SageDespatchWatcher(
    AmazonOrders orders,
    ShipNoticeFlow shipNotices,
    PartnerCatalog catalog,
    SagePosting sage,
    LineageLog lineage,
    ExceptionQueue exceptions,
    IOptions<PipelineOptions> options,
    TimeProvider clock,
    ILogger<SageDespatchWatcher> logger) : BackgroundService
{
    /// <summary>Lineage ordinals of Sage despatch steps under the 850 set start here (plus the Sage despatch id).</summary>
    public const int FirstDespatchOrdinal = 1000;

    /// <summary>The SSCC extension digit of cartons the gateway numbers for Sage despatches.</summary>
    private const int SsccExtension = 1;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PollingLoop.RunAsync(options.Value.Enabled, sage, TimeSpan.FromSeconds(options.Value.DespatchPollSeconds), clock, CheckAsync,
            ex => LogFailed(logger, ex.Message), stoppingToken);

    /// <summary>One pass over the acknowledged and part-shipped orders; returns how many despatches were handed to the 856.</summary>
    public async Task<int> CheckAsync(CancellationToken ct)
    {
        if (sage.Connection?.Client is not { } client)
        {
            return 0;
        }

        var handled = 0;
        foreach (var state in new[] { AmazonOrderStates.Acknowledged, AmazonOrderStates.Shipped })
        {
            foreach (var order in await orders.InStateAsync(state, ct))
            {
                if (order.SageOrderId is long sageOrderId && catalog.Current?.Partners.GetValueOrDefault(order.PartnerId) is { } partner
                    && DespatchesFromSage(partner))
                {
                    handled += await OrderAsync(client, partner, order, sageOrderId, ct);
                }
            }
        }

        return handled;
    }

    /// <summary>True when Sage, not a 3PL's 945, reports this profile's despatches.</summary>
    public static bool DespatchesFromSage(PartnerProfile partner)
    {
        ArgumentNullException.ThrowIfNull(partner);
        var fallback = AmazonProfiles.Setting(partner, "fulfilmentPartner", "").Length == 0 ? "sage" : "3pl";
        return string.Equals(AmazonProfiles.Setting(partner, "despatchSource", fallback), "sage", StringComparison.OrdinalIgnoreCase);
    }

    private async Task<int> OrderAsync(Sage200Client client, PartnerProfile partner, AmazonOrderRecord order, long sageOrderId, CancellationToken ct)
    {
        var despatches = new SortedDictionary<long, List<SageOrderDespatchLineView>>();
        await foreach (var line in client.GetOrderDespatchLineViewsAsync(new ODataQuery { Filter = ODataFilter.Eq("sop_order_id", sageOrderId) }, ct))
        {
            (despatches.TryGetValue(line.SopDespatchId, out var list) ? list : despatches[line.SopDespatchId] = []).Add(line);
        }

        // despatches already handled are skipped on one read of the set's steps, not one insert attempt each per pass
        var done = (await lineage.ChildrenAsync(order.SetLineageId, ct))
            .Where(e => e.DocumentType == "sage-despatch" && e.State != LineageStates.Received && e.Ordinal is not null)
            .Select(e => e.Ordinal!.Value).ToHashSet();
        var handled = 0;
        (FlowResult<RebuiltOrder> Rebuilt, SageSopOrder? Order)? context = null; // read once per order, when a despatch is new
        foreach (var (despatchId, lines) in despatches.Where(d => !done.Contains(Ordinal(d.Key))))
        {
            var (stepId, state) = await StepAsync(partner, order, despatchId, lines[0], ct);
            if (state != LineageStates.Received)
            {
                continue;
            }

            context ??= (await shipNotices.RebuildAsync(order, partner, ct), await client.GetSalesOrderAsync(sageOrderId, ct));
            var notice = await NoticeAsync(partner, order, context.Value.Rebuilt, context.Value.Order, despatchId, lines, stepId, ct);
            if (notice is not null)
            {
                await shipNotices.DespatchedAsync(notice, ct);
                handled++;
            }

            await lineage.TransitionAsync(stepId, LineageStates.Received, LineageStates.Processed, ct);
        }

        return handled;
    }

    private async Task<(long Id, string State)> StepAsync(PartnerProfile partner, AmazonOrderRecord order, long despatchId, SageOrderDespatchLineView first, CancellationToken ct)
    {
        var (id, _) = await lineage.AddStepAsync(new LineageEntry
        {
            ParentId = order.SetLineageId,
            Ordinal = Ordinal(despatchId),
            Kind = LineageKind.Document,
            Direction = Direction.Inbound,
            PartnerId = partner.Id,
            Flow = "sage-despatch",
            State = LineageStates.Received,
            DocumentType = "sage-despatch",
            PurchaseOrderNumber = order.PurchaseOrderNumber,
            ShipmentId = first.SopDespatchDocumentNo,
            CreatedAt = clock.GetUtcNow(),
            UpdatedAt = clock.GetUtcNow(),
        }, new Dictionary<string, string> { ["sageDespatch"] = first.SopDespatchDocumentNo ?? despatchId.ToString(CultureInfo.InvariantCulture) }, ct);
        return (id, (await lineage.GetAsync(id, ct))?.State ?? LineageStates.Received);
    }

    private static int Ordinal(long despatchId) => checked(FirstDespatchOrdinal + (int)despatchId);

    /// <summary>The despatch as the 856 needs it, or null (with a queue entry) when the order or the profile cannot give it.</summary>
    private async Task<AmazonDespatchNotice?> NoticeAsync(PartnerProfile partner, AmazonOrderRecord order, FlowResult<RebuiltOrder> rebuilt, SageSopOrder? sageOrder,
        long despatchId, List<SageOrderDespatchLineView> lines, long stepId, CancellationToken ct)
    {
        if (!rebuilt.IsSuccess)
        {
            await RaiseAsync(partner, order, stepId, "amazon.856.order", $"PO {order.PurchaseOrderNumber}: Sage despatch {lines[0].SopDespatchDocumentNo} cannot be reported, the order cannot be rebuilt: {Describe(rebuilt.Problems)}", ct);
            return null;
        }

        var resolved = rebuilt.Value!.Order.Resolved;
        var settings = rebuilt.Value.Data.Settings;
        var problems = new List<FlowProblem>();
        var despatchLines = ImmutableArray.CreateBuilder<DespatchLine>();
        var shipped = ImmutableArray.CreateBuilder<AmazonLineShipment>();
        var cartons = ImmutableArray.CreateBuilder<Carton>();
        var cartonNumber = 0;
        foreach (var line in lines.OrderBy(l => l.SopOrderLinePrintSequenceNumber).ThenBy(l => l.SopDespatchLineId))
        {
            var orderLine = sageOrder?.Lines?.FirstOrDefault(l => l.Id == line.SopOrderLineId);
            if (OrderAmendmentFlow.PoLine(orderLine?.DespatchNoteComment) is not { } poLine || resolved.Line(poLine) is not { } poLineResolved)
            {
                problems.Add(new("MissingPoLine", $"Sage order line {line.SopOrderLineId} ({line.ProductCode}) has no Amazon PO line"));
                continue;
            }

            var quantity = line.SopDespatchLineQuantity;
            despatchLines.Add(new DespatchLine(line.SopOrderLineId.ToString(CultureInfo.InvariantCulture), line.ProductCode ?? "", line.SopOrderLineQuantity,
                quantity, 0, Backordered: true, null, poLine));
            shipped.Add(new AmazonLineShipment(poLine, line.SopOrderLineQuantity, quantity, 0, Backordered: true, null));
            var perCarton = poLineResolved.UnitsPerCase > 1 ? poLineResolved.UnitsPerCase : quantity;
            for (var left = quantity; left > 0; left -= perCarton)
            {
                if (Number(settings, despatchId, ++cartonNumber, out var reason) is not { } sscc)
                {
                    problems.Add(new("AMZ-856-03", $"no SSCC can be made for Sage despatch {despatchId}: {reason}"));
                    break;
                }

                cartons.Add(new Carton(sscc, [new CartonItem(order.PurchaseOrderNumber, poLine, Math.Min(perCarton, left))]));
            }
        }

        if (problems.Count > 0)
        {
            await RaiseAsync(partner, order, stepId, "amazon.856.refused", $"PO {order.PurchaseOrderNumber}: Sage despatch {lines[0].SopDespatchDocumentNo} was not reported to Amazon: {Describe(problems)}", ct);
            return null;
        }

        var first = lines[0];
        var plan = new DespatchPlan
        {
            OrderNumber = first.SopOrderDocumentNo ?? order.SageDocumentNo ?? "",
            ShipDate = DateOnly.FromDateTime((first.SopDespatchDate ?? clock.GetUtcNow()).UtcDateTime),
            CarrierScac = Scac(partner, first.SopDespatchCourierName),
            BillOfLading = first.SopDespatchConsignmentNo is { Length: > 0 } consignment ? consignment : settings.VendorCode + (first.SopDespatchDocumentNo ?? "").PadLeft(8, '0'),
            Lines = despatchLines.ToImmutable(),
            LineUpdates = [],
            Unpostable = [],
            Cartons = [],
            Amazon = new AmazonShipmentUpdate(order.PurchaseOrderNumber, shipped.ToImmutable(), cartons.ToImmutable(), []),
        };
        return new AmazonDespatchNotice(partner.Id, order.CustomerDocumentNo, plan, stepId);
    }

    private static string? Number(AmazonSettings settings, long despatchId, int carton, out string? reason)
    {
        if (settings.Gs1CompanyPrefix is not { Length: > 0 } prefix)
        {
            reason = "the profile has no gs1CompanyPrefix";
            return null;
        }

        return Sscc.Create(SsccExtension, prefix, despatchId * 10_000 + carton, out reason);
    }

    private static string? Scac(PartnerProfile partner, string? courier)
    {
        var map = partner.CodeMaps.GetValueOrDefault("courierScac");
        if (courier is { Length: > 0 } && map?.FirstOrDefault(p => string.Equals(p.Key, courier, StringComparison.OrdinalIgnoreCase)).Value is { Length: > 0 } scac)
        {
            return scac;
        }

        return AmazonProfiles.Setting(partner, "defaultScac", "") is { Length: > 0 } fallback ? fallback : null;
    }

    private Task RaiseAsync(PartnerProfile partner, AmazonOrderRecord order, long stepId, string reason, string message, CancellationToken ct) =>
        exceptions.RaiseAsync(ExceptionEntry.Ops(partner.Id, "amazon-856", reason, Severity.Error, message, stepId, $"{reason}:{stepId}"), ct);

    private static string Describe(IEnumerable<FlowProblem> problems) =>
        string.Join("; ", problems.Select(p => $"{p.Message} ({p.Code})"));

    [LoggerMessage(EventId = 640, Level = LogLevel.Warning, Message = "Sage despatch watcher pass failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, string reason);
}
