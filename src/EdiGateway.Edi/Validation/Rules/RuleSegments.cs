using System.Globalization;
using EdiGateway.Edi.Errors;

namespace EdiGateway.Edi.Validation.Rules;

/// <summary>Helpers the built-in named rules share: find segments by loop path, read elements as text or numbers.</summary>
internal static class RuleSegments
{
    /// <summary>Indexes of the segments whose loop path is exactly <paramref name="path"/> (G62 = heading, LX/W12/W12 = line).</summary>
    public static IEnumerable<int> At(X12RuleContext c, string path)
    {
        for (var i = 0; i < c.Set.SegmentCount; i++)
            if (c.PathOf(i) == path) yield return i;
    }

    /// <summary>Element <paramref name="position"/> of segment <paramref name="index"/> as text ("" when absent).</summary>
    public static string Text(X12RuleContext c, int index, int position) => c.Set[index].GetElementString(position);

    /// <summary>Element as an X12 R number (invariant culture), or null when absent or not a number.</summary>
    public static decimal? Number(X12RuleContext c, int index, int position) =>
        decimal.TryParse(c.Set[index].GetElement(position), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d)
            ? d : null;

    /// <summary>Index of the set's first segment after ST (the beginning segment: W05, W06, W15, W17, BIA), for set-wide findings.</summary>
    public static int Beginning(X12RuleContext c) => c.Set.SegmentCount > 1 ? 1 : 0;

    public static string Fmt(decimal? v) => v?.ToString(CultureInfo.InvariantCulture) ?? "(empty)";

    public static void Warn(X12RuleContext c, int index, int position, string code, string message) =>
        c.ReportElement(index, position, code, message, null, X12Severity.Warning);
}
