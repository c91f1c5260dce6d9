using System.Collections.Immutable;
using EdiGateway.Flows.Common;

namespace EdiGateway.Flows.Amazon;

/// <summary>Rule 2: items through the cross-reference, case packs to eaches, FC to Sage account, Amazon cost vs Sage price.</summary>
public static class PurchaseOrderResolver
{
    /// <summary>Decimals Sage keeps on <c>selling_unit_price</c>.</summary>
    public const int SellingPriceDecimals = 5;

    /// <summary>Resolves <paramref name="order"/>. Fails only when the FC is unknown (no account, no address: the order
    /// cannot be built). Unknown items become rejected lines (R2); a CA line without a case size or an unknown unit
    /// becomes R3. <paramref name="sagePricesPerEach"/> (product code -> Sage net price per each) feeds the tolerance check;
    /// a product without a price is not checked. The order always keeps Amazon's cost.</summary>
    public static FlowResult<ResolvedOrder> Resolve(PurchaseOrder order, AmazonSettings settings, ItemCrossReference items,
        ShipToDirectory shipTo, IReadOnlyDictionary<string, decimal> sagePricesPerEach)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(shipTo);
        ArgumentNullException.ThrowIfNull(sagePricesPerEach);
        var account = shipTo.Find(order.ShipToFc);
        if (account is null)
            return FlowResult<ResolvedOrder>.Fail("UnknownShipTo",
                $"ship-to FC '{order.ShipToFc}' (N1*ST N104) is not in the partner's ship-to table, so there is no Sage account or delivery address for PO {order.Number}; add the FC and resubmit");

        var resolved = ImmutableArray.CreateBuilder<ResolvedLine>();
        var rejected = ImmutableArray.CreateBuilder<RejectedLine>();
        var warnings = ImmutableArray.CreateBuilder<FlowProblem>();
        foreach (var line in order.Lines)
        {
            var r = ResolveLine(line, settings, items, warnings);
            if (r.Rejected is { } rej) { rejected.Add(rej); continue; }
            var ok = r.Line!;
            resolved.Add(ok);
            if (sagePricesPerEach.TryGetValue(ok.SageProductCode, out var sage) && sage > 0)
            {
                var diff = Math.Abs(ok.CostPerEach - sage) / sage * 100m;
                if (diff > settings.PriceTolerancePercent)
                    warnings.Add(new("PriceMismatch",
                        $"Amazon cost {Money.Round(ok.CostPerEach, 5)} per each for {ok.SageProductCode} differs from the Sage price {sage} by {Money.Round(diff, 2)}% (tolerance {settings.PriceTolerancePercent}%); the order keeps Amazon's cost",
                        line.LineNumber));
            }
        }
        return FlowResult<ResolvedOrder>.Ok(new ResolvedOrder(order, account, resolved.ToImmutable(), rejected.ToImmutable(), warnings.ToImmutable()));
    }

    private static (ResolvedLine? Line, RejectedLine? Rejected) ResolveLine(PurchaseOrderLine line, AmazonSettings settings,
        ItemCrossReference items, ImmutableArray<FlowProblem>.Builder warnings)
    {
        (ResolvedLine?, RejectedLine?) Reject(string code, string reason) => (null, new RejectedLine(line, code, reason));
        if (line.Quantity == 0) return Reject(AckCodes.Rejected, "ordered quantity is 0: Amazon cancelled the line");
        var match = items.Find(line.ProductIds);
        if (match is null)
            return Reject(AckCodes.InvalidProduct, line.ProductIds.IsDefaultOrEmpty
                ? "the line carries no product identifier"
                : $"no item in the cross-reference matches {string.Join(", ", line.ProductIds.Select(p => $"{p.Qualifier} {p.Value}"))}");
        int unitsPerCase;
        switch (line.Unit)
        {
            case AmazonUnits.Each:
                unitsPerCase = 1;
                break;
            case AmazonUnits.Case:
                if (line.UnitsPerCase is int po4 && po4 > 0)
                {
                    unitsPerCase = po4;
                    if (match.CaseSize is int table && table != po4)
                        warnings.Add(new("CaseSizeMismatch", $"PO4 says {po4} units per case for {match.SageProductCode}, the cross-reference says {table}; using Amazon's {po4}", line.LineNumber));
                }
                else if (match.CaseSize is int table) unitsPerCase = table;
                else return Reject(AckCodes.InvalidUnit, $"ordered in cases but neither PO4 nor the cross-reference gives a case size for {match.SageProductCode}");
                break;
            default:
                return Reject(AckCodes.InvalidUnit, $"unit '{line.Unit}' is not EA or CA");
        }
        if (line.Quantity != decimal.Truncate(line.Quantity))
            return Reject(AckCodes.InvalidUnit, $"quantity {line.Quantity} {line.Unit} is not a whole number");

        var perCase = line.Unit == AmazonUnits.Case && settings.CasePriceBasis == CasePriceBasis.PerCase;
        var costPerOrderUnit = perCase ? line.UnitCost : line.UnitCost * unitsPerCase;
        var costPerEach = perCase ? line.UnitCost / unitsPerCase : line.UnitCost;
        var eaches = line.Quantity * unitsPerCase;
        var total = Money.Penny(line.Quantity * costPerOrderUnit);
        var price = Money.UnitPriceTying(total, eaches, SellingPriceDecimals);
        if (price is null)
        {
            price = Money.Round(costPerEach, SellingPriceDecimals);
            warnings.Add(new("RoundingDifference",
                $"no 5-decimal price per each makes {eaches} x price equal {total}; Sage will total {Money.Penny(price.Value * eaches)}", line.LineNumber));
        }
        return (new ResolvedLine
        {
            Ordered = line,
            SageProductCode = match.SageProductCode,
            UnitsPerCase = unitsPerCase,
            QuantityEaches = eaches,
            CostPerEach = costPerEach,
            CostPerOrderUnit = costPerOrderUnit,
            LineTotal = total,
            SellingUnitPrice = price.Value,
        }, null);
    }
}
