using EdiGateway.Flows.Common;

namespace EdiGateway.Flows.Amazon;

/// <summary>The AMZ-855 rules checked before an 855 goes out; any problem blocks it (the caller queues it).</summary>
public static class AcknowledgementRules
{
    /// <summary>Checks a decision against its PO: every line once (02), never above ordered (04), same IDs (05), cost
    /// present and equal to <paramref name="invoicedCost"/> or the PO cost (06), a status on every line (07), backorder
    /// only when allowed (08), same unit (13).</summary>
    public static IReadOnlyList<FlowProblem> Check(PurchaseOrder po, AcknowledgementDecision decision,
        IReadOnlyDictionary<string, decimal>? invoicedCost = null)
    {
        ArgumentNullException.ThrowIfNull(po);
        ArgumentNullException.ThrowIfNull(decision);
        var problems = new List<FlowProblem>();
        if (decision.PurchaseOrderNumber != po.Number)
            problems.Add(new("WrongPo", $"the acknowledgement is for PO {decision.PurchaseOrderNumber}, not {po.Number}"));
        foreach (var line in po.Lines)
        {
            var n = line.LineNumber;
            var acks = decision.Lines.Where(l => l.LineNumber == n).ToList();
            if (acks.Count == 0) { problems.Add(new("AMZ-855-02", "the 850 line is missing from the 855 (Amazon counts it as rejected)", n)); continue; }
            if (acks.Count > 1) problems.Add(new("AMZ-855-02", "the line appears more than once in the 855", n));
            var a = acks[0];
            if (a.Statuses.IsDefaultOrEmpty) problems.Add(new("AMZ-855-07", "the line has no ACK status", n));
            var promised = a.Statuses.Where(s => !AckCodes.IsRejection(s.Code)).Sum(s => s.Quantity);
            if (promised > line.Quantity) problems.Add(new("AMZ-855-04", $"acknowledged {promised} {line.Unit} but Amazon ordered {line.Quantity}", n));
            if (a.Statuses.Any(s => s.Quantity < 0)) problems.Add(new("AMZ-855-04", "a negative acknowledged quantity", n));
            if (!a.Ordered.ProductIds.SequenceEqual(line.ProductIds)) problems.Add(new("AMZ-855-05", "product qualifiers/IDs differ from the 850 line", n));
            var cost = invoicedCost is not null && invoicedCost.TryGetValue(n, out var c) ? c : line.UnitCost;
            if (a.UnitCost <= 0) problems.Add(new("AMZ-855-06", "unit cost missing (Amazon rejects the acknowledgement)", n));
            else if (a.UnitCost != cost) problems.Add(new("AMZ-855-06", $"acknowledged cost {a.UnitCost} differs from the cost that will be invoiced ({cost}); payment would be held", n));
            if (!po.BackorderAllowed && a.Statuses.Any(s => s.Code is AckCodes.Backordered or AckCodes.PartialBackordered))
                problems.Add(new("AMZ-855-08", "backordered, but the PO does not allow backorders (CSH01 N)", n));
            if (a.Ordered.Unit != line.Unit || a.Ordered.Quantity != line.Quantity || a.Statuses.Any(s => s.Unit != line.Unit))
                problems.Add(new("AMZ-855-13", $"the acknowledgement is not in the 850's basis ({line.Quantity} {line.Unit})", n));
            if (a.Statuses.Any(s => s.Code is AckCodes.Accepted or AckCodes.Backordered && s.ScheduledShip is null))
                problems.Add(new("AMZ-855-11", "an accepted or backordered quantity has no scheduled ship date", n));
        }
        foreach (var extra in decision.Lines.Where(l => po.Line(l.LineNumber) is null))
            problems.Add(new("UnknownLine", "the 855 acknowledges a line that is not on the PO", extra.LineNumber));
        return problems;
    }

    /// <summary>Checks a change-855 against the one already sent: a rejected line stays rejected (09); within
    /// <see cref="AmazonSettings.AckChangeWindowHours"/> of the first 855 quantities and costs may change, after it only
    /// dates (03); an acknowledged quantity never goes up (04).</summary>
    public static IReadOnlyList<FlowProblem> CheckChange(PurchaseOrder po, AcknowledgementDecision previous, AcknowledgementDecision revised,
        DateTimeOffset firstSentAt, AmazonSettings settings, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(revised);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(clock);
        var problems = new List<FlowProblem>(Check(po, revised));
        var late = clock.GetUtcNow() - firstSentAt > TimeSpan.FromHours(settings.AckChangeWindowHours);
        foreach (var before in previous.Lines)
        {
            var n = before.LineNumber;
            if (revised.Line(n) is not { } after) continue;
            if (before.IsRejected && !after.IsRejected)
                problems.Add(new("AMZ-855-09", "the line was rejected and cannot become accepted or backordered", n));
            var promisedBefore = before.AcceptedQuantity + before.BackorderedQuantity;
            var promisedAfter = after.AcceptedQuantity + after.BackorderedQuantity;
            if (promisedAfter > promisedBefore)
                problems.Add(new("AMZ-855-04", $"a change may not raise the acknowledged quantity ({promisedBefore} -> {promisedAfter})", n));
            if (late && (after.UnitCost != before.UnitCost || after.Statuses.Length != before.Statuses.Length
                || after.Statuses.Zip(before.Statuses).Any(p => p.First.Code != p.Second.Code || p.First.Quantity != p.Second.Quantity)))
                problems.Add(new("AMZ-855-03", $"more than {settings.AckChangeWindowHours} h after the first 855 only ship dates may change", n));
        }
        return problems;
    }
}
