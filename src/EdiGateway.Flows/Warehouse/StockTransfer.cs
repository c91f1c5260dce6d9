using System.Collections.Immutable;
using EdiGateway.Edi.Model;
using EdiGateway.Edi.Writing;
using EdiGateway.Flows.Common;
using static EdiGateway.Flows.Warehouse.X12Values;

namespace EdiGateway.Flows.Warehouse;

/// <summary>One product expected at the 3PL, quantity in Sage stock units; <paramref name="LineId"/> is the Sage transfer or
/// purchase order line (sent as W04/N9*LI).</summary>
public sealed record ExpectedLine(string LineId, string ProductCode, decimal Quantity);

/// <summary>Stock on its way to the 3PL (a Sage stock transfer or purchase order receipt expectation): the input of the 943.</summary>
public sealed record StockTransferExpectation
{
    /// <summary>W0602: our transfer / purchase order number, echoed in the 944's W1704.</summary>
    public required string Reference { get; init; } // W0602
    /// <summary>W0603: date the stock left for the warehouse.</summary>
    public required DateOnly ShippedOn { get; init; } // W0603
    /// <summary>G62*17 estimated delivery.</summary>
    public DateOnly? ExpectedDelivery { get; init; } // G62*17
    /// <summary>W0604 inbound shipment id / container.</summary>
    public string? ShipmentId { get; init; } // W0604
    /// <summary>N1*SF supplier (or our other warehouse) name.</summary>
    public string? ShipFromName { get; init; } // N1*SF
    /// <summary>W2702 carrier SCAC; W2703 routing text when there is none.</summary>
    public string? CarrierScac { get; init; } // W2702
    /// <summary>W2701 transport method.</summary>
    public string TransportMethod { get; init; } = "M"; // W2701
    /// <summary>Lines.</summary>
    public required ImmutableArray<ExpectedLine> Lines { get; init; }
}

/// <summary>The 943 ready for the outbound gate and the expectation it announced (what the 944 is compared with).</summary>
public sealed record StockTransferSent(OutboundDocument Document, StockTransferExpectation Expectation);

/// <summary>Rule 3a: Sage transfer/receipt expectation -> 943 (004010, GS01 AR): W04 per product in the warehouse's SKU and
/// unit, W0301 = the sum of W0401 (the guide's hash total).</summary>
public static class StockTransferBuilder
{
    /// <summary>Checks and builds; ISA12 is forced to 00401.</summary>
    public static FlowResult<StockTransferSent> Build(StockTransferExpectation expectation, WarehouseItems items, WarehouseSettings settings,
        X12EnvelopeOptions envelope, IControlNumberSource numbers, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(expectation);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(envelope);
        var p = new List<FlowProblem>();
        if (expectation.Reference.Length is 0 or > 22) p.Add(new("Reference", "the transfer reference (W0602) must be 1 to 22 characters"));
        if (expectation.Lines.IsDefaultOrEmpty) p.Add(new("NoLines", "nothing is expected at the warehouse"));
        var body = new List<X12Segment>
        {
            X12Segment.Of("W06", "N", expectation.Reference, Date(expectation.ShippedOn), expectation.ShipmentId), // W0601 N, W0602 ref, W0603 shipped, W0604 shipment
            X12Segment.Of("N1", "WH", Cut(settings.WarehouseName ?? settings.SageWarehouse, 60), settings.WarehouseId is null ? null : "ZZ", settings.WarehouseId), // N1*WH
        };
        if (expectation.ShipFromName is not null) body.Add(X12Segment.Of("N1", "SF", Cut(expectation.ShipFromName, 60))); // N1*SF
        body.Add(X12Segment.Of("N9", "PO", expectation.Reference)); // N9*PO our reference
        if (expectation.ExpectedDelivery is { } eta) body.Add(X12Segment.Of("G62", "17", Date(eta))); // G62*17 estimated delivery
        body.Add(X12Segment.Of("W27", expectation.TransportMethod, expectation.CarrierScac, expectation.CarrierScac is null ? "BEST WAY" : null)); // W2701, W2702 SCAC or W2703 routing
        decimal total = 0;
        foreach (var line in expectation.Lines.IsDefault ? [] : expectation.Lines)
        {
            if (items.BySageCode(line.ProductCode) is not { } item) { p.Add(new("UnknownItem", $"Sage product {line.ProductCode} is not in the warehouse's item table", line.LineId)); continue; }
            if (line.Quantity <= 0 || line.Quantity != decimal.Truncate(line.Quantity)) { p.Add(new("BadQuantity", $"quantity {Num(line.Quantity)} is not a whole number above zero", line.LineId)); continue; }
            var cases = settings.WarehouseUnit == "CA" && item.UnitsPerCase > 1 && line.Quantity % item.UnitsPerCase == 0;
            var qty = cases ? line.Quantity / item.UnitsPerCase : line.Quantity;
            total += qty;
            var upcQualifier = item.Upc is { } u && u.All(char.IsAsciiDigit) ? u.Length switch { 12 => "UP", 13 => "EN", 14 => "UK", _ => null } : null;
            body.Add(X12Segment.Of("W04", Num(qty), cases ? "CA" : "EA", null, settings.ProductQualifier, item.WarehouseSku, // W0401 qty, W0402 unit, W0404/05 SKU
                upcQualifier, upcQualifier is null ? null : item.Upc)); // W0406/07 UPC or EAN
            body.Add(X12Segment.Of("N9", "LI", line.LineId)); // W04/N9*LI our line
        }
        body.Add(X12Segment.Of("W03", Num(total))); // W0301 = sum of W0401
        if (p.Count > 0) return FlowResult<StockTransferSent>.Fail(p);
        var doc = OutboundDocument.Build(envelope with { InterchangeVersion = "00401" }, numbers, clock, "AR", "004010", "943", body);
        return FlowResult<StockTransferSent>.Ok(new StockTransferSent(doc, expectation));
    }
}
