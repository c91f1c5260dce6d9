namespace EdiGateway.Edi.Validation.Rules;

/// <summary><c>3pl.944.totalsReconcile</c>: W1401 against the sum of W0701, reported as a warning, not a rejection.</summary>
public sealed class ThreePl944TotalsReconcile : IX12NamedRule
{
    /// <inheritdoc />
    public string Name => "3pl.944.totalsReconcile";

    /// <inheritdoc />
    public void Check(X12RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var received = RuleSegments.At(context, "W07/W07").Sum(i => RuleSegments.Number(context, i, 1) ?? 0); // W0701 quantity received
        foreach (var i in RuleSegments.At(context, "W14"))
        {
            var total = RuleSegments.Number(context, i, 1); // W1401 quantity received total
            if (total is not null && total != received)
                RuleSegments.Warn(context, i, 1, "TotalsDiffer",
                    $"W14 (segment {i + 1}) W1401 total {RuleSegments.Fmt(total)} differs from the sum of W0701 ({RuleSegments.Fmt(received)}); accepted");
        }
    }
}

/// <summary><c>3pl.947.warehousePresent</c>: heading N1*WH; when absent the warehouse must come from the 3PL profile (a warning here).</summary>
public sealed class ThreePl947WarehousePresent : IX12NamedRule
{
    /// <inheritdoc />
    public string Name => "3pl.947.warehousePresent";

    /// <inheritdoc />
    public void Check(X12RuleContext context) => Warehouse.Check(context, "947");
}

/// <summary><c>3pl.846.oneSnapshotPerWarehouse</c>: the heading identifies one warehouse (N1*WH, or the 3PL profile when
/// absent: a warning); two different N1*WH in one snapshot are an error, since the snapshot replaces one warehouse's.</summary>
public sealed class ThreePl846OneSnapshotPerWarehouse : IX12NamedRule
{
    /// <inheritdoc />
    public string Name => "3pl.846.oneSnapshotPerWarehouse";

    /// <inheritdoc />
    public void Check(X12RuleContext context)
    {
        var warehouses = Warehouse.Check(context, "846");
        var ids = warehouses.Select(i => RuleSegments.Text(context, i, 3) + ":" + RuleSegments.Text(context, i, 4)).Distinct(StringComparer.Ordinal).Count();
        if (ids > 1)
            context.ReportSegment(warehouses[1], "MultipleWarehouses",
                $"The 846 names {ids} different warehouses (N1*WH); a snapshot replaces the stock of one warehouse, so send one 846 per warehouse");
    }
}

/// <summary><c>3pl.947.signByReason</c>: W1902 (quantity adjusted) is always positive; the direction comes from the reason map.</summary>
public sealed class ThreePl947SignByReason : IX12NamedRule
{
    /// <inheritdoc />
    public string Name => "3pl.947.signByReason";

    /// <inheritdoc />
    public void Check(X12RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var i in RuleSegments.At(context, "W19/W19"))
        {
            var q = RuleSegments.Number(context, i, 2); // W1902 quantity
            if (q is not null && q <= 0)
                context.ReportElement(i, 2, "QuantityNotPositive",
                    $"W19 (segment {i + 1}) W1902 quantity {RuleSegments.Fmt(q)} must be positive; the direction comes from the adjustment reason (W1901)", RuleSegments.Fmt(q));
        }
    }
}

/// <summary>Shared heading N1*WH check for 846 and 947.</summary>
internal static class Warehouse
{
    public static List<int> Check(X12RuleContext context, string set)
    {
        ArgumentNullException.ThrowIfNull(context);
        var wh = RuleSegments.At(context, "N1/N1").Where(i => RuleSegments.Text(context, i, 1) == "WH").ToList(); // N101 WH warehouse
        if (wh.Count == 0)
            context.ReportSegment(RuleSegments.Beginning(context), "WarehouseFromProfile",
                $"The {set} heading has no N1*WH warehouse; the warehouse must be fixed in the 3PL profile", Errors.X12Severity.Warning);
        return wh;
    }
}
