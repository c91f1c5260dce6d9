using EdiGateway.Flows.Common;

namespace EdiGateway.Flows.Amazon;

/// <summary>A partner profile's Amazon data in the shape the rules use: settings (with code maps) and the two
/// cross-reference tables. Build it once per profile load; it is immutable and safe to share.</summary>
public sealed record AmazonPartnerData(AmazonSettings Settings, ItemCrossReference Items, ShipToDirectory ShipTo)
{
    /// <summary>From the profile's <c>settings</c>, <c>codeMaps</c> and the rows of its <c>items</c> and <c>shipTo</c>
    /// cross-references. Problems name the setting or table (the loader rejects the profile with them).</summary>
    public static FlowResult<AmazonPartnerData> Load(IReadOnlyDictionary<string, string> settings,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> codeMaps,
        IReadOnlyList<IReadOnlyDictionary<string, string>> itemRows, IReadOnlyList<IReadOnlyDictionary<string, string>> shipToRows)
    {
        ArgumentNullException.ThrowIfNull(itemRows);
        ArgumentNullException.ThrowIfNull(shipToRows);
        var s = AmazonSettings.FromProfile(settings, codeMaps);
        if (!s.IsSuccess) return FlowResult<AmazonPartnerData>.Fail(s.Problems);
        var problems = new List<FlowProblem>();
        var code = s.Value!.ItemColumns["sageProductCode"];
        if (itemRows.Count == 0) problems.Add(new("EmptyTable", "the items cross-reference has no rows"));
        else if (!itemRows[0].ContainsKey(code)) problems.Add(new("MissingColumn", $"the items cross-reference has no '{code}' column"));
        var fc = s.Value.ShipToColumns["fcCode"];
        var account = s.Value.ShipToColumns["sageAccount"];
        if (shipToRows.Count > 0 && (!shipToRows[0].ContainsKey(fc) || !shipToRows[0].ContainsKey(account)))
            problems.Add(new("MissingColumn", $"the shipTo cross-reference needs '{fc}' and '{account}' columns"));
        return problems.Count > 0
            ? FlowResult<AmazonPartnerData>.Fail(problems)
            : FlowResult<AmazonPartnerData>.Ok(new AmazonPartnerData(s.Value, new ItemCrossReference(itemRows, s.Value), new ShipToDirectory(shipToRows, s.Value)));
    }
}
