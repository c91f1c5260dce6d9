using System.Globalization;
using EdiGateway.Flows.Common;

namespace EdiGateway.Flows.Amazon;

/// <summary>Pre-transmission checks of a despatch against its POs and 855s (AMZ-856-02/03/04/05/07/11): a failure is
/// returned as reasons and the ASN is never sent.</summary>
public static class ShipNoticeRules
{
    private static readonly string[] DateFormats = ["yyyyMMdd", "yyMMdd", "MMddyyyy", "ddMMyyyy", "yyyyMMddHHmm", "yyyyMMddHHmmss", "MMddyy"];

    /// <summary>Every problem of <paramref name="despatch"/>.</summary>
    public static IReadOnlyList<FlowProblem> Check(Despatch despatch, IReadOnlyList<ShipmentOrder> orders, AmazonSettings settings, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(despatch);
        ArgumentNullException.ThrowIfNull(orders);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(clock);
        var p = new List<FlowProblem>();
        if (despatch.ShipmentId.Length is 0 or > 30) p.Add(new("ShipmentId", "the shipment id (BSN02) must be 1 to 30 characters"));
        if (despatch.ShippedAt > clock.GetUtcNow()) p.Add(new("AMZ-856-02", $"shipped date {despatch.ShippedAt:u} is in the future"));
        if (despatch.EstimatedDelivery < DateOnly.FromDateTime(despatch.ShippedAt.UtcDateTime))
            p.Add(new("AMZ-856-02", "the estimated delivery is before the ship date"));
        if (despatch.CarrierScac.Length is < 2 or > 4 || !despatch.CarrierScac.All(char.IsAsciiLetterUpper))
            p.Add(new("AMZ-856-04", $"carrier SCAC '{despatch.CarrierScac}' must be 2 to 4 capital letters"));
        if (BolProblem(despatch.BillOfLading, despatch.BillOfLadingIsPhysical, settings) is { } bol) p.Add(new("AMZ-856-05", bol));
        if (despatch.ShipFrom.PostalCode.Length == 0 || despatch.ShipFrom.Country.Length == 0)
            p.Add(new("ShipFrom", "the ship-from needs a postal code and a country"));
        if (despatch.Cartons.IsDefaultOrEmpty) p.Add(new("AMZ-856-13", "the despatch has no cartons"));
        if (orders.Any(o => o.Order.Order.PaymentMethod == "CC"))
        {
            if (string.IsNullOrWhiteSpace(despatch.AmazonReferenceNumber))
                p.Add(new("AMZ-856-06", "a Collect (FOB01 CC) PO ships without an Amazon Reference Number (ARN)"));
            else if (settings.ArnReferenceQualifier is null)
                p.Add(new("AMZ-856-06", "the ARN cannot be sent: set arnReferenceQualifier (the REF01 code) in the partner profile"));
        }
        CheckContainers(despatch, p);
        CheckQuantities(despatch, orders, p);
        return p;
    }

