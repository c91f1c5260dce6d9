using System.Collections.Immutable;

namespace EdiGateway.Flows.Amazon;

/// <summary>Decides the status of every PO line from the resolution and the stock: IA, IA+IB (or BP) when a backorder is
/// allowed, IQ when it is not, IB or IR when nothing is available, R2/R3/IR for lines the resolution rejected.</summary>
public static class AcknowledgementDecider
{
    /// <summary>Decides. <paramref name="availability"/> is per Sage product code in eaches; lines of the same product
    /// consume it in PO order. Quantities are in the PO's unit (whole cases on CA lines). A product missing from
    /// <paramref name="availability"/> has none available. The acknowledgement date is today (UTC) from <paramref name="clock"/>.</summary>
    public static AcknowledgementDecision Decide(ResolvedOrder order, IReadOnlyDictionary<string, StockPosition> availability,
        AmazonSettings settings, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(availability);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(clock);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var ship = today.AddDays(settings.LeadTimeDays);
        var backorderShip = today.AddDays(settings.BackorderLeadTimeDays);
        var left = availability.ToDictionary(a => a.Key, a => a.Value.Available, StringComparer.OrdinalIgnoreCase);
        var po = order.Order;
        var lines = ImmutableArray.CreateBuilder<LineAcknowledgement>(po.Lines.Length);
        foreach (var line in po.Lines)
        {
            var unit = line.Unit;
            if (order.Rejected.FirstOrDefault(r => r.LineNumber == line.LineNumber) is { } rej)
            {
                lines.Add(new LineAcknowledgement(line, line.UnitCost, [new AckStatus(rej.AckCode, line.Quantity, unit, null)], rej.Reason));
                continue;
            }
            var r = order.Line(line.LineNumber)!;
            var availEaches = left.GetValueOrDefault(r.SageProductCode);
            var availUnits = Math.Min(line.Quantity, decimal.Floor(availEaches / r.UnitsPerCase));
            left[r.SageProductCode] = availEaches - (availUnits * r.UnitsPerCase);
            var shortBy = line.Quantity - availUnits;
            ImmutableArray<AckStatus> statuses;
            string? reason = null;
            if (shortBy == 0) statuses = [new AckStatus(AckCodes.Accepted, line.Quantity, unit, ship)];
            else if (availUnits > 0 && po.BackorderAllowed)
            {
                statuses = settings.PartialAsTwoAcks
                    ? [new AckStatus(AckCodes.Accepted, availUnits, unit, ship), new AckStatus(AckCodes.Backordered, shortBy, unit, backorderShip)]
                    : [new AckStatus(AckCodes.PartialBackordered, availUnits, unit, ship)];
                reason = $"{availUnits} {unit} in stock now, {shortBy} backordered";
            }
            else if (availUnits > 0)
            {
                statuses = [new AckStatus(AckCodes.QuantityChanged, availUnits, unit, ship)];
                reason = $"only {availUnits} of {line.Quantity} {unit} available and the PO does not allow backorders (CSH01 N)";
            }
            else if (po.BackorderAllowed)
            {
                statuses = [new AckStatus(AckCodes.Backordered, line.Quantity, unit, backorderShip)];
                reason = "out of stock; backordered";
            }
            else
            {
                statuses = [new AckStatus(AckCodes.Rejected, line.Quantity, unit, null)];
                reason = "out of stock and the PO does not allow backorders (CSH01 N)";
            }
            lines.Add(new LineAcknowledgement(line, r.AcknowledgedUnitCost, statuses, reason));
        }
        return new AcknowledgementDecision(po.Number, today, po.BackorderAllowed, lines.MoveToImmutable());
    }
    /// <summary>A revised decision with every line that <paramref name="previous"/> rejected kept as it was sent
    /// (AMZ-855-09): use it on a re-decided PO before <see cref="AcknowledgementWriter.BuildChange"/>.</summary>
    public static AcknowledgementDecision CarryRejections(AcknowledgementDecision previous, AcknowledgementDecision revised)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(revised);
        return revised with
        {
            Lines = [.. revised.Lines.Select(l => previous.Line(l.LineNumber) is { IsRejected: true } before
                ? l with { Statuses = [.. before.Statuses.Select(s => s with { Quantity = l.Ordered.Quantity, Unit = l.Ordered.Unit })], Reason = before.Reason }
                : l)],
        };
    }
}
