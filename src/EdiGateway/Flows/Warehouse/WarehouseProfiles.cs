using System.Runtime.CompilerServices;
using EdiGateway.Flows.Common;
using EdiGateway.Partners;

namespace EdiGateway.Flows.Warehouse;

/// <summary>A 3PL profile's settings, code maps and item table in the shape the warehouse rules use.</summary>
public sealed record WarehousePartnerData(WarehouseSettings Settings, WarehouseItems Items);

/// <summary>
/// A 3PL partner profile as <see cref="WarehousePartnerData"/>, built once per loaded profile (a reloaded profile is a new
/// object and gets its own), and the appliance-side settings the rules do not read: <c>releaseOn</c> (creation | status |
/// manual: when a Sage order goes to the 3PL as a 940), <c>carrierScac</c> / <c>carrierService</c> / <c>freightTerms</c>
/// (940 W66).
/// </summary>
public static class WarehouseProfiles
{
    /// <summary>The partner kind of a 3PL profile.</summary>
    public const string Kind = "warehouse-3pl";

    private static readonly ConditionalWeakTable<PartnerProfile, FlowResult<WarehousePartnerData>> Cache = [];

    public static FlowResult<WarehousePartnerData> For(PartnerProfile partner)
    {
        ArgumentNullException.ThrowIfNull(partner);
        return Cache.GetValue(partner, p =>
        {
            var settings = WarehouseSettings.FromProfile(p.Settings, p.CodeMaps);
            var items = WarehouseItems.Load(p.CrossReferences.TryGetValue("items", out var t) ? t.Rows : []);
            return settings.IsSuccess && items.IsSuccess
                ? FlowResult<WarehousePartnerData>.Ok(new WarehousePartnerData(settings.Value!, items.Value!))
                : FlowResult<WarehousePartnerData>.Fail([.. settings.Problems, .. items.Problems]);
        });
    }

    /// <summary>A setting of the profile, or <paramref name="fallback"/>.</summary>
    public static string Setting(PartnerProfile partner, string key, string fallback = "")
    {
        ArgumentNullException.ThrowIfNull(partner);
        return partner.Settings.TryGetValue(key, out var value) && value.Trim().Length > 0 ? value.Trim() : fallback;
    }

    /// <summary><c>releaseOn</c>: creation, status or manual (default manual).</summary>
    public static string ReleaseOn(PartnerProfile partner) => Setting(partner, "releaseOn", "manual").ToLowerInvariant();

    /// <summary>True when the profile is a 3PL with <paramref name="flow"/> enabled.</summary>
    public static bool Runs(PartnerProfile partner, string flow)
    {
        ArgumentNullException.ThrowIfNull(partner);
        return partner.Kind == Kind && partner.Flows.Any(f => f.Flow == flow && f.Enabled);
    }

    /// <summary>Problems as one plain-words sentence.</summary>
    public static string Describe(IEnumerable<FlowProblem> problems) =>
        string.Join("; ", problems.Select(p => p.Line is { } line ? $"{line}: {p.Message}" : p.Message));
}
