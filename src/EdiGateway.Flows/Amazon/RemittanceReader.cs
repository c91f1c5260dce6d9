using System.Collections.Immutable;
using System.Globalization;
using EdiGateway.Edi.Model;
using EdiGateway.Flows.Common;

namespace EdiGateway.Flows.Amazon;

/// <summary>820 -> <see cref="Remittance"/>: BPR, TRN, N1*PR, ENT, RMR and ADX (ADX after an RMR belongs to that RMR's
/// loop; ADX after ENT and before any RMR of it is entity level).</summary>
public static class RemittanceReader
{
    /// <summary>Maps one 820 set; bad amounts are problems with the segment they are in.</summary>
    public static FlowResult<Remittance> Read(X12TransactionSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        if (set.SetId != "820") return FlowResult<Remittance>.Fail("NotARemittance", $"expected an 820, got {set.SetId}");
        var problems = new List<FlowProblem>();
        X12Segment? bpr = null;
        string trace = "";
        string? payer = null;
        var items = new List<RemittanceItem>();
        var entity = ImmutableArray.CreateBuilder<RemittanceAdjustment>();
        var inRmr = false;
        var ordinal = 1;
        foreach (var s in set.Body)
        {
            ordinal++;
            switch (s.Id)
            {
                case "BPR": bpr = s; break;
                case "TRN": trace = s[2]; break; // TRN02 trace number
                case "N1" when s[1] == "PR": payer = s[2]; break;
                case "ENT": inRmr = false; break;
                case "RMR":
                    inRmr = true;
                    items.Add(new RemittanceItem(s[1], s[2], Amount(s, 4, ordinal) ?? 0, Amount(s, 5, ordinal), Amount(s, 6, ordinal), []));
                    break;
                case "ADX":
                    var adx = new RemittanceAdjustment(Amount(s, 1, ordinal) ?? 0, s[2], Opt(s[3]), Opt(s[4])); // ADX01..04
                    if (inRmr) items[^1] = items[^1] with { Adjustments = items[^1].Adjustments.Add(adx) };
                    else entity.Add(adx);
                    break;
            }
        }
        if (bpr is null) return FlowResult<Remittance>.Fail("MissingBPR", "the 820 has no BPR segment");
        var paid = Amount(bpr, 2, 0);
        if (paid is null) problems.Add(new("BadAmount", $"BPR02 '{bpr[2]}' is not an amount"));
        if (trace.Length == 0) problems.Add(new("MissingTrace", "TRN02 payment trace number is missing; the payment cannot be matched to the bank"));
        if (problems.Count > 0) return FlowResult<Remittance>.Fail(problems);
        return FlowResult<Remittance>.Ok(new Remittance(bpr[1], paid!.Value, bpr[3], Opt(bpr[4]), PurchaseOrderReader.Date(bpr[16]), trace, payer,
            [.. items], entity.ToImmutable()));

        decimal? Amount(X12Segment s, int position, int at)
        {
            if (s[position].Length == 0) return null;
            if (decimal.TryParse(s[position], NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d)) return d;
            problems.Add(new("BadAmount", $"{s.Id}{position:00} '{s[position]}' (segment {at}) is not an amount"));
            return null;
        }
    }

    private static string? Opt(string v) => v.Length == 0 ? null : v;
}
