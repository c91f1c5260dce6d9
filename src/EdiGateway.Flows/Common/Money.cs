using System.Globalization;

namespace EdiGateway.Flows.Common;

/// <summary>Money arithmetic in decimal: one rounding rule (half away from zero), applied only where a target needs it.</summary>
public static class Money
{
    /// <summary>Rounds to the penny (2 dp), as ledger values and X12 N2 amounts need.</summary>
    public static decimal Penny(decimal value) => decimal.Round(value, 2, MidpointRounding.AwayFromZero);

    /// <summary>Rounds to <paramref name="decimals"/> places (Sage <c>selling_unit_price</c> keeps 5).</summary>
    public static decimal Round(decimal value, int decimals) => decimal.Round(value, decimals, MidpointRounding.AwayFromZero);

    /// <summary>An amount as X12 N2 (two implied decimals): 365.96 -> "36596".</summary>
    public static string ToN2(decimal value) => decimal.Round(Penny(value) * 100m).ToString("0", CultureInfo.InvariantCulture);


    /// <summary>The smallest price with <paramref name="decimals"/> places whose extension over <paramref name="quantity"/>
    /// rounds to <paramref name="total"/> at the penny, searched around total / quantity; null when no such price exists
    /// (the quantity is too large for the precision).</summary>
    public static decimal? UnitPriceTying(decimal total, decimal quantity, int decimals)
    {
        if (quantity <= 0) return null;
        var target = Penny(total);
        var step = 1m / (decimal)Math.Pow(10, decimals);
        var start = Round(total / quantity, decimals);
        for (var k = 0; k <= 50; k++)
        {
            foreach (var candidate in k == 0 ? new[] { start } : new[] { start - (k * step), start + (k * step) })
                if (candidate >= 0 && Penny(candidate * quantity) == target) return candidate;
        }
        return null;
    }
}
