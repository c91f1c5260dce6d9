using System.Globalization;
using EdiGateway.Edi.Reading;

namespace EdiGateway.Pipeline;

/// <summary>
/// Business keys and money read from a transaction set for the lineage and the queue: PO, invoice, shipment
/// and BOL numbers, and the document's value (what is at risk if it is not processed).
/// </summary>
public sealed record SetFacts(string? PurchaseOrder, string? Invoice, string? Shipment, string? BillOfLading, decimal? Amount)
{
    public static SetFacts Read(X12RawSet set)
    {
        string? po = null, invoice = null, shipment = null, bol = null;
        decimal total = 0;
        var hasAmount = false;
        for (var i = 0; i < set.SegmentCount; i++)
        {
            var seg = set[i];
            switch (seg.Id)
            {
                case "BEG" when set.SetId == "850":
                    po = Value(seg.GetElementString(3)); // BEG03 purchase order number
                    break;
                case "PO1" when set.SetId == "850":
                    // PO102 quantity ordered x PO104 unit price
                    if (TryDecimal(seg.GetElementString(2), out var qty) && TryDecimal(seg.GetElementString(4), out var price))
                    {
                        total += qty * price;
                        hasAmount = true;
                    }

                    break;
                case "BAK":
                    po = Value(seg.GetElementString(3)); // BAK03 purchase order number
                    break;
                case "BIG":
                    invoice = Value(seg.GetElementString(2)); // BIG02 invoice number
                    po ??= Value(seg.GetElementString(4)); // BIG04 purchase order number
                    break;
                case "TDS":
                    if (TryDecimal(seg.GetElementString(1), out var tds))
                    {
                        total = tds / 100m; // TDS01 total invoice amount, N2
                        hasAmount = true;
                    }

                    break;
                case "BSN":
                    shipment = Value(seg.GetElementString(2)); // BSN02 shipment identification
                    break;
                case "PRF":
                    po ??= Value(seg.GetElementString(1)); // PRF01 purchase order number
                    break;
                case "REF" when seg.GetElementString(1) is "BM":
                    bol ??= Value(seg.GetElementString(2)); // REF02 bill of lading number
                    break;
                case "BPR":
                    if (TryDecimal(seg.GetElementString(2), out var paid))
                    {
                        total = paid; // BPR02 monetary amount paid
                        hasAmount = true;
                    }

                    break;
                case "W05":
                    po ??= Value(seg.GetElementString(3)); // W0503 purchase order number
                    shipment ??= Value(seg.GetElementString(2)); // W0502 depositor order number
                    break;
                case "W06":
                    shipment ??= Value(seg.GetElementString(2)); // W0602 depositor order number
                    po ??= Value(seg.GetElementString(6)); // W0606 purchase order number
                    break;
            }
        }

        return new SetFacts(po, invoice, shipment, bol, hasAmount ? decimal.Round(total, 2) : null);
    }

    private static string? Value(string s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static bool TryDecimal(string s, out decimal value) =>
        decimal.TryParse(s, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
}
