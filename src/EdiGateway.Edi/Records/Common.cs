using System.Globalization;
using EdiGateway.Edi.Model;

namespace EdiGateway.Edi.Records;

/// <summary>A product qualifier/ID pair (PO106/PO107, LIN02/LIN03, IT106/IT107, ...): BP = ASIN, VN vendor item, UP UPC...</summary>
public sealed record ProductId(string Qualifier, string Value);

/// <summary>A REF segment.</summary>
public sealed record Reference(
    string Qualifier, // REF01 reference identification qualifier
    string Value); // REF02 reference identification

/// <summary>A DTM segment.</summary>
public sealed record DateReference(
    string Qualifier, // DTM01 date/time qualifier
    string Date, // DTM02 date CCYYMMDD
    string? Time = null); // DTM03 time

/// <summary>An N1 loop: party with optional address.</summary>
public sealed record Party(
    string EntityCode, // N101 entity identifier code (ST, SF, RI, BY...)
    string? Name = null, // N102 name
    string? IdQualifier = null, // N103 identification code qualifier
    string? Id = null, // N104 identification code
    string? Address1 = null, // N301 address information
    string? Address2 = null, // N302 address information
    string? City = null, // N401 city name
    string? State = null, // N402 state or province code
    string? PostalCode = null, // N403 postal code
    string? Country = null); // N404 country code

/// <summary>Helpers shared by the typed mappings.</summary>
internal static class Map
{
    public static string? Opt(X12Segment s, int i) => s[i] is { Length: > 0 } v ? v : null;

    public static decimal? Dec(X12Segment s, int i) =>
        decimal.TryParse(s[i], NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d) ? d : null;

    /// <summary>N2 value (two implied decimals).</summary>
    public static decimal? N2(X12Segment s, int i) => Dec(s, i) is decimal d ? d / 100m : null;

    public static int? Int(X12Segment s, int i) =>
        int.TryParse(s[i], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : null;

    public static string F(decimal? d) => d?.ToString(CultureInfo.InvariantCulture) ?? "";

    public static string FN2(decimal? d) => d is decimal v ? decimal.Round(v * 100m).ToString("0", CultureInfo.InvariantCulture) : "";

    public static string F(int? n) => n?.ToString(CultureInfo.InvariantCulture) ?? "";

    public static IReadOnlyList<ProductId> Pairs(X12Segment s, int from)
    {
        var list = new List<ProductId>();
        for (var q = from; q + 1 <= s.Elements.Length; q += 2)
            if (s[q].Length > 0 || s[q + 1].Length > 0) list.Add(new ProductId(s[q], s[q + 1]));
        return list;
    }

    public static IEnumerable<string?> PairValues(IEnumerable<ProductId> ids) => ids.SelectMany(p => new[] { p.Qualifier, p.Value });

    /// <summary>Reads an N1 loop starting at <paramref name="i"/>; advances past N2/N3/N4.</summary>
    public static Party ReadParty(IReadOnlyList<X12Segment> body, ref int i)
    {
        var n1 = body[i];
        var p = new Party(n1[1], Opt(n1, 2), Opt(n1, 3), Opt(n1, 4));
        while (i + 1 < body.Count && body[i + 1].Id is "N2" or "N3" or "N4")
        {
            var s = body[++i];
            p = s.Id switch
            {
                "N3" => p with { Address1 = Opt(s, 1), Address2 = Opt(s, 2) },
                "N4" => p with { City = Opt(s, 1), State = Opt(s, 2), PostalCode = Opt(s, 3), Country = Opt(s, 4) },
                _ => p,
            };
        }
        return p;
    }

    public static IEnumerable<X12Segment> WriteParty(Party p)
    {
        yield return X12Segment.Of("N1", p.EntityCode, p.Name, p.IdQualifier, p.Id);
        if (p.Address1 is not null) yield return X12Segment.Of("N3", p.Address1, p.Address2);
        if (p.City is not null || p.PostalCode is not null) yield return X12Segment.Of("N4", p.City, p.State, p.PostalCode, p.Country);
    }

    public static List<X12Segment> Body(X12TransactionSet set, string expected)
    {
        ArgumentNullException.ThrowIfNull(set);
        if (set.SetId != expected) throw new ArgumentException($"expected a {expected}, got {set.SetId}", nameof(set));
        return [.. set.Body];
    }
}
