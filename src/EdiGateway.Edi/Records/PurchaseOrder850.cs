using EdiGateway.Edi.Model;

namespace EdiGateway.Edi.Records;

/// <summary>850 purchase order, typed; maps to and from the generic tree (segments between ST and SE).</summary>
public sealed record PurchaseOrder850
{
    /// <summary>BEG01 transaction set purpose code (00 original).</summary>
    public required string Purpose { get; init; } // BEG01
    /// <summary>BEG02 purchase order type code (Amazon: NE, CN, NP, RO).</summary>
    public required string OrderType { get; init; } // BEG02
    /// <summary>BEG03 purchase order number.</summary>
    public required string PurchaseOrderNumber { get; init; } // BEG03
    /// <summary>BEG05 purchase order date CCYYMMDD.</summary>
    public required string OrderDate { get; init; } // BEG05
    /// <summary>REF segments.</summary>
    public IReadOnlyList<Reference> References { get; init; } = []; // REF01/REF02
    /// <summary>FOB01 shipment method of payment.</summary>
    public string? PaymentMethod { get; init; } // FOB01
    /// <summary>CSH01 sales requirement (Amazon: Y backorder allowed, N not).</summary>
    public string? SalesRequirement { get; init; } // CSH01
    /// <summary>DTM segments (064 do not deliver before, 063 do not deliver after).</summary>
    public IReadOnlyList<DateReference> Dates { get; init; } = []; // DTM01/DTM02
    /// <summary>N1 loops.</summary>
    public IReadOnlyList<Party> Parties { get; init; } = []; // N1 loop
    /// <summary>PO1 loops.</summary>
    public IReadOnlyList<PurchaseOrderLine> Lines { get; init; } = []; // PO1 loop
    /// <summary>CTT01 number of line items.</summary>
    public int? LineCount { get; init; } // CTT01
    /// <summary>CTT02 hash total of PO102.</summary>
    public decimal? QuantityTotal { get; init; } // CTT02

    /// <summary>Maps a set (ST..SE) to the record.</summary>
    public static PurchaseOrder850 FromSet(X12TransactionSet set)
    {
        var body = Map.Body(set, "850");
        var beg = body.First(s => s.Id == "BEG");
        var po = new PurchaseOrder850 { Purpose = beg[1], OrderType = beg[2], PurchaseOrderNumber = beg[3], OrderDate = beg[5] };
        var refs = new List<Reference>();
        var dates = new List<DateReference>();
        var parties = new List<Party>();
        var lines = new List<PurchaseOrderLine>();
        for (var i = 0; i < body.Count; i++)
        {
            var s = body[i];
            switch (s.Id)
            {
                case "REF" when lines.Count == 0: refs.Add(new Reference(s[1], s[2])); break;
                case "DTM" when lines.Count == 0: dates.Add(new DateReference(s[1], s[2], Map.Opt(s, 3))); break;
                case "FOB": po = po with { PaymentMethod = Map.Opt(s, 1) }; break;
                case "CSH": po = po with { SalesRequirement = Map.Opt(s, 1) }; break;
                case "N1" when lines.Count == 0: parties.Add(Map.ReadParty(body, ref i)); break;
                case "PO1":
                    lines.Add(new PurchaseOrderLine(Map.Opt(s, 1), Map.Dec(s, 2) ?? 0, s[3], Map.Dec(s, 4), Map.Opt(s, 5), Map.Pairs(s, 6)));
                    break;
                case "PO4" when lines.Count > 0: lines[^1] = lines[^1] with { Pack = Map.Int(s, 1) }; break;
                case "CTT": po = po with { LineCount = Map.Int(s, 1), QuantityTotal = Map.Dec(s, 2) }; break;
            }
        }
        return po with { References = refs, Dates = dates, Parties = parties, Lines = lines };
    }

    /// <summary>The body segments (ST/SE are added by the envelope builder). CTT is computed from the lines.</summary>
    public IReadOnlyList<X12Segment> ToBody()
    {
        var list = new List<X12Segment> { X12Segment.Of("BEG", Purpose, OrderType, PurchaseOrderNumber, null, OrderDate) };
        list.AddRange(References.Select(r => X12Segment.Of("REF", r.Qualifier, r.Value)));
        if (PaymentMethod is not null) list.Add(X12Segment.Of("FOB", PaymentMethod));
        if (SalesRequirement is not null) list.Add(X12Segment.Of("CSH", SalesRequirement));
        list.AddRange(Dates.Select(d => X12Segment.Of("DTM", d.Qualifier, d.Date, d.Time)));
        foreach (var p in Parties) list.AddRange(Map.WriteParty(p));
        foreach (var l in Lines)
        {
            list.Add(X12Segment.Of("PO1", [l.LineNumber, Map.F(l.Quantity), l.Unit, Map.F(l.UnitPrice), l.PriceBasis, .. Map.PairValues(l.ProductIds)]));
            if (l.Pack is int pack) list.Add(X12Segment.Of("PO4", Map.F(pack)));
        }
        list.Add(X12Segment.Of("CTT", Map.F(Lines.Count), Map.F(Lines.Sum(l => l.Quantity))));
        return list;
    }
}

/// <summary>One PO1 line.</summary>
public sealed record PurchaseOrderLine(
    string? LineNumber, // PO101 assigned identification (echo in 855/856/810)
    decimal Quantity, // PO102 quantity ordered
    string Unit, // PO103 unit of measure (EA, CA)
    decimal? UnitPrice, // PO104 unit price
    string? PriceBasis, // PO105 basis of unit price (PE, RE)
    IReadOnlyList<ProductId> ProductIds, // PO106..PO125 qualifier/ID pairs
    int? Pack = null); // PO401 pack (units per case)
