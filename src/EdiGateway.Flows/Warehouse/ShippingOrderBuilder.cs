using System.Collections.Immutable;
using EdiGateway.Edi.Model;
using EdiGateway.Edi.Writing;
using EdiGateway.Flows.Common;
using static EdiGateway.Flows.Warehouse.X12Values;

namespace EdiGateway.Flows.Warehouse;

/// <summary>Sage order released for fulfilment -> 940 (004010, GS01 OW). Stock lines go in the warehouse's SKU and unit;
/// memo and non-stock lines follow the profile's rule (omit, or a W01 with a note); charges never go. W7601 = the sum of
/// the W0101 quantities actually sent, so the totals the 3PL checks match what it was asked to pick.</summary>
public static class ShippingOrderBuilder
{
    /// <summary>Checks and builds; ISA12 is forced to 00401. Problems (unknown item, bad quantity, no address, nothing to
    /// send) stop the 940: the order stays in Sage, queued for a person.</summary>
    public static FlowResult<ShippingOrderSent> Build(FulfilmentOrder order, WarehouseItems items, WarehouseSettings settings,
        X12EnvelopeOptions envelope, IControlNumberSource numbers, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(envelope);
        var problems = CheckHeader(order);
        var warnings = new List<FlowProblem>();
        var sent = ImmutableArray.CreateBuilder<SentLine>();
        var omitted = ImmutableArray.CreateBuilder<OmittedLine>();
        var notes = new Dictionary<int, (string? G69, string? Nte)>();
        foreach (var line in order.Lines)
        {
            var n = sent.Count + 1;
            switch (line.Type)
            {
                case FulfilmentLineType.Charge:
                    omitted.Add(new(line.LineId, line.Type, "a charge is not goods; it stays on the Sage order only"));
                    break;
                case FulfilmentLineType.FreeText when settings.MemoLines == LineRule.Omit || string.IsNullOrWhiteSpace(line.Description):
                    omitted.Add(new(line.LineId, line.Type, "memo lines are not sent (memoLines: omit, or the memo is empty)"));
                    break;
                case FulfilmentLineType.FreeText:
                    sent.Add(new(n, line.LineId, null, settings.MemoItemCode, 1, "EA", 1, 0, true, line.CustomerLineNumber));
                    notes[n] = (Cut(line.Description, 45), Cut(line.Description, 80)); // G69 description, NTE*LIN the memo
                    break;
                case FulfilmentLineType.NonStock when settings.NonStockLines == LineRule.Omit:
                    omitted.Add(new(line.LineId, line.Type, "non-stock lines are not sent (nonStockLines: omit)"));
                    break;
                case FulfilmentLineType.NonStock:
                    if (!WholePositive(line.Quantity)) { problems.Add(new("BadQuantity", $"quantity {Num(line.Quantity)} is not a whole number above zero", line.LineId)); break; }
                    sent.Add(new(n, line.LineId, line.ProductCode, line.ProductCode ?? settings.MemoItemCode, line.Quantity, "EA", 1, 0, true, line.CustomerLineNumber));
                    notes[n] = (Cut(line.Description ?? line.ProductCode, 45), "NON-STOCK ITEM, NOT HELD AT THE WAREHOUSE: INFORMATION ONLY");
                    break;
                default:
                    if (line.ProductCode is null || items.BySageCode(line.ProductCode) is not { } item)
                    {
                        problems.Add(new("UnknownItem", $"Sage product {line.ProductCode ?? "(none)"} is not in the warehouse's item table; the 3PL cannot pick it", line.LineId));
                        break;
                    }
                    if (!WholePositive(line.Quantity))
                    {
                        problems.Add(new("BadQuantity", $"quantity {Num(line.Quantity)} of {item.SageProductCode} is not a whole number of eaches above zero", line.LineId));
                        break;
                    }
                    var cases = settings.WarehouseUnit == "CA" && item.UnitsPerCase > 1 && line.Quantity % item.UnitsPerCase == 0;
                    if (settings.WarehouseUnit == "CA" && !cases && item.UnitsPerCase > 1)
                        warnings.Add(new("LooseUnits", $"{Num(line.Quantity)} of {item.SageProductCode} is not whole cases of {Num(item.UnitsPerCase)}; sent in eaches", line.LineId));
                    sent.Add(new(n, line.LineId, item.SageProductCode, item.WarehouseSku, cases ? line.Quantity / item.UnitsPerCase : line.Quantity,
                        cases ? "CA" : "EA", item.UnitsPerCase, line.Quantity, false, line.CustomerLineNumber));
                    break;
            }
        }
        if (problems.Count == 0 && sent.Count == 0) problems.Add(new("NothingToShip", "no line of the order is for the warehouse to pick"));
        if (problems.Count > 0) return FlowResult<ShippingOrderSent>.Fail(problems);

        var released = new ReleasedOrder(order.OrderNumber, order.CustomerPurchaseOrder, order.IsAmazonOrder, sent.ToImmutable());
        var body = Body(order, released, notes, items, settings);
        var doc = OutboundDocument.Build(envelope with { InterchangeVersion = "00401" }, numbers, clock, "OW", "004010", "940", body);
        return FlowResult<ShippingOrderSent>.Ok(new ShippingOrderSent(doc, released, omitted.ToImmutable(), [.. warnings]));
    }

