using EdiGateway.Edi.Model;

namespace EdiGateway.Edi.Records;

/// <summary>810 invoice, typed. Amounts are decimals; TDS01 and SAC05 carry two implied decimals on the wire.</summary>
public sealed record Invoice810
{
    /// <summary>BIG01 invoice date.</summary>
    public required string InvoiceDate { get; init; } // BIG01
    /// <summary>BIG02 invoice number.</summary>
    public required string InvoiceNumber { get; init; } // BIG02
    /// <summary>BIG03 purchase order date.</summary>
    public string? PurchaseOrderDate { get; init; } // BIG03
    /// <summary>BIG04 purchase order number.</summary>
    public string? PurchaseOrderNumber { get; init; } // BIG04
    /// <summary>CUR01 entity (SE), CUR02 currency (USD).</summary>
    public string? CurrencyEntity { get; init; } // CUR01
    /// <summary>CUR02 currency code.</summary>
    public string? Currency { get; init; } // CUR02
    /// <summary>N1 loops (RI remit-to, ST, BT).</summary>
    public IReadOnlyList<Party> Parties { get; init; } = []; // N1 loop
    /// <summary>ITD01 terms type code.</summary>
    public string? TermsType { get; init; } // ITD01
    /// <summary>ITD02 terms basis date code.</summary>
    public string? TermsBasis { get; init; } // ITD02
    /// <summary>ITD03 discount percent.</summary>
    public decimal? DiscountPercent { get; init; } // ITD03
    /// <summary>ITD05 discount days due.</summary>
    public int? DiscountDays { get; init; } // ITD05
    /// <summary>ITD07 net days.</summary>
    public int? NetDays { get; init; } // ITD07
    /// <summary>IT1 lines.</summary>
    public IReadOnlyList<InvoiceLine> Lines { get; init; } = []; // IT1 loop
    /// <summary>Header SAC charges and allowances.</summary>
    public IReadOnlyList<ChargeOrAllowance> Charges { get; init; } = []; // SAC loop (summary)

    /// <summary>TDS01: lines + charges - allowances (informational SAC N excluded), computed.</summary>
    public decimal Total => Lines.Sum(l => l.Quantity * l.UnitPrice) + Charges.Sum(c => c.Indicator switch { "C" => c.Amount, "A" => -c.Amount, _ => 0 });

    /// <summary>Maps a set to the record.</summary>
    public static Invoice810 FromSet(X12TransactionSet set)
    {
        var body = Map.Body(set, "810");
        var big = body.First(s => s.Id == "BIG");
        var inv = new Invoice810 { InvoiceDate = big[1], InvoiceNumber = big[2], PurchaseOrderDate = Map.Opt(big, 3), PurchaseOrderNumber = Map.Opt(big, 4) };
        var parties = new List<Party>();
        var lines = new List<InvoiceLine>();
        var charges = new List<ChargeOrAllowance>();
        var afterTds = false;
        for (var i = 0; i < body.Count; i++)
        {
            var s = body[i];
            switch (s.Id)
            {
                case "CUR": inv = inv with { CurrencyEntity = Map.Opt(s, 1), Currency = Map.Opt(s, 2) }; break;
                case "N1" when lines.Count == 0: parties.Add(Map.ReadParty(body, ref i)); break;
                case "ITD": inv = inv with { TermsType = Map.Opt(s, 1), TermsBasis = Map.Opt(s, 2), DiscountPercent = Map.Dec(s, 3), DiscountDays = Map.Int(s, 5), NetDays = Map.Int(s, 7) }; break;
                case "IT1": lines.Add(new InvoiceLine(Map.Opt(s, 1), Map.Dec(s, 2) ?? 0, s[3], Map.Dec(s, 4) ?? 0, Map.Opt(s, 5), Map.Pairs(s, 6))); break;
                case "TDS": afterTds = true; break;
                case "SAC" when afterTds: charges.Add(new ChargeOrAllowance(s[1], s[2], Map.N2(s, 5) ?? 0)); break;
            }
        }
        return inv with { Parties = parties, Lines = lines, Charges = charges };
    }

    /// <summary>The body segments; TDS01 and CTT01 are computed.</summary>
    public IReadOnlyList<X12Segment> ToBody()
    {
        var list = new List<X12Segment> { X12Segment.Of("BIG", InvoiceDate, InvoiceNumber, PurchaseOrderDate, PurchaseOrderNumber) };
        if (Currency is not null) list.Add(X12Segment.Of("CUR", CurrencyEntity, Currency));
        foreach (var p in Parties) list.AddRange(Map.WriteParty(p));
        if (TermsType is not null || NetDays is not null)
            list.Add(X12Segment.Of("ITD", TermsType, TermsBasis, Map.F(DiscountPercent), null, Map.F(DiscountDays), null, Map.F(NetDays)));
        list.AddRange(Lines.Select(l => X12Segment.Of("IT1", [l.LineNumber, Map.F(l.Quantity), l.Unit, Map.F(l.UnitPrice), l.PriceBasis, .. Map.PairValues(l.ProductIds)])));
        list.Add(X12Segment.Of("TDS", Map.FN2(Total)));
        list.AddRange(Charges.Select(c => X12Segment.Of("SAC", c.Indicator, c.Code, null, null, Map.FN2(c.Amount))));
        list.Add(X12Segment.Of("CTT", Map.F(Lines.Count)));
        return list;
    }
}

/// <summary>One IT1 line.</summary>
public sealed record InvoiceLine(
    string? LineNumber, // IT101 assigned identification (PO101)
    decimal Quantity, // IT102 quantity invoiced
    string Unit, // IT103 unit of measure
    decimal UnitPrice, // IT104 unit price
    string? PriceBasis, // IT105 basis of unit price
    IReadOnlyList<ProductId> ProductIds); // IT106.. qualifier/ID pairs

/// <summary>A header SAC.</summary>
public sealed record ChargeOrAllowance(
    string Indicator, // SAC01 A allowance, C charge, N informational
    string Code, // SAC02 service, promotion, allowance or charge code
    decimal Amount); // SAC05 amount (N2 on the wire)
