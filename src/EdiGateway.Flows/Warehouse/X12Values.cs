using System.Globalization;
using EdiGateway.Edi.Model;

namespace EdiGateway.Flows.Warehouse;

/// <summary>Parsing and formatting of the X12 values the warehouse sets use (invariant culture, decimal).</summary>
internal static class X12Values
{
    public static string? Opt(X12Segment s, int i) => s[i] is { Length: > 0 } v ? v : null;

    public static decimal? Dec(X12Segment s, int i) =>
        decimal.TryParse(s[i], NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d) ? d : null;

    public static DateOnly? Date(string? ccyymmdd) =>
        DateOnly.TryParseExact(ccyymmdd, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    public static string Date(DateOnly d) => d.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    public static string Num(decimal d) => d.ToString("0.#####", CultureInfo.InvariantCulture);

    public static string Num(int n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>Qualifier/ID pairs from <paramref name="from"/> up to <paramref name="to"/> (inclusive of the ID).</summary>
    public static List<(string Qualifier, string Value)> Pairs(X12Segment s, int from, int to)
    {
        var list = new List<(string, string)>();
        for (var q = from; q + 1 <= to; q += 2)
            if (s[q + 1].Length > 0) list.Add((s[q], s[q + 1]));
        return list;
    }

    /// <summary>Cuts to <paramref name="max"/> characters (X12 AN maximum).</summary>
    public static string? Cut(string? v, int max) => v is null ? null : v.Length <= max ? v : v[..max];

    /// <summary>Describes a product for messages: the first ID or UPC sent.</summary>
    public static string Describe(string? upc, IReadOnlyList<(string Qualifier, string Value)> ids) =>
        ids.Count > 0 ? $"{ids[0].Qualifier} {ids[0].Value}" : upc is null ? "no product id" : $"UPC {upc}";
}
