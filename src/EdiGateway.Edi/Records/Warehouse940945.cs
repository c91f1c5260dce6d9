using EdiGateway.Edi.Model;

namespace EdiGateway.Edi.Records;

/// <summary>940 warehouse shipping order (us -> 3PL), typed.</summary>
public sealed record ShippingOrder940
{
    /// <summary>W0501 order status (N new).</summary>
    public required string OrderStatus { get; init; } // W0501
    /// <summary>W0502 depositor order number.</summary>
    public required string DepositorOrderNumber { get; init; } // W0502
    /// <summary>W0503 purchase order number.</summary>
    public string? PurchaseOrderNumber { get; init; } // W0503
    /// <summary>N1 loops (ST ship-to, WH warehouse, DE depositor).</summary>
    public IReadOnlyList<Party> Parties { get; init; } = []; // N1 loop
    /// <summary>G62 dates (10 requested ship, 02 requested delivery).</summary>
    public IReadOnlyList<DateReference> Dates { get; init; } = []; // G6201/G6202
    /// <summary>W6601 shipment method of payment (PP, CC).</summary>
    public string? PaymentMethod { get; init; } // W6601
    /// <summary>W6602 transportation method (M motor, U parcel...).</summary>
    public string? TransportMethod { get; init; } // W6602
    /// <summary>LX/W01 lines.</summary>
    public IReadOnlyList<WarehouseOrderLine> Lines { get; init; } = []; // LX loop
    /// <summary>W7601 total quantity ordered (computed on write).</summary>
    public decimal? TotalQuantity { get; init; } // W7601

    /// <summary>Maps a set to the record.</summary>
    public static ShippingOrder940 FromSet(X12TransactionSet set)
    {
        var body = Map.Body(set, "940");
        var w05 = body.First(s => s.Id == "W05");
        var o = new ShippingOrder940 { OrderStatus = w05[1], DepositorOrderNumber = w05[2], PurchaseOrderNumber = Map.Opt(w05, 3) };
        var parties = new List<Party>();
        var dates = new List<DateReference>();
        var lines = new List<WarehouseOrderLine>();
        string? lx = null;
        for (var i = 0; i < body.Count; i++)
        {
            var s = body[i];
            switch (s.Id)
            {
                case "N1" when lines.Count == 0 && lx is null: parties.Add(Map.ReadParty(body, ref i)); break;
                case "G62" when lx is null: dates.Add(new DateReference(s[1], s[2])); break;
                case "W66": o = o with { PaymentMethod = Map.Opt(s, 1), TransportMethod = Map.Opt(s, 2) }; break;
                case "LX": lx = s[1]; break;
                case "W01": lines.Add(new WarehouseOrderLine(lx, Map.Dec(s, 1) ?? 0, s[2], Map.Opt(s, 3), Map.Pairs(s, 4))); break;
                case "W76": o = o with { TotalQuantity = Map.Dec(s, 1) }; break;
            }
        }
        return o with { Parties = parties, Dates = dates, Lines = lines };
    }

    /// <summary>The body segments; W7601 is computed from the lines.</summary>
    public IReadOnlyList<X12Segment> ToBody()
    {
        var list = new List<X12Segment> { X12Segment.Of("W05", OrderStatus, DepositorOrderNumber, PurchaseOrderNumber) };
        foreach (var p in Parties) list.AddRange(Map.WriteParty(p));
        list.AddRange(Dates.Select(d => X12Segment.Of("G62", d.Qualifier, d.Date)));
        if (PaymentMethod is not null || TransportMethod is not null) list.Add(X12Segment.Of("W66", PaymentMethod, TransportMethod));
        var n = 0;
        foreach (var l in Lines)
        {
            list.Add(X12Segment.Of("LX", l.LineNumber ?? Map.F(++n)));
            list.Add(X12Segment.Of("W01", [Map.F(l.Quantity), l.Unit, l.Upc, .. Map.PairValues(l.ProductIds)]));
        }
        list.Add(X12Segment.Of("W76", Map.F(Lines.Sum(l => l.Quantity))));
        return list;
    }
}

/// <summary>One 940 line (LX + W01).</summary>
public sealed record WarehouseOrderLine(
    string? LineNumber, // LX01 assigned number
    decimal Quantity, // W0101 quantity ordered
    string Unit, // W0102 unit of measure
    string? Upc, // W0103 UPC case code
    IReadOnlyList<ProductId> ProductIds); // W0104/W0105, W0106/W0107 qualifier + ID

