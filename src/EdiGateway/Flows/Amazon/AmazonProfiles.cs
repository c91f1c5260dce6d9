using System.Runtime.CompilerServices;
using EdiGateway.Flows.Common;
using EdiGateway.Partners;

namespace EdiGateway.Flows.Amazon;

/// <summary>
/// An Amazon partner profile in the shape the order rules use (<see cref="AmazonPartnerData"/>), built once per loaded
/// profile: a reloaded profile is a new object and gets its own.
/// </summary>
public static class AmazonProfiles
{
    private static readonly ConditionalWeakTable<PartnerProfile, FlowResult<AmazonPartnerData>> Cache = [];

    public static FlowResult<AmazonPartnerData> For(PartnerProfile partner)
    {
        ArgumentNullException.ThrowIfNull(partner);
        return Cache.GetValue(partner, p => AmazonPartnerData.Load(p.Settings, p.CodeMaps, Rows(p, "items"), Rows(p, "shipTo")));
    }

    /// <summary>A setting of the profile, or <paramref name="fallback"/>.</summary>
    public static string Setting(PartnerProfile partner, string key, string fallback = "")
    {
        ArgumentNullException.ThrowIfNull(partner);
        return partner.Settings.TryGetValue(key, out var value) && value.Length > 0 ? value : fallback;
    }

    private static IReadOnlyList<IReadOnlyDictionary<string, string>> Rows(PartnerProfile p, string table) =>
        p.CrossReferences.TryGetValue(table, out var t) ? t.Rows : [];
}
