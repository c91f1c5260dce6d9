using System.Globalization;
using System.Text;
using System.Text.Json;
using EdiGateway.Partners;
using EdiGateway.Pipeline;
using EdiGateway.Sage;
using EdiGateway.Sage200.Client;
using EdiGateway.Sage200.OData;
using EdiGateway.Storage;
using EdiGateway.Storage.Entities;
using Microsoft.Extensions.Options;

namespace EdiGateway.Flows.Amazon;

/// <summary>
/// The 810, read back from Sage. The published Sage API cannot invoice an order: invoices are raised in Sage (its users or
/// their batch run), so this watcher looks up every shipped Amazon order in <c>/sop_order_return_invoice_credit_views</c>
/// and its lines in <c>/sop_order_return_line_invoice_credit_views</c>, and sends one 810 per Sage invoice: same PO line
/// numbers, product ids and unit basis as the PO, unit cost equal to the acknowledged cost, TDS tied to Sage's net total.
/// An invoice number is claimed in <c>amazon_invoices</c> (unique per partner, forever) before the 810 is built, so a
/// number Sage reuses is refused and never sent twice. An order shipped longer ago than the profile's
/// <c>sla.invoiceDaysAfterAsn</c> without an invoice is an overdue entry.
/// </summary>
public sealed partial class InvoiceFlow(
    AmazonOrders orders,
    ShipNoticeFlow shipNotices,
    PartnerCatalog catalog,
    SagePosting sage,
    LineageLog lineage,
    ExceptionQueue exceptions,
    OutboundGate outbound,
    ControlNumberAllocator controlNumbers,
    IOptions<PipelineOptions> options,
    TimeProvider clock,
    ILogger<InvoiceFlow> logger) : BackgroundService
{
    /// <summary>The first lineage ordinal of 810s under the 850 set (the n-th invoice of an order is 10 + n).</summary>
    public const int FirstInvoiceOrdinal = 10;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PollingLoop.RunAsync(options.Value.Enabled, sage, TimeSpan.FromSeconds(options.Value.InvoicePollSeconds), clock, CheckAsync,
            ex => LogFailed(logger, ex.Message), stoppingToken);

    /// <summary>One pass over the shipped orders; returns how many 810s went out.</summary>
    public async Task<int> CheckAsync(CancellationToken ct)
    {
        if (sage.Connection?.Client is not { } client)
        {
            return 0;
        }

        var sent = 0;
        foreach (var order in await orders.InStateAsync(AmazonOrderStates.Shipped, ct))
        {
            if (catalog.Current?.Partners.GetValueOrDefault(order.PartnerId) is { } partner)
            {
                sent += await InvoiceAsync(client, partner, order, ct);
            }
        }

        return sent;
    }

    private async Task<int> InvoiceAsync(Sage200Client client, PartnerProfile partner, AmazonOrderRecord order, CancellationToken ct)
    {
        var invoices = new List<Sage200.Models.SageInvoiceCreditView>();
        await foreach (var view in client.GetInvoiceCreditViewsAsync(new ODataQuery { Filter = ODataFilter.Eq("sop_order_return_customer_document_no", order.CustomerDocumentNo) }, ct))
        {
            if (view.SopInvoiceCreditTypeId is "Invoice" or "SOPInvoice" or null)
            {
                invoices.Add(view);
            }
        }

        if (invoices.Count == 0)
        {
            await RaiseOverdueAsync(partner, order, ct);
            return 0;
        }

        var rebuilt = await shipNotices.RebuildAsync(order, partner, ct);
        if (!rebuilt.IsSuccess)
        {
            await RaiseAsync(partner, order, "amazon.810.order", $"PO {order.PurchaseOrderNumber}: the order cannot be rebuilt for its 810: {string.Join("; ", rebuilt.Problems.Select(p => p.Message))}", $"amazon-810-order:{order.Id}", ct);
            return 0;
        }

        var sageOrder = order.SageOrderId is long id ? await client.GetSalesOrderAsync(id, ct) : null;
        var sent = 0;
        foreach (var view in invoices)
        {
            var number = view.SopInvoiceCreditDocumentNo ?? view.SopInvoiceCreditId.ToString(CultureInfo.InvariantCulture);
            var (claimed, existing) = await orders.ClaimInvoiceNumberAsync(partner.Id, number, order.Id, ct);
            if (!claimed && existing.OrderId != order.Id)
            {
                await RaiseAsync(partner, order, "amazon.810.duplicate-number",
                    $"Sage invoice {number} for PO {order.PurchaseOrderNumber} reuses an invoice number already sent to Amazon for another order; no 810 was sent (Amazon rejects a repeated invoice number).",
                    $"amazon-810-duplicate:{partner.Id}:{number}:{order.Id}", ct);
                continue;
            }

            if (existing.LineageId is not null)
            {
                continue; // sent before
            }

            var lines = new List<SageInvoiceLine>();
            await foreach (var line in client.GetInvoiceCreditLineViewsAsync(new ODataQuery { Filter = ODataFilter.Eq("sop_invoice_credit_id", view.SopInvoiceCreditId) }, ct))
            {
                var orderLine = sageOrder?.Lines?.FirstOrDefault(l => l.Id == line.SopOrderReturnLineId);
                if (orderLine is null || OrderAmendmentFlow.PoLine(orderLine.DespatchNoteComment) is not { } poLine)
                {
                    continue;
                }

                lines.Add(new SageInvoiceLine(poLine, orderLine.Code ?? "", line.SopInvoiceCreditLineInvoiceCreditQuantity ?? 0, orderLine.SellingUnitPrice ?? 0));
            }

            var invoice = new SageInvoice(number, DateOnly.FromDateTime((view.SopInvoiceCreditDocumentDate ?? clock.GetUtcNow()).UtcDateTime),
                view.SopInvoiceCreditTotalNetValue ?? 0, [.. lines], []);
            var acknowledgement = order.AcknowledgementJson is { } a ? JsonSerializer.Deserialize<AcknowledgementDecision>(a, Json)! : rebuilt.Value!.Order.Acknowledgement;
            var shipped = order.ShippedJson is { } s ? JsonSerializer.Deserialize<Dictionary<string, decimal>>(s, Json) : null;
            var built = InvoiceBuilder.Build(invoice, rebuilt.Value!.Order.Resolved, acknowledgement, shipped, rebuilt.Value.Data.Settings,
                PartnerEnvelope.For(partner), new StoreControlNumbers(controlNumbers, partner.Id), clock);
            if (!built.IsSuccess)
            {
                await RaiseAsync(partner, order, "amazon.810.refused",
                    $"The 810 for Sage invoice {number} (PO {order.PurchaseOrderNumber}) breaks Amazon's rules and was not sent: {string.Join("; ", built.Problems.Select(p => (p.Line is { } l ? $"line {l}: " : "") + p.Message + $" ({p.Code})"))}",
                    $"amazon-810-refused:{partner.Id}:{number}", ct);
                continue;
            }

            var ordinal = FirstInvoiceOrdinal + await orders.InvoiceIndexAsync(existing.Id, order.Id, ct);
            var result = await outbound.SendAsync(new OutboundRequest(partner, "amazon-810", "810", order.SetLineageId, ordinal, LineageKind.OutboundFile, order.PurchaseOrderNumber),
                () => Encoding.UTF8.GetBytes(built.Value!.Text), ct);
            await orders.SetInvoiceLineageAsync(existing.Id, result.LineageId, ct);
            await lineage.SetInvoiceNumberAsync(result.LineageId, number, view.SopInvoiceCreditTotalNetValue, ct);
            if (result.Sent)
            {
                sent++;
                LogInvoiced(logger, partner.Id, order.PurchaseOrderNumber, number, result.LineageId);
            }
        }

        if (sent > 0)
        {
            await orders.UpdateAsync(order.Id, r => r.State = AmazonOrderStates.Invoiced, ct);
        }

        return sent;
    }

    private async Task RaiseOverdueAsync(PartnerProfile partner, AmazonOrderRecord order, CancellationToken ct)
    {
        if (!partner.Sla.TryGetValue("invoiceDaysAfterAsn", out var days))
        {
            return;
        }

        var due = InvoiceDue(order, days);
        if (clock.GetUtcNow() < due)
        {
            return;
        }

        await exceptions.RaiseAsync(ExceptionEntry.Ops(partner.Id, "amazon-810", "sla.invoice-overdue", Severity.Warning,
            $"PO {order.PurchaseOrderNumber} (Sage order {order.SageDocumentNo ?? order.CustomerDocumentNo}) shipped on {order.ShippedAt ?? order.UpdatedAt:yyyy-MM-dd} and has no Sage invoice yet: " +
            $"its 810 was due {due:yyyy-MM-dd HH:mm} UTC. Invoice the order in Sage; the 810 follows by itself.",
            order.SetLineageId, $"amazon-810-overdue:{order.Id}", slaDeadline: due), ct);
    }

    /// <summary>When the 810 of a shipped order is due: <paramref name="days"/> after its first 856.</summary>
    public static DateTimeOffset InvoiceDue(AmazonOrderRecord order, decimal days)
    {
        ArgumentNullException.ThrowIfNull(order);
        return (order.ShippedAt ?? order.UpdatedAt).AddDays((double)days);
    }

    private Task RaiseAsync(PartnerProfile partner, AmazonOrderRecord order, string reason, string message, string dedup, CancellationToken ct) =>
        exceptions.RaiseAsync(ExceptionEntry.Ops(partner.Id, "amazon-810", reason, Severity.Error, message, order.SetLineageId, dedup), ct);

    [LoggerMessage(EventId = 630, Level = LogLevel.Information, Message = "Partner {PartnerId} PO {Po}: 810 for Sage invoice {Invoice} sent as lineage {LineageId}")]
    private static partial void LogInvoiced(ILogger logger, string partnerId, string po, string invoice, long lineageId);

    [LoggerMessage(EventId = 631, Level = LogLevel.Warning, Message = "Invoice watcher pass failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, string reason);
}