/// <summary>945 warehouse shipping advice (3PL -> us), typed: how short-shipments arrive (ordered vs shipped).</summary>
public sealed record ShippingAdvice945
{
    /// <summary>W0601 reporting code.</summary>
    public required string ReportingCode { get; init; } // W0601
    /// <summary>W0602 depositor order number (the 940's W0502).</summary>
    public required string DepositorOrderNumber { get; init; } // W0602
    /// <summary>W0603 ship date.</summary>
    public string? ShipDate { get; init; } // W0603
    /// <summary>W0604 shipment identification (BOL).</summary>
    public string? ShipmentId { get; init; } // W0604
    /// <summary>W0605 agent shipment id (PRO).</summary>
    public string? AgentShipmentId { get; init; } // W0605
    /// <summary>W0606 purchase order number.</summary>
    public string? PurchaseOrderNumber { get; init; } // W0606
    /// <summary>N1 loops.</summary>
    public IReadOnlyList<Party> Parties { get; init; } = []; // N1 loop
    /// <summary>W2701 transportation method.</summary>
    public string? TransportMethod { get; init; } // W2701
    /// <summary>W2702 carrier SCAC.</summary>
    public string? Carrier { get; init; } // W2702
    /// <summary>LX/W12 lines.</summary>
    public IReadOnlyList<WarehouseShipLine> Lines { get; init; } = []; // LX loop
    /// <summary>W0301 total units shipped (computed on write).</summary>
    public decimal? TotalShipped { get; init; } // W0301

    /// <summary>Maps a set to the record.</summary>
    public static ShippingAdvice945 FromSet(X12TransactionSet set)
    {
        var body = Map.Body(set, "945");
        var w06 = body.First(s => s.Id == "W06");
        var a = new ShippingAdvice945
        {
            ReportingCode = w06[1], DepositorOrderNumber = w06[2], ShipDate = Map.Opt(w06, 3), ShipmentId = Map.Opt(w06, 4),
            AgentShipmentId = Map.Opt(w06, 5), PurchaseOrderNumber = Map.Opt(w06, 6),
        };
        var parties = new List<Party>();
        var lines = new List<WarehouseShipLine>();
        string? lx = null;
        for (var i = 0; i < body.Count; i++)
        {
            var s = body[i];
            switch (s.Id)
            {
                case "N1" when lx is null: parties.Add(Map.ReadParty(body, ref i)); break;
                case "W27": a = a with { TransportMethod = Map.Opt(s, 1), Carrier = Map.Opt(s, 2) }; break;
                case "LX": lx = s[1]; break;
                case "W12":
                    lines.Add(new WarehouseShipLine(lx, s[1], Map.Dec(s, 2), Map.Dec(s, 3) ?? 0, Map.Dec(s, 4), s[5], Map.Opt(s, 6),
                        s[7].Length > 0 ? new ProductId(s[7], s[8]) : null, Map.Opt(s, 9)));
                    break;
                case "W03": a = a with { TotalShipped = Map.Dec(s, 1) }; break;
            }
        }
        return a with { Parties = parties, Lines = lines };
    }

    /// <summary>The body segments; W0301 is computed from the lines.</summary>
    public IReadOnlyList<X12Segment> ToBody()
    {
        var list = new List<X12Segment> { X12Segment.Of("W06", ReportingCode, DepositorOrderNumber, ShipDate, ShipmentId, AgentShipmentId, PurchaseOrderNumber) };
        foreach (var p in Parties) list.AddRange(Map.WriteParty(p));
        if (TransportMethod is not null || Carrier is not null) list.Add(X12Segment.Of("W27", TransportMethod, Carrier));
        var n = 0;
        foreach (var l in Lines)
        {
            list.Add(X12Segment.Of("LX", l.LineNumber ?? Map.F(++n)));
            list.Add(X12Segment.Of("W12", l.Status, Map.F(l.Ordered), Map.F(l.Shipped), Map.F(l.Difference), l.Unit, l.Upc,
                l.ProductId?.Qualifier, l.ProductId?.Value, l.Lot));
        }
        list.Add(X12Segment.Of("W03", Map.F(Lines.Sum(l => l.Shipped))));
        return list;
    }
}

/// <summary>One 945 line (LX + W12).</summary>
public sealed record WarehouseShipLine(
    string? LineNumber, // LX01 assigned number
    string Status, // W1201 shipment/order status (CC complete, CP partial, BP backordered)
    decimal? Ordered, // W1202 quantity ordered
    decimal Shipped, // W1203 number of units shipped
    decimal? Difference, // W1204 quantity difference
    string Unit, // W1205 unit of measure
    string? Upc, // W1206 UPC case code
    ProductId? ProductId, // W1207/W1208 qualifier + ID
    string? Lot); // W1209 warehouse lot number
