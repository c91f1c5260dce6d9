namespace EdiGateway.Edi.Validation.Rules;

/// <summary><c>3pl.940.requestedDates</c>: the heading carries G62 with G6201 = 10 (requested ship) or 02 (requested delivery).</summary>
public sealed class ThreePl940RequestedDates : IX12NamedRule
{
    /// <inheritdoc />
    public string Name => "3pl.940.requestedDates";

    /// <inheritdoc />
    public void Check(X12RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var i in RuleSegments.At(context, "G62"))
            if (RuleSegments.Text(context, i, 1) is "10" or "02") return; // G6201 date qualifier
        var at = RuleSegments.Beginning(context);
        context.ReportSegment(at, "RequestedDateMissing",
            "The 940 heading has no G62 with G6201 10 (requested ship date) or 02 (requested delivery date)");
    }
}

/// <summary><c>3pl.940.shipToPresent</c>: exactly one N1*ST, with an address (N3 and N4 in its loop) or a location code in N103/N104.</summary>
public sealed class ThreePl940ShipToPresent : IX12NamedRule
{
    /// <inheritdoc />
    public string Name => "3pl.940.shipToPresent";

    /// <inheritdoc />
    public void Check(X12RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var shipTo = RuleSegments.At(context, "N1/N1").Where(i => RuleSegments.Text(context, i, 1) == "ST").ToList(); // N101 entity code
        if (shipTo.Count == 0)
        {
            context.ReportSegment(RuleSegments.Beginning(context), "ShipToMissing", "The 940 has no N1*ST ship-to party");
            return;
        }
        if (shipTo.Count > 1)
            context.ReportSegment(shipTo[1], "ShipToRepeated", $"The 940 has {shipTo.Count} N1*ST ship-to parties; exactly one is expected");
        var n1 = shipTo[0];
        var hasCode = RuleSegments.Text(context, n1, 3).Length > 0 && RuleSegments.Text(context, n1, 4).Length > 0; // N103 qualifier, N104 location code
        bool n3 = false, n4 = false;
        for (var i = n1 + 1; i < context.Set.SegmentCount && context.PathOf(i) is { } p && p.StartsWith("N1/", StringComparison.Ordinal) && p != "N1/N1"; i++)
        {
            n3 |= p == "N1/N3";
            n4 |= p == "N1/N4";
        }
        if (!hasCode && !(n3 && n4))
            context.ReportElement(n1, 4, "ShipToIncomplete",
                $"N1*ST (segment {n1 + 1}) has neither an address (N3 and N4) nor a location code in N103/N104");
    }
}

/// <summary><c>3pl.940.lineNumbersUnique</c>: LX01 ascending and unique; N9*LI line numbers unique within the order (W01 loops).</summary>
public sealed class ThreePl940LineNumbersUnique : IX12NamedRule
{
    /// <inheritdoc />
    public string Name => "3pl.940.lineNumbersUnique";

    /// <inheritdoc />
    public void Check(X12RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        decimal? last = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var i in RuleSegments.At(context, "LX/LX"))
        {
            var text = RuleSegments.Text(context, i, 1); // LX01 assigned number
            var n = RuleSegments.Number(context, i, 1);
            if (!seen.Add(text))
                context.ReportElement(i, 1, "LineNumberDuplicate", $"LX (segment {i + 1}) repeats line number LX01 '{text}'", text);
            else if (n is not null && last is not null && n <= last)
                context.ReportElement(i, 1, "LineNumberOrder", $"LX (segment {i + 1}) line number LX01 '{text}' is not above the previous {RuleSegments.Fmt(last)}", text);
            if (n is not null) last = n;
        }
        var lines = new HashSet<string>(StringComparer.Ordinal);
        foreach (var i in RuleSegments.At(context, "LX/W01/N9"))
        {
            if (RuleSegments.Text(context, i, 1) != "LI") continue; // N901 LI = line item identifier
            var v = RuleSegments.Text(context, i, 2);                // N902 the order's line number
            if (!lines.Add(v))
                context.ReportElement(i, 2, "LineNumberDuplicate", $"N9*LI (segment {i + 1}) repeats line number '{v}' within the order", v);
        }
    }
}
