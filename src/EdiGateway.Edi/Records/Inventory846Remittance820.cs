using EdiGateway.Edi.Model;

namespace EdiGateway.Edi.Records;

/// <summary>846 inventory inquiry/advice, typed.</summary>
public sealed record InventoryAdvice846
{
    /// <summary>BIA01 purpose (00).</summary>
    public required string Purpose { get; init; } // BIA01
    /// <summary>BIA02 report type code.</summary>
    public required string ReportType { get; init; } // BIA02
    /// <summary>BIA03 reference identification.</summary>
    public required string ReferenceId { get; init; } // BIA03
    /// <summary>BIA04 date.</summary>
    public required string Date { get; init; } // BIA04
    /// <summary>N1 loops (WH warehouse...).</summary>
    public IReadOnlyList<Party> Parties { get; init; } = []; // N1 loop
    /// <summary>LIN loops.</summary>
    public IReadOnlyList<InventoryItem> Items { get; init; } = []; // LIN loop

    /// <summary>Maps a set to the record.</summary>
    public static InventoryAdvice846 FromSet(X12TransactionSet set)
    {
        var body = Map.Body(set, "846");
        var bia = body.First(s => s.Id == "BIA");
        var parties = new List<Party>();
        var items = new List<InventoryItem>();
        for (var i = 0; i < body.Count; i++)
        {
            var s = body[i];
            switch (s.Id)
            {
                case "N1" when items.Count == 0: parties.Add(Map.ReadParty(body, ref i)); break;
                case "LIN": items.Add(new InventoryItem(Map.Pairs(s, 2), [])); break;
                case "QTY" when items.Count > 0:
                    items[^1] = items[^1] with { Quantities = [.. items[^1].Quantities, new InventoryQuantity(s[1], Map.Dec(s, 2) ?? 0, Map.Opt(s, 3))] };
                    break;
            }
        }
        return new InventoryAdvice846 { Purpose = bia[1], ReportType = bia[2], ReferenceId = bia[3], Date = bia[4], Parties = parties, Items = items };
    }

    /// <summary>The body segments.</summary>
    public IReadOnlyList<X12Segment> ToBody()
    {
        var list = new List<X12Segment> { X12Segment.Of("BIA", Purpose, ReportType, ReferenceId, Date) };
        foreach (var p in Parties) list.AddRange(Map.WriteParty(p));
        foreach (var item in Items)
        {
            list.Add(X12Segment.Of("LIN", [null, .. Map.PairValues(item.ProductIds)]));
            list.AddRange(item.Quantities.Select(q => X12Segment.Of("QTY", q.Qualifier, Map.F(q.Quantity), q.Unit)));
        }
        return list;
    }
}

/// <summary>One LIN loop of an 846.</summary>
public sealed record InventoryItem(
    IReadOnlyList<ProductId> ProductIds, // LIN02.. qualifier/ID pairs
    IReadOnlyList<InventoryQuantity> Quantities); // QTY loop

/// <summary>One QTY.</summary>
public sealed record InventoryQuantity(
    string Qualifier, // QTY01 quantity qualifier (33 available, 17 on hand... per partner)
    decimal Quantity, // QTY02 quantity
    string? Unit); // QTY03-01 unit of measure

/// <summary>820 payment order / remittance advice, typed.</summary>
public sealed record Remittance820
{
    /// <summary>BPR01 transaction handling code (I remittance only, C payment + remittance).</summary>
    public required string Handling { get; init; } // BPR01
    /// <summary>BPR02 monetary amount (explicit decimal).</summary>
    public required decimal Amount { get; init; } // BPR02
    /// <summary>BPR03 credit/debit flag (C).</summary>
    public string? CreditDebit { get; init; } // BPR03
    /// <summary>BPR04 payment method (ACH, CHK).</summary>
    public string? PaymentMethod { get; init; } // BPR04
    /// <summary>BPR16 effective payment date.</summary>
    public string? PaymentDate { get; init; } // BPR16
    /// <summary>TRN02 payment trace number (bank reconciliation key).</summary>
    public string? TraceNumber { get; init; } // TRN02
    /// <summary>DTM segments.</summary>
    public IReadOnlyList<DateReference> Dates { get; init; } = []; // DTM
    /// <summary>N1 loops (PR payer, PE payee).</summary>
    public IReadOnlyList<Party> Parties { get; init; } = []; // N1 loop
    /// <summary>RMR lines (any ENT).</summary>
    public IReadOnlyList<RemittanceLine> Lines { get; init; } = []; // ENT/RMR loop

