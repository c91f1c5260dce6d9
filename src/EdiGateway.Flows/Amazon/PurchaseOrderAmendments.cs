using System.Collections.Immutable;
using EdiGateway.Flows.Common;

namespace EdiGateway.Flows.Amazon;

/// <summary>One line of the Sage order as it stands (read back by the connector).</summary>
/// <param name="LineReference">PO101 the line was created from.</param>
/// <param name="ProductCode">Sage product code.</param>
/// <param name="QuantityEaches">Current line_quantity.</param>
/// <param name="SellingUnitPrice">Current selling_unit_price.</param>
/// <param name="SageLineId">lines[].id, for the PUT.</param>
public sealed record CurrentOrderLine(string LineReference, string ProductCode, decimal QuantityEaches, decimal SellingUnitPrice, long? SageLineId = null);

/// <summary>The Sage order already made for a PO.</summary>
public sealed record CurrentSalesOrder(string CustomerDocumentNo, string CustomerReference, ImmutableArray<CurrentOrderLine> Lines);

/// <summary>What to change on a line of the existing Sage order.</summary>
public abstract record LineAmendment(string LineReference);

/// <summary>Quantity (and, when Amazon changed the cost, price) of an existing line changes.</summary>
public sealed record LineQuantityChanged(string LineReference, long? SageLineId, decimal FromEaches, decimal ToEaches,
    decimal FromPrice, decimal ToPrice) : LineAmendment(LineReference);

/// <summary>An existing line is cancelled (quantity 0 in the re-sent 850, or the line is missing from it).</summary>
public sealed record LineCancelled(string LineReference, long? SageLineId, decimal FromEaches, string Reason) : LineAmendment(LineReference);

/// <summary>A line new to the order is added.</summary>
public sealed record LineAdded(SageOrderLineDraft Line) : LineAmendment(Line.LineReference);

/// <summary>Rule 4: a re-sent 850 for a PO that already has a Sage order, as changes to that order (never a second order).
/// <see cref="Notes"/> explain lines left alone (already rejected in an 855, or rejected now and needing an 855 change).</summary>
public sealed record AmendmentPlan(string PurchaseOrderNumber, string CustomerDocumentNo, ImmutableArray<LineAmendment> Changes,
    ImmutableArray<RejectedLine> NewlyRejected, ImmutableArray<FlowProblem> Notes)
{
    /// <summary>True when the re-sent PO changes nothing in Sage.</summary>
    public bool IsEmpty => Changes.IsEmpty && NewlyRejected.IsEmpty;
}

/// <summary>Plans PO amendments.</summary>
public static class PurchaseOrderAmendments
{
    /// <summary>Compares the re-sent PO (resolved) with the Sage order. <paramref name="rejectedIn855"/> holds PO101s
    /// acknowledged as rejected: they are never un-rejected (AMZ-855-09). Fails when the FC (and so the Sage account)
    /// changed: that needs a person.</summary>
    public static FlowResult<AmendmentPlan> Plan(ResolvedOrder updated, CurrentSalesOrder current, IReadOnlySet<string> rejectedIn855,
        AmazonSettings settings)
    {
        ArgumentNullException.ThrowIfNull(updated);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(rejectedIn855);
        ArgumentNullException.ThrowIfNull(settings);
        var docNo = SalesOrderDraftBuilder.DocumentNumber(settings, updated.Order.Number);
        if (!string.Equals(docNo, current.CustomerDocumentNo, StringComparison.Ordinal))
            return FlowResult<AmendmentPlan>.Fail("WrongOrder", $"the Sage order {current.CustomerDocumentNo} is not the order of PO {updated.Order.Number} ({docNo})");
        if (!string.Equals(updated.ShipTo.SageAccount, current.CustomerReference, StringComparison.OrdinalIgnoreCase))
            return FlowResult<AmendmentPlan>.Fail("ShipToChanged",
                $"PO {updated.Order.Number} now ships to FC {updated.Order.ShipToFc} (account {updated.ShipTo.SageAccount}) but the Sage order is on account {current.CustomerReference}; move the order by hand");

        var changes = ImmutableArray.CreateBuilder<LineAmendment>();
        var newlyRejected = ImmutableArray.CreateBuilder<RejectedLine>();
        var notes = ImmutableArray.CreateBuilder<FlowProblem>();
        var byRef = current.Lines.GroupBy(l => l.LineReference).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var draft = SalesOrderDraftBuilder.Build(updated, settings).Value;

        foreach (var line in updated.Order.Lines)
        {
            var n = line.LineNumber;
            byRef.TryGetValue(n, out var existing);
            if (rejectedIn855.Contains(n))
            {
                if (line.Quantity > 0) notes.Add(new("StaysRejected", "the line was rejected in an 855 and stays rejected (AMZ-855-09)", n));
                if (existing is not null) changes.Add(new LineCancelled(n, existing.SageLineId, existing.QuantityEaches, "rejected in the 855"));
                continue;
            }
            var resolved = updated.Line(n);
            if (resolved is null)
            {
                var rej = updated.Rejected.First(r => r.LineNumber == n);
                if (existing is not null)
                    changes.Add(new LineCancelled(n, existing.SageLineId, existing.QuantityEaches, rej.Reason));
                if (line.Quantity > 0) newlyRejected.Add(rej);
                continue;
            }
            if (existing is null)
            {
                changes.Add(new LineAdded(draft!.Lines.First(d => d.LineReference == n)));
                continue;
            }
            if (!string.Equals(existing.ProductCode, resolved.SageProductCode, StringComparison.OrdinalIgnoreCase))
            {
                changes.Add(new LineCancelled(n, existing.SageLineId, existing.QuantityEaches, $"product changed from {existing.ProductCode} to {resolved.SageProductCode}"));
                changes.Add(new LineAdded(draft!.Lines.First(d => d.LineReference == n)));
                continue;
            }
            if (existing.QuantityEaches != resolved.QuantityEaches || existing.SellingUnitPrice != resolved.SellingUnitPrice)
                changes.Add(new LineQuantityChanged(n, existing.SageLineId, existing.QuantityEaches, resolved.QuantityEaches,
                    existing.SellingUnitPrice, resolved.SellingUnitPrice));
        }
        foreach (var existing in current.Lines.Where(l => updated.Order.Line(l.LineReference) is null))
            changes.Add(new LineCancelled(existing.LineReference, existing.SageLineId, existing.QuantityEaches, "the line is no longer on the PO"));
        return FlowResult<AmendmentPlan>.Ok(new AmendmentPlan(updated.Order.Number, docNo, changes.ToImmutable(), newlyRejected.ToImmutable(), notes.ToImmutable()));
    }
}
