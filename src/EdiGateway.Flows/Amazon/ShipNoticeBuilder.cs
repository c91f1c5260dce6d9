using System.Globalization;
using EdiGateway.Edi.Records;
using EdiGateway.Edi.Writing;
using EdiGateway.Flows.Common;

namespace EdiGateway.Flows.Amazon;

/// <summary>Rule 6: despatch -> 856 (005010, GS01 SH). SOPI for loose cartons, SOTPI when cartons sit on pallets;
/// HL ids numbered in document order with their parents; quantities in each PO line's basis (cases on CA lines).</summary>
public static class ShipNoticeBuilder
{
    /// <summary>The hierarchy the despatch will be sent as: SOPI or SOTPI.</summary>
    public static string Pattern(Despatch despatch)
    {
        ArgumentNullException.ThrowIfNull(despatch);
        return despatch.Pallets.IsDefaultOrEmpty ? "SOPI" : "SOTPI";
    }

    /// <summary>Checks (<see cref="ShipNoticeRules.Check"/>) and builds; ISA12 is forced to 00501.</summary>
    public static FlowResult<OutboundDocument> Build(Despatch despatch, IReadOnlyList<ShipmentOrder> orders, AmazonSettings settings,
        X12EnvelopeOptions envelope, IControlNumberSource numbers, TimeProvider clock)
    {
        var problems = ShipNoticeRules.Check(despatch, orders, settings, clock);
        return problems.Count > 0 ? FlowResult<OutboundDocument>.Fail(problems) : FlowResult<OutboundDocument>.Ok(Write(despatch, orders, settings, envelope, numbers, clock, "00"));
    }

    /// <summary>A replacement ASN (BSN01 05, [U]) for <paramref name="original"/>, sent first at <paramref name="originalSentAt"/>:
    /// same shipment id, within 7 days, and quantities, carton and pallet counts may only go down (AMZ-856-09).
    /// <paramref name="orders"/> must not count the original's quantities as already shipped.</summary>
    public static FlowResult<OutboundDocument> BuildReplacement(Despatch original, DateTimeOffset originalSentAt, Despatch replacement,
        IReadOnlyList<ShipmentOrder> orders, AmazonSettings settings, X12EnvelopeOptions envelope, IControlNumberSource numbers, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(replacement);
        ArgumentNullException.ThrowIfNull(clock);
        var problems = new List<FlowProblem>(ShipNoticeRules.Check(replacement, orders, settings, clock));
        if (replacement.ShipmentId != original.ShipmentId) problems.Add(new("AMZ-856-09", $"a replacement keeps the shipment id {original.ShipmentId}"));
        if (clock.GetUtcNow() - originalSentAt > TimeSpan.FromDays(7)) problems.Add(new("AMZ-856-09", "an ASN can only be replaced within 7 days"));
        if (replacement.Cartons.Length > original.Cartons.Length) problems.Add(new("AMZ-856-09", "a replacement may not add cartons"));
        if (replacement.Pallets.Length > original.Pallets.Length) problems.Add(new("AMZ-856-09", "a replacement may not add pallets"));
        static Dictionary<(string, string), decimal> Totals(Despatch d) => d.Cartons.SelectMany(c => c.Items)
            .GroupBy(i => (i.PurchaseOrderNumber, i.LineNumber)).ToDictionary(g => g.Key, g => g.Sum(i => i.QuantityEaches));
        var before = Totals(original);
        foreach (var (key, qty) in Totals(replacement).Where(t => t.Value > before.GetValueOrDefault(t.Key)))
            problems.Add(new("AMZ-856-09", $"a replacement may only lower quantities ({before.GetValueOrDefault(key)} -> {qty} eaches)", $"{key.Item1}/{key.Item2}"));
        return problems.Count > 0 ? FlowResult<OutboundDocument>.Fail(problems) : FlowResult<OutboundDocument>.Ok(Write(replacement, orders, settings, envelope, numbers, clock, "05"));
    }

