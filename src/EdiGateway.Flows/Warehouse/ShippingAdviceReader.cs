using EdiGateway.Edi.Model;
using EdiGateway.Flows.Common;
using static EdiGateway.Flows.Warehouse.X12Values;

namespace EdiGateway.Flows.Warehouse;

/// <summary>945 -> <see cref="ShippingAdvice"/>. Reads the loops itself (the engine's ShippingAdvice945 record has no MAN,
/// N9, G62 or W1219). A set that cannot be tied to an order fails; a bad SSCC is kept as a problem on the advice.</summary>
public static class ShippingAdviceReader
{
    /// <summary>Maps one 945 set (ST..SE) using the profile's SSCC carriage.</summary>
    public static FlowResult<ShippingAdvice> Read(X12TransactionSet set, WarehouseSettings settings)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(settings);
        if (set.SetId != "945") return FlowResult<ShippingAdvice>.Fail("NotAShippingAdvice", $"expected a 945, got {set.SetId}");
        var body = set.Body.ToList();
        if (body.FirstOrDefault(s => s.Id == "W06") is not { } w06) return FlowResult<ShippingAdvice>.Fail("MissingW06", "the 945 has no W06 segment");
        var problems = new List<FlowProblem>();
        var lines = new List<ShippedLine>();
        var tracking = new List<string>();
        string? bol = Opt(w06, 4), pro = Opt(w06, 5), scac = null, method = null, lx = null, lxSscc = null, shipped = null;
        var inLx = false;
        foreach (var (s, index) in body.Select((s, i) => (s, i + 2)))
        {
            var where = $"segment {Num(index)}";
            switch (s.Id)
            {
                case "N9" when !inLx && s[1] == "BM": bol ??= Opt(s, 2); break; // N9*BM bill of lading
                case "N9" when !inLx && s[1] == "CN": pro ??= Opt(s, 2); break; // N9*CN carrier PRO
                case "G62" when !inLx && s[1] == "11": shipped = s[2]; break; // G62*11 shipped
                case "W27" when !inLx: scac = Opt(s, 2); method = Opt(s, 1); break; // W2701 method, W2702 SCAC
                case "LX": inLx = true; lx = Opt(s, 1); lxSscc = null; break; // LX01
                case "MAN" when s[1] == "GM": // LX/MAN*GM carton SSCC
                    if (settings.SsccSource != SsccSource.Man) problems.Add(new("SsccCarriage", "MAN*GM found, but the profile takes SSCCs from N9*LV (ssccSource); ignored", where));
                    else lxSscc = CheckedSscc(s[2], where, problems);
                    break;
                case "MAN" when s[1] == "CP": tracking.Add(s[2]); break; // MAN*CP parcel id
                case "W12":
                    lines.Add(new ShippedLine
                    {
                        Ordinal = lines.Count + 1, LxNumber = lx,
                        Status = s[1], Ordered = Dec(s, 2), Shipped = Dec(s, 3) ?? 0, Difference = Dec(s, 4), Unit = Opt(s, 5), Upc = Opt(s, 6), // W1201..W1206
                        ProductIds = [.. new[] { (7, 8), (17, 18), (21, 22) }.Where(p => s[p.Item2].Length > 0).Select(p => new ItemId(s[p.Item1], s[p.Item2]))], // W1207/08, W1217/18, W1221/22
                        Lot = Opt(s, 9), ReasonCode = Opt(s, 19), Sscc = lxSscc, // W1209 lot, W1219 reason
                    });
                    if (Dec(s, 3) is null) problems.Add(new("BadQuantity", $"W1203 '{s[3]}' is not a number; the line counts as nothing shipped", where));
                    break;
                case "N9" when inLx && lines.Count > 0 && s[1] == "LI": lines[^1] = lines[^1] with { OrderLineId = Opt(s, 2) }; break; // W12/N9*LI
                case "N9" when inLx && s[1] == "2I": tracking.Add(s[2]); break; // N9*2I tracking
                case "N9" when inLx && lines.Count > 0 && s[1] == "LV": // W12/N9*LV carton SSCC
                    if (settings.SsccSource != SsccSource.N9Lv) problems.Add(new("SsccCarriage", "N9*LV found, but the profile takes SSCCs from MAN*GM (ssccSource); ignored", where));
                    else lines[^1] = lines[^1] with { Sscc = CheckedSscc(s[2], where, problems) };
                    break;
            }
        }
        var orderNumber = w06[2];
        if (orderNumber.Length == 0) problems.Add(new("MissingOrderNumber", "W0602 (our 940 order number) is empty; the 945 cannot be matched"));
        var date = Date(Opt(w06, 3) ?? shipped);
        if (date is null) problems.Add(new("BadShipDate", $"W0603 '{w06[3]}' is not a CCYYMMDD ship date"));
        if (lines.Count == 0) problems.Add(new("NoLines", "the 945 has no W12 lines"));
        if (orderNumber.Length == 0 || date is null || lines.Count == 0) return FlowResult<ShippingAdvice>.Fail(problems);
        return FlowResult<ShippingAdvice>.Ok(new ShippingAdvice
        {
            OrderNumber = orderNumber, ShipDate = date.Value, BillOfLading = bol, CarrierPro = pro, CustomerPurchaseOrder = Opt(w06, 6),
            CarrierScac = scac, TransportMethod = method, TrackingNumbers = [.. tracking.Where(t => t.Length > 0)], Lines = [.. lines], Problems = [.. problems],
        });
    }

    private static string? CheckedSscc(string value, string where, List<FlowProblem> problems)
    {
        if (Sscc.Check(value) is { } why)
        {
            problems.Add(new("BadSscc", $"carton SSCC {value} {why}; the carton cannot be reported to a customer", where));
            return null;
        }
        return Sscc.Normalise(value);
    }
}
