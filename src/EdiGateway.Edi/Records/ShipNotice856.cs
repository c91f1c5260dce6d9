using EdiGateway.Edi.Model;

namespace EdiGateway.Edi.Records;

/// <summary>856 ship notice, typed as a flat list of HL levels (S, O, T, P, I) with parent links, so any
/// pattern (SOPI, SOTI, SOTPI) maps the same way.</summary>
public sealed record ShipNotice856
{
    /// <summary>BSN01 purpose (00 original, 05 replace).</summary>
    public required string Purpose { get; init; } // BSN01
    /// <summary>BSN02 shipment identification.</summary>
    public required string ShipmentId { get; init; } // BSN02
    /// <summary>BSN03 date.</summary>
    public required string Date { get; init; } // BSN03
    /// <summary>BSN04 time.</summary>
    public required string Time { get; init; } // BSN04
    /// <summary>HL levels in order.</summary>
    public IReadOnlyList<ShipLevel> Levels { get; init; } = []; // HL loop

    /// <summary>Maps a set to the record.</summary>
    public static ShipNotice856 FromSet(X12TransactionSet set)
    {
        var body = Map.Body(set, "856");
        var bsn = body.First(s => s.Id == "BSN");
        var levels = new List<ShipLevel>();
        for (var i = 0; i < body.Count; i++)
        {
            var s = body[i];
            if (s.Id == "HL")
            {
                levels.Add(new ShipLevel(s[1], Map.Opt(s, 2), s[3]));
                continue;
            }
            if (levels.Count == 0) continue;
            var l = levels[^1];
            levels[^1] = s.Id switch
            {
                "TD1" => l with { PackagingCode = Map.Opt(s, 1), LadingQuantity = Map.Int(s, 2), WeightQualifier = Map.Opt(s, 6), Weight = Map.Dec(s, 7), WeightUnit = Map.Opt(s, 8) },
                "TD5" => l with { CarrierScac = Map.Opt(s, 3) },
                "REF" => l with { References = [.. l.References, new Reference(s[1], s[2])] },
                "DTM" => l with { Dates = [.. l.Dates, new DateReference(s[1], s[2], Map.Opt(s, 3))] },
                "N1" => l with { Parties = [.. l.Parties, Map.ReadParty(body, ref i)] },
                "PRF" => l with { PurchaseOrderNumber = Map.Opt(s, 1) },
                "MAN" => l with { MarksQualifier = Map.Opt(s, 1), Marks = Map.Opt(s, 2) },
                "LIN" => l with { ProductIds = Map.Pairs(s, 2) },
                "SN1" => l with { Quantity = Map.Dec(s, 2), Unit = Map.Opt(s, 3) },
                _ => l,
            };
        }
        return new ShipNotice856 { Purpose = bsn[1], ShipmentId = bsn[2], Date = bsn[3], Time = bsn[4], Levels = levels };
    }

    /// <summary>The body segments; CTT01 is the number of HL segments.</summary>
    public IReadOnlyList<X12Segment> ToBody()
    {
        var list = new List<X12Segment> { X12Segment.Of("BSN", Purpose, ShipmentId, Date, Time) };
        foreach (var l in Levels)
        {
            list.Add(X12Segment.Of("HL", l.Id, l.ParentId, l.Level));
            if (l.ProductIds.Count > 0) list.Add(X12Segment.Of("LIN", [null, .. Map.PairValues(l.ProductIds)]));
            if (l.Quantity is not null) list.Add(X12Segment.Of("SN1", null, Map.F(l.Quantity), l.Unit));
            if (l.PurchaseOrderNumber is not null) list.Add(X12Segment.Of("PRF", l.PurchaseOrderNumber));
            if (l.PackagingCode is not null || l.Weight is not null)
                list.Add(X12Segment.Of("TD1", l.PackagingCode, Map.F(l.LadingQuantity), null, null, null, l.WeightQualifier, Map.F(l.Weight), l.WeightUnit));
            if (l.CarrierScac is not null) list.Add(X12Segment.Of("TD5", null, "2", l.CarrierScac));
            list.AddRange(l.References.Select(r => X12Segment.Of("REF", r.Qualifier, r.Value)));
            if (l.Marks is not null) list.Add(X12Segment.Of("MAN", l.MarksQualifier, l.Marks));
            list.AddRange(l.Dates.Select(d => X12Segment.Of("DTM", d.Qualifier, d.Date, d.Time)));
            foreach (var p in l.Parties) list.AddRange(Map.WriteParty(p));
        }
        list.Add(X12Segment.Of("CTT", Map.F(Levels.Count)));
        return list;
    }
}

/// <summary>One HL level and the segments under it that the flows use.</summary>
public sealed record ShipLevel(
    string Id, // HL01 hierarchical ID number
    string? ParentId, // HL02 hierarchical parent ID number
    string Level) // HL03 level code: S shipment, O order, T tare, P pack, I item
{
    /// <summary>TD101 packaging code (CTN, PLT).</summary>
    public string? PackagingCode { get; init; } // TD101
    /// <summary>TD102 lading quantity (cartons).</summary>
    public int? LadingQuantity { get; init; } // TD102
    /// <summary>TD106 weight qualifier (G gross).</summary>
    public string? WeightQualifier { get; init; } // TD106
    /// <summary>TD107 weight.</summary>
    public decimal? Weight { get; init; } // TD107
    /// <summary>TD108 weight unit (LB, KG).</summary>
    public string? WeightUnit { get; init; } // TD108
    /// <summary>TD503 carrier SCAC (TD502 = 2).</summary>
    public string? CarrierScac { get; init; } // TD503
    /// <summary>REF segments (BM bill of lading, CN carrier PRO).</summary>
    public IReadOnlyList<Reference> References { get; init; } = []; // REF01/REF02
    /// <summary>DTM segments (011 shipped, 017 estimated delivery).</summary>
    public IReadOnlyList<DateReference> Dates { get; init; } = []; // DTM01/DTM02
    /// <summary>N1 loops (SF ship-from, ST ship-to FC).</summary>
    public IReadOnlyList<Party> Parties { get; init; } = []; // N1 loop
    /// <summary>PRF01 purchase order number (order level).</summary>
    public string? PurchaseOrderNumber { get; init; } // PRF01
    /// <summary>MAN01 marks qualifier (GM = SSCC-18).</summary>
    public string? MarksQualifier { get; init; } // MAN01
    /// <summary>MAN02 marks and numbers (00 + SSCC-18).</summary>
    public string? Marks { get; init; } // MAN02
    /// <summary>LIN02.. product qualifier/ID pairs (item level).</summary>
    public IReadOnlyList<ProductId> ProductIds { get; init; } = []; // LIN02..LIN31
    /// <summary>SN102 units shipped.</summary>
    public decimal? Quantity { get; init; } // SN102
    /// <summary>SN103 unit of measure.</summary>
    public string? Unit { get; init; } // SN103
}
