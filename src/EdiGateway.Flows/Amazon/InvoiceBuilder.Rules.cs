using EdiGateway.Edi.Records;
using EdiGateway.Flows.Common;

namespace EdiGateway.Flows.Amazon;

public static partial class InvoiceBuilder
{
    /// <summary>The AMZ-810 rules: invoice number present (01 uniqueness is the caller's), total ties to Sage (02), not zero
    /// (03), remit-to present (04), IDs and acknowledged cost (05), date on/after the PO date and not in the future (06),
    /// only acknowledged and shipped quantities (07), each charge type mapped (08). Returns the IT1 lines it would send.</summary>
    public static IReadOnlyList<InvoiceLine> Check(SageInvoice invoice, ResolvedOrder order, AcknowledgementDecision acknowledgement,
        IReadOnlyDictionary<string, decimal>? shippedUnits, AmazonSettings settings, TimeProvider clock, out IReadOnlyList<FlowProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(acknowledgement);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(clock);
        var p = new List<FlowProblem>();
        var po = order.Order;
        if (invoice.Number.Length is 0 or > 22) p.Add(new("AMZ-810-01", "the invoice number (BIG02) must be 1 to 22 characters"));
        if (invoice.Date < po.OrderDate) p.Add(new("AMZ-810-06", $"invoice date {invoice.Date:yyyy-MM-dd} is before the PO date {po.OrderDate:yyyy-MM-dd}"));
        if (invoice.Date > DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)) p.Add(new("AMZ-810-06", $"invoice date {invoice.Date:yyyy-MM-dd} is in the future"));
        if (settings.RemitTo is null) p.Add(new("AMZ-810-04", "the partner profile has no remitTo address (810 N1*RI)"));
        if (acknowledgement.PurchaseOrderNumber != po.Number) p.Add(new("WrongPo", $"the 855 is for PO {acknowledgement.PurchaseOrderNumber}, not {po.Number}"));
        foreach (var c in invoice.Charges.Where(c => !settings.ChargeCodes.ContainsKey(c.Type)))
            p.Add(new("AMZ-810-08", $"charge/allowance type '{c.Type}' has no SAC02 code in the invoiceCharges code map"));
        foreach (var c in invoice.Charges.Where(c => c.Amount <= 0))
            p.Add(new("AMZ-810-08", $"charge/allowance '{c.Type}' has amount {c.Amount}; send positive amounts with the A/C indicator"));

        var lines = new List<InvoiceLine>();
        foreach (var group in invoice.Lines.GroupBy(l => l.LineReference))
        {
            var n = group.Key;
            var resolved = order.Line(n);
            var ack = acknowledgement.Line(n);
            if (resolved is null || ack is null || ack.IsRejected)
            {
                p.Add(new("AMZ-810-07", "the line is not on the PO or was rejected in the 855; it cannot be invoiced", n));
                continue;
            }
            if (group.Any(l => !string.Equals(l.ProductCode, resolved.SageProductCode, StringComparison.OrdinalIgnoreCase)))
                p.Add(new("AMZ-810-05", $"the Sage line is for another product than the PO line ({resolved.SageProductCode})", n));
            var eaches = group.Sum(l => l.QuantityEaches);
            if (resolved.ToOrderUnits(eaches) is not decimal units)
            {
                p.Add(new("AMZ-855-13", $"{eaches} eaches is not a whole number of cases of {resolved.UnitsPerCase}", n));
                continue;
            }
            var limit = ack.AcceptedQuantity + ack.BackorderedQuantity;
            if (units > limit) p.Add(new("AMZ-810-07", $"invoicing {units} {resolved.Ordered.Unit} but only {limit} were acknowledged", n));
            if (shippedUnits is not null && units > shippedUnits.GetValueOrDefault(n))
                p.Add(new("AMZ-810-07", $"invoicing {units} {resolved.Ordered.Unit} but only {shippedUnits.GetValueOrDefault(n)} were shipped on an ASN", n));
            foreach (var l in group)
            {
                var perOrderUnit = resolved.Ordered.Unit == AmazonUnits.Case && settings.CasePriceBasis == CasePriceBasis.PerCase
                    ? l.UnitPricePerEach * resolved.UnitsPerCase : l.UnitPricePerEach;
                var tolerance = 0.00001m * resolved.UnitsPerCase;
                if (Math.Abs(perOrderUnit - ack.UnitCost) > tolerance)
                    p.Add(new("AMZ-810-05", $"Sage invoices {l.UnitPricePerEach} per each ({Money.Round(perOrderUnit, 5)} per {resolved.Ordered.Unit}) but the 855 acknowledged {ack.UnitCost}; Amazon would hold payment", n));
            }
            lines.Add(new InvoiceLine(n, units, resolved.Ordered.Unit, ack.UnitCost, // IT101 PO101, IT102 PO units, IT103 PO unit, IT104 acknowledged cost
                resolved.Ordered.PriceBasis.Length == 0 ? null : resolved.Ordered.PriceBasis, // IT105
                [.. resolved.Ordered.ProductIds.Select(x => new ProductId(x.Qualifier, x.Value))])); // IT106.. as on the PO
        }
        var total = Total(lines, invoice.Charges);
        if (total <= 0) p.Add(new("AMZ-810-03", $"the invoice total is {total}; Amazon refuses zero-value invoices"));
        if (lines.Count > 0 && Money.Penny(invoice.NetTotal) != total)
            p.Add(new("AMZ-810-02", $"the 810 total {total} (lines + charges - allowances) does not tie to the Sage invoice net total {Money.Penny(invoice.NetTotal)}"));
        problems = p;
        return lines;
    }
}