    /// <summary>Null when the BOL number passes AMZ-856-05; otherwise why not. A non-physical BOL is at least
    /// <see cref="AmazonSettings.BolMinLength"/> letters/digits, starts with the vendor code and is not a date or time.</summary>
    public static string? BolProblem(string bol, bool isPhysical, AmazonSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (string.IsNullOrEmpty(bol)) return "the bill of lading number is missing";
        if (!bol.All(char.IsAsciiLetterOrDigit)) return $"BOL '{bol}' must be letters and digits only";
        if (isPhysical) return null;
        if (bol.Length < settings.BolMinLength) return $"BOL '{bol}' is shorter than {settings.BolMinLength} characters";
        if (settings.VendorCode.Length > 0 && !bol.StartsWith(settings.VendorCode, StringComparison.OrdinalIgnoreCase))
            return $"BOL '{bol}' does not start with the vendor code {settings.VendorCode}";
        var rest = settings.VendorCode.Length > 0 ? bol[settings.VendorCode.Length..] : bol;
        if (IsDate(bol) || IsDate(rest)) return $"BOL '{bol}' looks like a date or time; Amazon refuses those";
        if (rest.Length == 0 || !rest.Any(char.IsAsciiDigit)) return $"BOL '{bol}' needs digits after the vendor code";
        return null;

        static bool IsDate(string s) => s.All(char.IsAsciiDigit)
            && DateTime.TryParseExact(s, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
    }

    private static void CheckContainers(Despatch d, List<FlowProblem> p)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pallets = d.Pallets.IsDefault ? [] : d.Pallets;
        foreach (var pallet in pallets.Where(x => x.Sscc is not null))
        {
            if (Sscc.Check(pallet.Sscc!) is { } why) p.Add(new("SSCC", $"pallet SSCC {pallet.Sscc} {why}", pallet.Id));
            else if (!seen.Add(Sscc.Normalise(pallet.Sscc!))) p.Add(new("SSCC", $"SSCC {pallet.Sscc} is used twice in the shipment", pallet.Id));
        }
        var palletIds = pallets.Select(x => x.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var c in d.Cartons.IsDefault ? [] : d.Cartons)
        {
            if (Sscc.Check(c.Sscc) is { } why) p.Add(new("AMZ-856-03", $"carton SSCC {c.Sscc} {why}", c.Sscc));
            else if (!seen.Add(Sscc.Normalise(c.Sscc))) p.Add(new("AMZ-856-03", $"SSCC {c.Sscc} is used twice in the shipment", c.Sscc));
            if (c.Items.IsDefaultOrEmpty) p.Add(new("AMZ-856-11", "the carton is empty", c.Sscc));
            else if (c.Items.Select(i => i.PurchaseOrderNumber).Distinct().Count() > 1)
                p.Add(new("AMZ-856-11", "the carton holds items of more than one PO; it cannot sit under one order level", c.Sscc));
            if (pallets.Length > 0 && c.PalletId is null) p.Add(new("AMZ-856-11", "the shipment is palletised but this carton is on no pallet (loose and palletised cartons need separate ASNs)", c.Sscc));
            if (c.PalletId is not null && !palletIds.Contains(c.PalletId)) p.Add(new("AMZ-856-11", $"the carton is on pallet '{c.PalletId}', which is not in the despatch", c.Sscc));
        }
        foreach (var pallet in pallets)
        {
            var onIt = d.Cartons.Where(c => c.PalletId == pallet.Id).ToList();
            if (onIt.Count == 0) p.Add(new("AMZ-856-11", "the pallet holds no carton", pallet.Id));
            else if (onIt.SelectMany(c => c.Items).Select(i => i.PurchaseOrderNumber).Distinct().Count() > 1)
                p.Add(new("AMZ-856-11", "the pallet holds cartons of more than one PO; split it or send one ASN per PO", pallet.Id));
        }
    }

    private static void CheckQuantities(Despatch d, IReadOnlyList<ShipmentOrder> orders, List<FlowProblem> p)
    {
        var items = (d.Cartons.IsDefault ? [] : d.Cartons).SelectMany(c => c.Items.IsDefault ? [] : c.Items);
        foreach (var po in items.GroupBy(i => i.PurchaseOrderNumber))
        {
            var order = orders.FirstOrDefault(o => o.Order.Order.Number == po.Key);
            if (order is null) { p.Add(new("UnknownPo", $"PO {po.Key} is not among the orders of this despatch", po.Key)); continue; }
            if (!string.Equals(order.Order.Order.ShipToFc, d.ShipToFc, StringComparison.OrdinalIgnoreCase))
                p.Add(new("AMZ-856-07", $"PO {po.Key} ships to {order.Order.Order.ShipToFc}, the despatch goes to {d.ShipToFc}", po.Key));
            foreach (var line in po.GroupBy(i => i.LineNumber))
            {
                var where = $"{po.Key}/{line.Key}";
                var resolved = order.Order.Line(line.Key);
                var ack = order.Acknowledgement.Line(line.Key);
                if (resolved is null || ack is null || ack.IsRejected)
                {
                    p.Add(new("NotAcknowledged", "the line is not on the PO or was rejected in the 855; it cannot be shipped", where));
                    continue;
                }
                var eaches = line.Sum(i => i.QuantityEaches);
                if (line.Any(i => i.QuantityEaches <= 0)) p.Add(new("BadQuantity", "a carton holds a zero or negative quantity", where));
                if (line.Any(i => resolved.ToOrderUnits(i.QuantityEaches) is null))
                {
                    p.Add(new("AMZ-855-13", $"a carton holds eaches that are not whole cases of {resolved.UnitsPerCase} ({resolved.Ordered.Unit} line)", where));
                    continue;
                }
                var units = resolved.ToOrderUnits(eaches)!.Value;
                var before = order.PreviouslyShipped?.GetValueOrDefault(line.Key) ?? 0;
                var limit = ack.AcceptedQuantity + ack.BackorderedQuantity;
                if (units + before > limit)
                    p.Add(new("OverShipment", $"shipping {units} {resolved.Ordered.Unit} (plus {before} already shipped) exceeds the {limit} acknowledged; Amazon charges overage", where));
            }
        }
    }
}