    private static OutboundDocument Write(Despatch despatch, IReadOnlyList<ShipmentOrder> orders, AmazonSettings settings,
        X12EnvelopeOptions envelope, IControlNumberSource numbers, TimeProvider clock, string purpose)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var notice = new ShipNotice856
        {
            Purpose = purpose, // BSN01 00 original, 05 replace
            ShipmentId = despatch.ShipmentId, // BSN02
            Date = Date(clock.GetUtcNow()), // BSN03
            Time = clock.GetUtcNow().ToString("HHmm", CultureInfo.InvariantCulture), // BSN04
            Levels = Levels(despatch, orders, settings),
        };
        return OutboundDocument.Build(envelope with { InterchangeVersion = "00501" }, numbers, clock, "SH", "005010", "856", notice.ToBody());
    }

    private static List<ShipLevel> Levels(Despatch d, IReadOnlyList<ShipmentOrder> orders, AmazonSettings settings)
    {
        var levels = new List<ShipLevel>();
        var next = 1;
        string Add(ShipLevel l)
        {
            levels.Add(l);
            return l.Id;
        }
        var s = Add(new ShipLevel((next++).ToString(CultureInfo.InvariantCulture), null, "S") // HL*1**S
        {
            PackagingCode = "CTN25", LadingQuantity = d.Cartons.Length, // TD101 packaging, TD102 carton count
            WeightQualifier = d.GrossWeight is null ? null : "G", Weight = d.GrossWeight, WeightUnit = d.GrossWeight is null ? null : d.WeightUnit, // TD106-108
            CarrierScac = d.CarrierScac, // TD502 2 / TD503 SCAC
            References = [new Reference("BM", d.BillOfLading), // REF*BM bill of lading
                .. d.CarrierPro is { } pro ? [new Reference("CN", pro)] : Array.Empty<Reference>(), // REF*CN carrier PRO
                .. d.AmazonReferenceNumber is { } arn && settings.ArnReferenceQualifier is { } q ? [new Reference(q, arn)] : Array.Empty<Reference>()], // REF ARN
            Dates = [new DateReference("011", Date(d.ShippedAt), d.ShippedAt.UtcDateTime.ToString("HHmm", CultureInfo.InvariantCulture)), // DTM*011 shipped
                new DateReference("017", d.EstimatedDelivery.ToString("yyyyMMdd", CultureInfo.InvariantCulture))], // DTM*017 estimated delivery
            Parties = [new Party("SF", d.ShipFrom.Name, null, null, d.ShipFrom.Address1, null, d.ShipFrom.City, d.ShipFrom.State, d.ShipFrom.PostalCode, d.ShipFrom.Country), // N1*SF
                new Party("ST", null, "92", d.ShipToFc)], // N1*ST**92*FC
        });
        foreach (var po in d.Cartons.SelectMany(c => c.Items).Select(i => i.PurchaseOrderNumber).Distinct(StringComparer.Ordinal))
        {
            var order = orders.First(o => o.Order.Order.Number == po).Order;
            var o = Add(new ShipLevel((next++).ToString(CultureInfo.InvariantCulture), s, "O") { PurchaseOrderNumber = po }); // HL O, PRF01 PO
            var cartons = d.Cartons.Where(c => c.Items[0].PurchaseOrderNumber == po).ToList();
            if (d.Pallets.IsDefaultOrEmpty)
                foreach (var c in cartons) AddCarton(c, o);
            else
                foreach (var pallet in d.Pallets.Where(p => cartons.Any(c => c.PalletId == p.Id)))
                {
                    var t = Add(new ShipLevel((next++).ToString(CultureInfo.InvariantCulture), o, "T") // HL T
                    {
                        MarksQualifier = pallet.Sscc is null ? null : "GM", Marks = pallet.Sscc is null ? null : Sscc.ToMarks(pallet.Sscc), // MAN*GM pallet SSCC
                    });
                    foreach (var c in cartons.Where(c => c.PalletId == pallet.Id)) AddCarton(c, t);
                }

            void AddCarton(Carton c, string parent)
            {
                var p = Add(new ShipLevel((next++).ToString(CultureInfo.InvariantCulture), parent, "P") { MarksQualifier = "GM", Marks = Sscc.ToMarks(c.Sscc) }); // HL P, MAN*GM
                foreach (var item in c.Items.GroupBy(i => i.LineNumber))
                {
                    var line = order.Line(item.Key)!;
                    Add(new ShipLevel((next++).ToString(CultureInfo.InvariantCulture), p, "I") // HL I
                    {
                        ProductIds = [.. line.Ordered.ProductIds.Select(x => new ProductId(x.Qualifier, x.Value))], // LIN02.. as on the PO
                        Quantity = line.ToOrderUnits(item.Sum(i => i.QuantityEaches)), // SN102 in the PO's basis
                        Unit = line.Ordered.Unit, // SN103
                    });
                }
            }
        }
        return levels;
    }

    private static string Date(DateTimeOffset t) => t.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
}
