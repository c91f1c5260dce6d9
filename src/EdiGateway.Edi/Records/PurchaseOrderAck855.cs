using EdiGateway.Edi.Model;

namespace EdiGateway.Edi.Records;

/// <summary>855 purchase order acknowledgment, typed.</summary>
public sealed record PurchaseOrderAck855
{
    /// <summary>BAK01 purpose (00).</summary>
    public required string Purpose { get; init; } // BAK01
    /// <summary>BAK02 acknowledgment type (AC, AD).</summary>
    public required string AckType { get; init; } // BAK02
    /// <summary>BAK03 purchase order number.</summary>
    public required string PurchaseOrderNumber { get; init; } // BAK03
    /// <summary>BAK04 acknowledgment date.</summary>
    public required string AckDate { get; init; } // BAK04
    /// <summary>N1 loops.</summary>
    public IReadOnlyList<Party> Parties { get; init; } = []; // N1 loop
    /// <summary>PO1 loops with their ACK lines.</summary>
    public IReadOnlyList<AckLine> Lines { get; init; } = []; // PO1 loop

    /// <summary>Maps a set to the record.</summary>
    public static PurchaseOrderAck855 FromSet(X12TransactionSet set)
    {
        var body = Map.Body(set, "855");
        var bak = body.First(s => s.Id == "BAK");
        var parties = new List<Party>();
        var lines = new List<AckLine>();
        for (var i = 0; i < body.Count; i++)
        {
            var s = body[i];
            switch (s.Id)
            {
                case "N1" when lines.Count == 0: parties.Add(Map.ReadParty(body, ref i)); break;
                case "PO1": lines.Add(new AckLine(Map.Opt(s, 1), Map.Dec(s, 2) ?? 0, s[3], Map.Dec(s, 4), Map.Opt(s, 5), Map.Pairs(s, 6), [])); break;
                case "ACK" when lines.Count > 0:
                    lines[^1] = lines[^1] with { Statuses = [.. lines[^1].Statuses, new LineStatus(s[1], Map.Dec(s, 2), Map.Opt(s, 3), Map.Opt(s, 4), Map.Opt(s, 5))] };
                    break;
            }
        }
        return new PurchaseOrderAck855 { Purpose = bak[1], AckType = bak[2], PurchaseOrderNumber = bak[3], AckDate = bak[4], Parties = parties, Lines = lines };
    }

    /// <summary>The body segments; CTT01 is computed.</summary>
    public IReadOnlyList<X12Segment> ToBody()
    {
        var list = new List<X12Segment> { X12Segment.Of("BAK", Purpose, AckType, PurchaseOrderNumber, AckDate) };
        foreach (var p in Parties) list.AddRange(Map.WriteParty(p));
        foreach (var l in Lines)
        {
            list.Add(X12Segment.Of("PO1", [l.LineNumber, Map.F(l.Quantity), l.Unit, Map.F(l.UnitPrice), l.PriceBasis, .. Map.PairValues(l.ProductIds)]));
            list.AddRange(l.Statuses.Select(a => X12Segment.Of("ACK", a.Code, Map.F(a.Quantity), a.Unit, a.DateQualifier, a.Date)));
        }
        list.Add(X12Segment.Of("CTT", Map.F(Lines.Count)));
        return list;
    }
}

/// <summary>One acknowledged PO1 line.</summary>
public sealed record AckLine(
    string? LineNumber, // PO101 line number from the 850
    decimal Quantity, // PO102 quantity ordered
    string Unit, // PO103 unit of measure
    decimal? UnitPrice, // PO104 unit price (Amazon: required)
    string? PriceBasis, // PO105 basis of unit price
    IReadOnlyList<ProductId> ProductIds, // PO106.. qualifier/ID pairs, as in the 850
    IReadOnlyList<LineStatus> Statuses); // ACK loop

/// <summary>One ACK segment.</summary>
public sealed record LineStatus(
    string Code, // ACK01 line item status code (IA, IB, IR, R2...)
    decimal? Quantity, // ACK02 quantity
    string? Unit, // ACK03 unit of measure
    string? DateQualifier, // ACK04 date/time qualifier (068)
    string? Date); // ACK05 date
