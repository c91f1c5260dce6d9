using System.Globalization;
using EdiGateway.Edi.Records;
using EdiGateway.Edi.Writing;
using EdiGateway.Flows.Common;

namespace EdiGateway.Flows.Amazon;

/// <summary>Builds the 855 (004010, GS01 PR) from a checked decision: BAK, PO1 echoing the 850 line, ACK per status, CTT.</summary>
public static class AcknowledgementWriter
{
    /// <summary>Checks <paramref name="decision"/> (<see cref="AcknowledgementRules.Check"/>) and, when clean, envelopes it.
    /// The envelope ids come from <paramref name="envelope"/>; ISA12 is forced to 00401.</summary>
    public static FlowResult<OutboundDocument> Build(PurchaseOrder po, AcknowledgementDecision decision, X12EnvelopeOptions envelope,
        IControlNumberSource numbers, TimeProvider clock)
    {
        var problems = AcknowledgementRules.Check(po, decision);
        return problems.Count > 0 ? FlowResult<OutboundDocument>.Fail(problems) : FlowResult<OutboundDocument>.Ok(Write(decision, envelope, numbers, clock));
    }

    /// <summary>A change-855 replacing <paramref name="previous"/> (sent first at <paramref name="firstSentAt"/>), checked
    /// with <see cref="AcknowledgementRules.CheckChange"/>. Sent as BAK01 00 / BAK02 AC: it replaces the earlier lines.</summary>
    public static FlowResult<OutboundDocument> BuildChange(PurchaseOrder po, AcknowledgementDecision previous, AcknowledgementDecision revised,
        DateTimeOffset firstSentAt, AmazonSettings settings, X12EnvelopeOptions envelope, IControlNumberSource numbers, TimeProvider clock)
    {
        var problems = AcknowledgementRules.CheckChange(po, previous, revised, firstSentAt, settings, clock);
        if (problems.Count > 0) return FlowResult<OutboundDocument>.Fail(problems);
        return FlowResult<OutboundDocument>.Ok(Write(revised, envelope, numbers, clock, forceChange: true));
    }

    private static OutboundDocument Write(AcknowledgementDecision d, X12EnvelopeOptions envelope, IControlNumberSource numbers, TimeProvider clock,
        bool forceChange = false)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var ack = new PurchaseOrderAck855
        {
            Purpose = "00", // BAK01 original
            AckType = forceChange ? "AC" : d.AckType, // BAK02 AC / AD
            PurchaseOrderNumber = d.PurchaseOrderNumber, // BAK03
            AckDate = Date(d.AcknowledgementDate), // BAK04
            Lines = [.. d.Lines.Select(l => new AckLine(
                l.LineNumber, // PO101 echoed
                l.Ordered.Quantity, // PO102 ordered quantity
                l.Ordered.Unit, // PO103 same basis as the 850
                l.UnitCost, // PO104 acknowledged cost = invoiced cost
                l.Ordered.PriceBasis.Length == 0 ? null : l.Ordered.PriceBasis, // PO105
                [.. l.Ordered.ProductIds.Select(p => new ProductId(p.Qualifier, p.Value))], // PO106.. as in the 850
                [.. l.Statuses.Select(s => new LineStatus(
                    s.Code, // ACK01
                    s.Quantity, // ACK02
                    s.Unit, // ACK03
                    s.ScheduledShip is null ? null : "068", // ACK04 current schedule ship
                    s.ScheduledShip is DateOnly sd ? Date(sd) : null))]))], // ACK05
        };
        return OutboundDocument.Build(envelope with { InterchangeVersion = "00401" }, numbers, clock, "PR", "004010", "855", ack.ToBody());
    }

    internal static string Date(DateOnly d) => d.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
}