    private static List<FlowProblem> CheckHeader(FulfilmentOrder o)
    {
        var p = new List<FlowProblem>();
        if (o.OrderNumber.Length is 0 or > 22) p.Add(new("OrderNumber", "the order number (W0502) must be 1 to 22 characters"));
        if (o.CustomerPurchaseOrder is { Length: > 22 }) p.Add(new("CustomerPo", "the customer PO (W0503) is longer than 22 characters"));
        var a = o.ShipTo;
        if (string.IsNullOrWhiteSpace(a.Name)) p.Add(new("ShipTo", "the ship-to has no name (N1*ST N102)"));
        var hasAddress = !string.IsNullOrWhiteSpace(a.Address1) && !string.IsNullOrWhiteSpace(a.City) && !string.IsNullOrWhiteSpace(a.PostalCode);
        if (!hasAddress && string.IsNullOrWhiteSpace(a.LocationCode))
            p.Add(new("ShipTo", "the ship-to needs an address (line 1, city, postcode) or a location code the warehouse knows"));
        if (o.Carrier.Scac is { } scac && (scac.Length is < 2 or > 4 || !scac.All(char.IsAsciiLetterUpper)))
            p.Add(new("Carrier", $"carrier SCAC '{scac}' must be 2 to 4 capital letters (W6610)"));
        if (o.Carrier.PaymentMethod.Length != 2 || o.Carrier.TransportMethod.Length is 0 or > 2)
            p.Add(new("Carrier", "W66 needs freight terms (2 letters, e.g. PP) and a transport method (e.g. M)"));
        if (o.RequestedDeliveryDate is { } del && del < o.RequestedShipDate)
            p.Add(new("Dates", "the requested delivery date is before the requested ship date"));
        return p;
    }

    private static List<X12Segment> Body(FulfilmentOrder o, ReleasedOrder released, Dictionary<int, (string? G69, string? Nte)> notes,
        WarehouseItems items, WarehouseSettings settings)
    {
        var a = o.ShipTo;
        var action = o.Action switch { FulfilmentAction.Change => "R", FulfilmentAction.Cancel => "F", _ => "N" };
        var body = new List<X12Segment> { X12Segment.Of("W05", action, o.OrderNumber, o.CustomerPurchaseOrder) }; // W0501 status, W0502 our order, W0503 customer PO
        body.Add(X12Segment.Of("N1", "ST", Cut(a.Name, 60), a.LocationCode is null ? null : a.LocationQualifier, a.LocationCode)); // N1*ST
        if (a.Address1 is not null) body.Add(X12Segment.Of("N3", Cut(a.Address1, 55), Cut(a.Address2, 55))); // N301/N302
        if (a.City is not null || a.PostalCode is not null) body.Add(X12Segment.Of("N4", Cut(a.City, 30), a.County is { Length: 2 } ? a.County : null, a.PostalCode, a.Country)); // N401..N404 (N402 only a 2-letter state code)
        if (settings.WarehouseId is not null || settings.WarehouseName is not null)
            body.Add(X12Segment.Of("N1", "WH", Cut(settings.WarehouseName, 60), settings.WarehouseId is null ? null : "ZZ", settings.WarehouseId)); // N1*WH
        if (settings.ShipFromName is not null) body.Add(X12Segment.Of("N1", "SF", Cut(settings.ShipFromName, 60))); // N1*SF
        body.Add(X12Segment.Of("N9", "CO", o.OrderNumber)); // N9*CO our order number
        if (o.CustomerPurchaseOrder is not null) body.Add(X12Segment.Of("N9", "PO", o.CustomerPurchaseOrder)); // N9*PO customer PO
        body.Add(X12Segment.Of("G62", "10", Date(o.RequestedShipDate))); // G62*10 requested ship
        if (o.RequestedDeliveryDate is { } d) body.Add(X12Segment.Of("G62", "02", Date(d))); // G62*02 requested delivery
        var c = o.Carrier;
        body.Add(X12Segment.Of("W66", c.PaymentMethod, c.TransportMethod, null, null, Cut(c.Service, 35), null, null, null, null, c.Scac)); // W6601 terms, W6602 method, W6605 service, W6610 SCAC
        foreach (var l in released.Lines)
        {
            body.Add(X12Segment.Of("LX", Num(l.LineNumber))); // LX01
            var upc = l.IsNote || l.ProductCode is null ? null : items.BySageCode(l.ProductCode)?.Upc;
            var upcQualifier = upc is null || !upc.All(char.IsAsciiDigit) ? null : upc.Length switch { 12 => "UP", 13 => "EN", 14 => "UK", _ => null };
            body.Add(X12Segment.Of("W01", Num(l.Quantity), l.Unit, null, settings.ProductQualifier, l.ItemCode, // W0101 qty, W0102 unit, W0104/05 SKU
                upcQualifier, upcQualifier is null ? null : upc)); // W0106/07 UPC or EAN
            if (notes.TryGetValue(l.LineNumber, out var n) && n.G69 is not null) body.Add(X12Segment.Of("G69", n.G69)); // G6901 description
            body.Add(X12Segment.Of("N9", "LI", l.SageLineId)); // W01/N9*LI our line, echoed in the 945
            if (n.Nte is not null) body.Add(X12Segment.Of("NTE", "LIN", n.Nte)); // NTE*LIN note
        }
        body.Add(X12Segment.Of("W76", Num(released.TotalQuantity))); // W7601 = sum of W0101 sent
        return body;
    }

    private static bool WholePositive(decimal q) => q > 0 && q == decimal.Truncate(q);
}
