using System.Collections.Immutable;
using EdiGateway.Flows.Amazon;

namespace EdiGateway.Flows.Warehouse;

/// <summary>Turns what a 3PL actually shipped into the revised 855 the Amazon flow sends with
/// <see cref="AcknowledgementWriter.BuildChange"/>: a short line's accepted quantity comes down to what shipped (IQ),
/// the shortfall is backordered (IB) when the 3PL backordered it and the PO allows it, otherwise rejected (IR).</summary>
public static class AmazonShortShipment
{
    /// <summary>The revised decision; lines without a shortage are kept as <paramref name="previous"/> sent them. Quantities are
    /// whole PO units (cases on CA lines, rounded down: never acknowledge more than shipped). <paramref name="shipDate"/> is the
    /// ACK 068 date of the shipped quantity.</summary>
    public static AcknowledgementDecision Revise(AmazonShipmentUpdate update, AcknowledgementDecision previous, ResolvedOrder order, DateOnly shipDate)
    {
        ArgumentNullException.ThrowIfNull(update);
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(order);
        return previous with
        {
            Lines = [.. previous.Lines.Select(line =>
            {
                var shipped = update.Lines.FirstOrDefault(l => l.LineNumber == line.LineNumber);
                if (shipped is null || shipped.ShortEaches <= 0 || line.IsRejected || order.Line(line.LineNumber) is not { } resolved) return line;
                var unit = line.Ordered.Unit;
                var shippedUnits = decimal.Floor(shipped.ShippedEaches / resolved.UnitsPerCase);
                var acceptedNow = Math.Min(shippedUnits, line.AcceptedQuantity);
                var shortfall = line.AcceptedQuantity - acceptedNow;
                if (shortfall <= 0) return line;
                var backorders = line.Statuses.Where(s => s.Code == AckCodes.Backordered).ToList();
                var statuses = ImmutableArray.CreateBuilder<AckStatus>();
                if (acceptedNow > 0) statuses.Add(new AckStatus(AckCodes.QuantityChanged, acceptedNow, unit, shipDate)); // ACK IQ shipped
                if (shipped.Backordered && previous.BackorderAllowed)
                {
                    var date = backorders.FirstOrDefault()?.ScheduledShip ?? shipDate;
                    statuses.Add(new AckStatus(AckCodes.Backordered, shortfall + backorders.Sum(b => b.Quantity), unit, date)); // ACK IB
                }
                else
                {
                    statuses.AddRange(backorders);
                    statuses.Add(new AckStatus(AckCodes.Rejected, shortfall, unit, null)); // ACK IR the shortfall
                }
                return line with { Statuses = statuses.ToImmutable(), Reason = $"3PL short-shipped {shipped.ShortEaches} eaches: {shipped.Reason}" };
            })],
        };
    }
}
