using System.Collections.Immutable;
using System.Globalization;
using EdiGateway.Edi.Records;
using EdiGateway.Edi.Writing;
using EdiGateway.Flows.Common;

namespace EdiGateway.Flows.Amazon;

/// <summary>One line of a posted Sage invoice, in Sage's basis (eaches, price per each).</summary>
/// <param name="LineReference">PO101 the order line came from.</param>
/// <param name="ProductCode">Sage product code.</param>
/// <param name="QuantityEaches">Invoiced eaches.</param>
/// <param name="UnitPricePerEach">Sage selling unit price (net).</param>
public sealed record SageInvoiceLine(string LineReference, string ProductCode, decimal QuantityEaches, decimal UnitPricePerEach);

/// <summary>A header charge or allowance on the Sage invoice; <paramref name="Type"/> is the Amazon invoice type
/// (Freight, Packing... / Discount, Promotional...) mapped to SAC02 through the partner's <c>invoiceCharges</c> code map.</summary>
public sealed record SageInvoiceCharge(string Type, bool IsAllowance, decimal Amount);

/// <summary>A posted Sage invoice as read back from the invoice views (rule 7 input).</summary>
public sealed record SageInvoice(string Number, DateOnly Date, decimal NetTotal, ImmutableArray<SageInvoiceLine> Lines,
    ImmutableArray<SageInvoiceCharge> Charges);

/// <summary>Rule 7: Sage invoice + PO + 855 -> 810 (004010, GS01 IN): same line numbers, product IDs and UOM basis as
/// the PO, unit cost equal to the acknowledged cost, TDS = lines + charges - allowances (N2).</summary>
public static partial class InvoiceBuilder
{
    /// <summary>Checks and builds. <paramref name="shippedUnits"/> (PO101 -> PO units on ASNs sent) enforces AMZ-810-07
    /// when given.</summary>
    public static FlowResult<OutboundDocument> Build(SageInvoice invoice, ResolvedOrder order, AcknowledgementDecision acknowledgement,
        IReadOnlyDictionary<string, decimal>? shippedUnits, AmazonSettings settings, X12EnvelopeOptions envelope,
        IControlNumberSource numbers, TimeProvider clock)
    {
        var checkedLines = Check(invoice, order, acknowledgement, shippedUnits, settings, clock, out var problems);
        if (problems.Count > 0) return FlowResult<OutboundDocument>.Fail(problems);
        var po = order.Order;
        var remit = settings.RemitTo!;
        var x12 = new Invoice810
        {
            InvoiceDate = Date(invoice.Date), // BIG01
            InvoiceNumber = invoice.Number, // BIG02
            PurchaseOrderDate = Date(po.OrderDate), // BIG03
            PurchaseOrderNumber = po.Number, // BIG04
            CurrencyEntity = "SE", Currency = settings.Currency, // CUR01 selling party, CUR02 currency
            Parties =
            [
                new Party("RI", remit.Name, null, null, remit.Address1, null, remit.City, remit.State, remit.PostalCode, remit.Country), // N1*RI remit-to
                new Party("ST", null, "92", po.ShipToFc), // N1*ST FC
            ],
            TermsType = settings.Terms.Type, TermsBasis = settings.Terms.BasisDate, // ITD01, ITD02
            DiscountPercent = settings.Terms.DiscountPercent, DiscountDays = settings.Terms.DiscountDays, NetDays = settings.Terms.NetDays, // ITD03, ITD05, ITD07
            Lines = [.. checkedLines],
            Charges = [.. invoice.Charges.Select(c => new ChargeOrAllowance(c.IsAllowance ? "A" : "C", settings.ChargeCodes[c.Type], Money.Penny(c.Amount)))], // SAC01/02/05
        };
        return FlowResult<OutboundDocument>.Ok(OutboundDocument.Build(envelope with { InterchangeVersion = "00401" }, numbers, clock, "IN", "004010", "810", x12.ToBody()));
    }

    /// <summary>TDS01 as a decimal amount: sum(IT102 x IT104) + charges - allowances.</summary>
    public static decimal Total(IEnumerable<InvoiceLine> lines, IEnumerable<SageInvoiceCharge> charges) =>
        Money.Penny(lines.Sum(l => l.Quantity * l.UnitPrice) + charges.Sum(c => c.IsAllowance ? -Money.Penny(c.Amount) : Money.Penny(c.Amount)));

    private static string Date(DateOnly d) => d.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
}
