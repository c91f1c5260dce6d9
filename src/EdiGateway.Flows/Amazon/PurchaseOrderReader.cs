using System.Collections.Immutable;
using System.Globalization;
using EdiGateway.Edi.Model;
using EdiGateway.Edi.Records;
using EdiGateway.Flows.Common;

namespace EdiGateway.Flows.Amazon;

/// <summary>850 -> <see cref="PurchaseOrder"/>. The set has passed the engine's guide validation; what is left are the
/// business facts the order cannot be built without, returned as problems, never thrown.</summary>
public static class PurchaseOrderReader
{
    /// <summary>Maps one 850 transaction set (ST..SE).</summary>
    public static FlowResult<PurchaseOrder> Read(X12TransactionSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        if (set.SetId != "850") return FlowResult<PurchaseOrder>.Fail("NotAPurchaseOrder", $"expected an 850, got {set.SetId}");
        if (!set.Body.Any(s => s.Id == "BEG")) return FlowResult<PurchaseOrder>.Fail("MissingBEG", "the 850 has no BEG segment");
        var raw = PurchaseOrder850.FromSet(set);
        var problems = new List<FlowProblem>();
        if (raw.PurchaseOrderNumber.Length == 0) problems.Add(new("MissingPoNumber", "BEG03 purchase order number is empty"));
        var orderDate = Date(raw.OrderDate);
        if (orderDate is null) problems.Add(new("BadPoDate", $"BEG05 '{raw.OrderDate}' is not a CCYYMMDD date"));
        var shipTo = raw.Parties.FirstOrDefault(p => p.EntityCode == "ST")?.Id;
        if (string.IsNullOrEmpty(shipTo)) problems.Add(new("MissingShipTo", "no N1*ST with an FC code in N104"));
        var backorder = raw.SalesRequirement switch
        {
            "Y" => true,
            "N" or null => false,
            var other => Bad(other),
        };
        var window = new DeliveryWindow(
            Date(raw.Dates.FirstOrDefault(d => d.Qualifier == "064")?.Date), // DTM*064 do not deliver before
            Date(raw.Dates.FirstOrDefault(d => d.Qualifier == "063")?.Date)); // DTM*063 do not deliver after

        var lines = ImmutableArray.CreateBuilder<PurchaseOrderLine>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (l, i) in raw.Lines.Select((l, i) => (l, i + 1)))
        {
            var n = l.LineNumber ?? "";
            if (n.Length == 0) problems.Add(new("MissingLineNumber", $"PO1 number {i} has no PO101 line number; it cannot be acknowledged"));
            else if (!seen.Add(n)) problems.Add(new("DuplicateLineNumber", $"PO101 '{n}' appears twice", n));
            if (l.Quantity < 0) problems.Add(new("BadQuantity", $"PO102 quantity {l.Quantity} is negative", n));
            if (l.UnitPrice is null) problems.Add(new("MissingUnitCost", "PO104 unit cost is missing", n));
            lines.Add(new PurchaseOrderLine
            {
                LineNumber = n, // PO101
                Quantity = l.Quantity, // PO102
                Unit = l.Unit, // PO103
                UnitCost = l.UnitPrice ?? 0, // PO104
                PriceBasis = l.PriceBasis ?? "", // PO105
                ProductIds = [.. l.ProductIds.Where(p => p.Value.Length > 0).Select(p => new ProductIdentifier(p.Qualifier, p.Value))], // PO106..
                UnitsPerCase = l.Pack, // PO401
            });
        }
        if (lines.Count == 0) problems.Add(new("NoLines", "the 850 has no PO1 lines"));
        if (problems.Count > 0) return FlowResult<PurchaseOrder>.Fail(problems);
        return FlowResult<PurchaseOrder>.Ok(new PurchaseOrder
        {
            Number = raw.PurchaseOrderNumber, // BEG03
            OrderType = raw.OrderType, // BEG02
            Purpose = raw.Purpose, // BEG01
            OrderDate = orderDate!.Value, // BEG05
            ShipToFc = shipTo!, // N1*ST N104
            BackorderAllowed = backorder, // CSH01
            DeliveryWindow = window, // DTM 064/063
            PaymentMethod = raw.PaymentMethod, // FOB01
            References = raw.References.GroupBy(r => r.Qualifier).ToImmutableDictionary(g => g.Key, g => g.First().Value),
            Lines = lines.ToImmutable(),
        });

        bool Bad(string value)
        {
            problems.Add(new("BadBackorderFlag", $"CSH01 '{value}' is neither Y nor N"));
            return false;
        }
    }

    /// <summary>Parses a CCYYMMDD date, null when absent or malformed.</summary>
    internal static DateOnly? Date(string? ccyymmdd) =>
        DateOnly.TryParseExact(ccyymmdd, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
