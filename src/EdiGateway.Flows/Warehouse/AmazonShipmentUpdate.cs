using System.Collections.Immutable;
using EdiGateway.Flows.Amazon;
using EdiGateway.Flows.Common;

namespace EdiGateway.Flows.Warehouse;

/// <summary>What actually shipped against one Amazon PO line (PO101), in eaches (Sage stock units).</summary>
public sealed record AmazonLineShipment(string LineNumber, decimal OrderedEaches, decimal ShippedEaches, decimal ShortEaches, bool Backordered, string? Reason);

/// <summary>The part of a despatch plan the Amazon flow needs: shipped vs ordered per PO line (the 855 change) and the
/// cartons with their items in the Amazon flow's own <see cref="Carton"/> shape (the 856).</summary>
public sealed record AmazonShipmentUpdate(string PurchaseOrderNumber, ImmutableArray<AmazonLineShipment> Lines, ImmutableArray<Carton> Cartons,
    ImmutableArray<FlowProblem> Problems)
{
    /// <summary>True when some line shipped short: the 855 must be changed before the 856 (AMZ-855-03, 48 h window).</summary>
    public bool NeedsAcknowledgementChange => Lines.Any(l => l.ShortEaches > 0);

    /// <summary>True when the 856 can be built from it (every carton has a valid SSCC, every line has a PO101).</summary>
    public bool CanShip => Problems.IsEmpty;

    internal static AmazonShipmentUpdate From(DespatchPlan plan, ReleasedOrder released)
    {
        var problems = new List<FlowProblem>(plan.Problems);
        if (!plan.IsComplete) problems.Add(new("NotRecorded", "some 945 lines cannot be recorded in Sage; no 856 until they are resolved"));
        var po = released.CustomerPurchaseOrder ?? "";
        if (po.Length == 0) problems.Add(new("MissingPo", "the order has no Amazon PO (customer PO)"));
        foreach (var l in plan.Lines.Where(l => l.CustomerLineNumber is null))
            problems.Add(new("MissingPoLine", "the order line has no Amazon PO line number (PO101)", l.SageLineId));
        foreach (var c in plan.Cartons.Where(c => c.Sscc is null))
            problems.Add(new("AMZ-856-03", $"a carton with {string.Join(", ", c.Contents.Select(x => x.ProductCode))} has no valid SSCC in the 945"));
        var lines = plan.Lines.Where(l => l.CustomerLineNumber is not null)
            .Select(l => new AmazonLineShipment(l.CustomerLineNumber!, l.Ordered, l.Despatched, l.Short, l.Backordered, l.ShortReason));
        var cartons = plan.Cartons.Where(c => c.Sscc is not null)
            .Select(c => new Carton(c.Sscc!, [.. c.Contents.Where(x => x.CustomerLineNumber is not null).Select(x => new CartonItem(po, x.CustomerLineNumber!, x.Quantity))]));
        return new AmazonShipmentUpdate(po, [.. lines], [.. cartons], [.. problems]);
    }

    /// <summary>The Amazon flow's <see cref="Despatch"/> for the 856 (checked again by <see cref="ShipNoticeRules"/> there).
    /// Ship-from, FC and estimated delivery are not in a 945 and come from the caller.</summary>
    public FlowResult<Despatch> ToDespatch(DespatchPlan plan, ShipFrom shipFrom, string shipToFc, DateOnly estimatedDelivery, bool billOfLadingIsPhysical = true)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var problems = new List<FlowProblem>(Problems);
        if (plan.CarrierScac is null) problems.Add(new("AMZ-856-04", "the 945 has no carrier SCAC (W2702)"));
        if (plan.BillOfLading is null) problems.Add(new("AMZ-856-05", "the 945 has no BOL (W0604 or N9*BM)"));
        if (problems.Count > 0) return FlowResult<Despatch>.Fail(problems);
        return FlowResult<Despatch>.Ok(new Despatch
        {
            ShipmentId = plan.BillOfLading!, ShippedAt = new DateTimeOffset(plan.ShipDate.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
            EstimatedDelivery = estimatedDelivery, CarrierScac = plan.CarrierScac!, CarrierPro = plan.CarrierPro, BillOfLading = plan.BillOfLading!,
            BillOfLadingIsPhysical = billOfLadingIsPhysical, ShipFrom = shipFrom, ShipToFc = shipToFc, Cartons = Cartons,
        });
    }
}