    /// <summary>Maps a set to the record.</summary>
    public static Remittance820 FromSet(X12TransactionSet set)
    {
        var body = Map.Body(set, "820");
        var bpr = body.First(s => s.Id == "BPR");
        var r = new Remittance820 { Handling = bpr[1], Amount = Map.Dec(bpr, 2) ?? 0, CreditDebit = Map.Opt(bpr, 3), PaymentMethod = Map.Opt(bpr, 4), PaymentDate = Map.Opt(bpr, 16) };
        var dates = new List<DateReference>();
        var parties = new List<Party>();
        var lines = new List<RemittanceLine>();
        string? ent = null;
        for (var i = 0; i < body.Count; i++)
        {
            var s = body[i];
            switch (s.Id)
            {
                case "TRN": r = r with { TraceNumber = Map.Opt(s, 2) }; break;
                case "DTM" when ent is null: dates.Add(new DateReference(s[1], s[2])); break;
                case "N1" when ent is null: parties.Add(Map.ReadParty(body, ref i)); break;
                case "ENT": ent = s[1]; break;
                case "RMR": lines.Add(new RemittanceLine(ent, s[1], s[2], Map.Opt(s, 3), Map.Dec(s, 4), Map.Dec(s, 5), Map.Dec(s, 6), [])); break;
                case "ADX" when lines.Count > 0:
                    lines[^1] = lines[^1] with { Adjustments = [.. lines[^1].Adjustments, new Adjustment(Map.Dec(s, 1) ?? 0, s[2])] };
                    break;
            }
        }
        return r with { Dates = dates, Parties = parties, Lines = lines };
    }

    /// <summary>The body segments (one ENT per distinct ENT01, in order).</summary>
    public IReadOnlyList<X12Segment> ToBody()
    {
        var list = new List<X12Segment>
        {
            X12Segment.Of("BPR", Handling, Map.F(Amount), CreditDebit, PaymentMethod, null, null, null, null, null, null, null, null, null, null, null, PaymentDate),
        };
        if (TraceNumber is not null) list.Add(X12Segment.Of("TRN", "1", TraceNumber));
        list.AddRange(Dates.Select(d => X12Segment.Of("DTM", d.Qualifier, d.Date)));
        foreach (var p in Parties) list.AddRange(Map.WriteParty(p));
        string? ent = null;
        foreach (var l in Lines)
        {
            if (l.Entity is not null && l.Entity != ent) list.Add(X12Segment.Of("ENT", ent = l.Entity));
            list.Add(X12Segment.Of("RMR", l.Qualifier, l.Reference, l.PaymentAction, Map.F(l.AmountPaid), Map.F(l.DocumentAmount), Map.F(l.Discount)));
            list.AddRange(l.Adjustments.Select(a => X12Segment.Of("ADX", Map.F(a.Amount), a.Reason)));
        }
        return list;
    }
}

/// <summary>One RMR with its ADX adjustments.</summary>
public sealed record RemittanceLine(
    string? Entity, // ENT01 assigned number
    string Qualifier, // RMR01 reference qualifier (IV invoice, CM credit memo)
    string Reference, // RMR02 reference (invoice number; Amazon deduction suffixes such as SC)
    string? PaymentAction, // RMR03 payment action code
    decimal? AmountPaid, // RMR04 amount paid
    decimal? DocumentAmount, // RMR05 total invoice or credit/debit amount
    decimal? Discount, // RMR06 discount amount taken
    IReadOnlyList<Adjustment> Adjustments); // ADX loop

/// <summary>One ADX.</summary>
public sealed record Adjustment(
    decimal Amount, // ADX01 adjustment amount (negative = deduction)
    string Reason); // ADX02 adjustment reason code
