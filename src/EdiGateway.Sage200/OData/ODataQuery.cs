using System.Globalization;
using System.Text;

namespace EdiGateway.Sage200.OData;

/// <summary>The OData subset Sage 200 supports: $filter, $orderby, $top, $skip, $select, $expand.</summary>
public sealed record ODataQuery
{
    /// <summary>Sage's default page size.</summary>
    public const int DefaultTop = 500;

    /// <summary>Sage's ceiling for $top.</summary>
    public const int MaxTop = 5000;

    /// <summary>$filter expression (build with <see cref="ODataFilter"/>).</summary>
    public string? Filter { get; init; }

    /// <summary>$orderby, e.g. "id asc"; required by Sage whenever $skip is sent.</summary>
    public string? OrderBy { get; init; }

    /// <summary>$top (1..5000).</summary>
    public int? Top { get; init; }

    /// <summary>$skip (needs <see cref="OrderBy"/>).</summary>
    public int? Skip { get; init; }

    /// <summary>$select list.</summary>
    public string? Select { get; init; }

    /// <summary>$expand list.</summary>
    public string? Expand { get; init; }

    /// <summary>The query string including '?', or "" when empty.</summary>
    public string ToQueryString()
    {
        if (Top is < 0 or > MaxTop)
        {
            throw new ArgumentOutOfRangeException(nameof(Top), Top, "Sage accepts $top between 0 and 5000.");
        }

        if (Skip is not null && string.IsNullOrEmpty(OrderBy))
        {
            throw new InvalidOperationException("Sage refuses $skip without $orderby.");
        }

        var sb = new StringBuilder();
        Append(sb, "$filter", Filter);
        Append(sb, "$orderby", OrderBy);
        Append(sb, "$top", Top?.ToString(CultureInfo.InvariantCulture));
        Append(sb, "$skip", Skip?.ToString(CultureInfo.InvariantCulture));
        Append(sb, "$select", Select);
        Append(sb, "$expand", Expand);
        return sb.ToString();
    }

    private static void Append(StringBuilder sb, string name, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        sb.Append(sb.Length == 0 ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
    }
}

/// <summary>Builds $filter terms with Sage's literal rules (strings in single quotes, quotes doubled).</summary>
public static class ODataFilter
{
    /// <summary><c>field eq 'value'</c>.</summary>
    public static string Eq(string field, string value) => $"{field} eq {Literal(value)}";

    /// <summary><c>field eq number</c>.</summary>
    public static string Eq(string field, long value) => string.Create(CultureInfo.InvariantCulture, $"{field} eq {value}");

    /// <summary><c>field gt number</c>.</summary>
    public static string Gt(string field, long value) => string.Create(CultureInfo.InvariantCulture, $"{field} gt {value}");

    /// <summary>Joins terms with <c>and</c>.</summary>
    public static string And(params string[] terms) => string.Join(" and ", terms.Select(t => $"({t})"));

    /// <summary>Joins terms with <c>or</c>.</summary>
    public static string Or(params string[] terms) => string.Join(" or ", terms.Select(t => $"({t})"));

    /// <summary>A string literal: <c>'O''Brien'</c>.</summary>
    public static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
}
