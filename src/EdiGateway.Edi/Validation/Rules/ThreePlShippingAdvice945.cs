namespace EdiGateway.Edi.Validation.Rules;

/// <summary><c>3pl.945.totalsReconcile</c>: W0301 against the sum of W1203, reported as a warning (some 3PLs count cartons or pallets in W0301).</summary>
public sealed class ThreePl945TotalsReconcile : IX12NamedRule
{
    /// <inheritdoc />
    public string Name => "3pl.945.totalsReconcile";

    /// <inheritdoc />
    public void Check(X12RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var shipped = RuleSegments.At(context, "LX/W12/W12").Sum(i => RuleSegments.Number(context, i, 3) ?? 0); // W1203 quantity shipped
        foreach (var i in RuleSegments.At(context, "W03"))
        {
            var total = RuleSegments.Number(context, i, 1); // W0301 number of units shipped
            if (total is not null && total != shipped)
                RuleSegments.Warn(context, i, 1, "TotalsDiffer",
                    $"W03 (segment {i + 1}) W0301 total {RuleSegments.Fmt(total)} differs from the sum of W1203 ({RuleSegments.Fmt(shipped)}); accepted, as some 3PLs count cartons or pallets here");
        }
    }
}

/// <summary><c>3pl.945.carrierPresent</c>: heading W27 with W2702 (SCAC), which feeds TD5 of the 856.</summary>
public sealed class ThreePl945CarrierPresent : IX12NamedRule
{
    /// <inheritdoc />
    public string Name => "3pl.945.carrierPresent";

    /// <inheritdoc />
    public void Check(X12RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var w27 = RuleSegments.At(context, "W27").ToList();
        if (w27.Count == 0)
            context.ReportSegment(RuleSegments.Beginning(context), "CarrierMissing", "The 945 heading has no W27 carrier detail (W2702 SCAC feeds the 856 TD5)");
        else if (RuleSegments.Text(context, w27[0], 2).Length == 0) // W2702 standard carrier alpha code
            context.ReportElement(w27[0], 2, "CarrierMissing", $"W27 (segment {w27[0] + 1}) has no W2702 carrier SCAC (it feeds the 856 TD5)");
    }
}

/// <summary><c>3pl.945.uomDefaultsToOrder</c>: a line without W1205 takes the unit of the matching 940 W0102; noted as a warning.</summary>
public sealed class ThreePl945UomDefaultsToOrder : IX12NamedRule
{
    /// <inheritdoc />
    public string Name => "3pl.945.uomDefaultsToOrder";

    /// <inheritdoc />
    public void Check(X12RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var i in RuleSegments.At(context, "LX/W12/W12"))
            if (RuleSegments.Text(context, i, 5).Length == 0) // W1205 unit of measure
                RuleSegments.Warn(context, i, 5, "UomFromOrder", $"W12 (segment {i + 1}) has no W1205 unit; the unit of the matching 940 line (W0102) applies");
    }
}

/// <summary><c>3pl.945.shippedNotAboveOrdered</c>: W1203 shipped &lt;= W1202 ordered, unless W1201 = CM.</summary>
public sealed class ThreePl945ShippedNotAboveOrdered : IX12NamedRule
{
    /// <inheritdoc />
    public string Name => "3pl.945.shippedNotAboveOrdered";

    /// <inheritdoc />
    public void Check(X12RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var i in RuleSegments.At(context, "LX/W12/W12"))
        {
            if (RuleSegments.Text(context, i, 1) == "CM") continue; // W1201 shipment order status CM
            var ordered = RuleSegments.Number(context, i, 2);       // W1202 quantity ordered
            var shipped = RuleSegments.Number(context, i, 3);       // W1203 quantity shipped
            if (ordered is not null && shipped is not null && shipped > ordered)
                context.ReportElement(i, 3, "ShippedAboveOrdered",
                    $"W12 (segment {i + 1}) ships {RuleSegments.Fmt(shipped)} (W1203) but only {RuleSegments.Fmt(ordered)} were ordered (W1202)", RuleSegments.Fmt(shipped));
        }
    }
}

/// <summary><c>3pl.945.differenceConsistent</c>: W1204, when present, equals W1202 - W1203.</summary>
public sealed class ThreePl945DifferenceConsistent : IX12NamedRule
{
    /// <inheritdoc />
    public string Name => "3pl.945.differenceConsistent";

    /// <inheritdoc />
    public void Check(X12RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var i in RuleSegments.At(context, "LX/W12/W12"))
        {
            var difference = RuleSegments.Number(context, i, 4); // W1204 quantity difference
            if (difference is null) continue;
            var expected = (RuleSegments.Number(context, i, 2) ?? 0) - (RuleSegments.Number(context, i, 3) ?? 0);
            if (difference != expected)
                context.ReportElement(i, 4, "DifferenceInconsistent",
                    $"W12 (segment {i + 1}) W1204 difference {RuleSegments.Fmt(difference)} is not W1202 - W1203 = {RuleSegments.Fmt(expected)}", RuleSegments.Fmt(difference));
        }
    }
}
