using EdiGateway.Partners;
using EdiGateway.Sage;

namespace EdiGateway.Flows.Warehouse;

/// <summary>
/// Releases a newly created Sage order to every 3PL that ships it on creation: each 3PL profile with
/// <c>releaseOn: creation</c> and the warehouse-940 flow whose <c>sageWarehouse</c> holds at least one of the order's
/// lines. Called by the flow that created the order (the Amazon intake); profiles with <c>releaseOn: status</c> or
/// <c>manual</c> are released through <c>POST /api/warehouse/{partnerId}/releases</c>.
/// </summary>
public sealed class WarehouseReleases(PartnerCatalog catalog, SagePosting sage, WarehouseFulfilment fulfilment)
{
    /// <summary>Releases Sage order <paramref name="sageOrderId"/> to the 3PLs that hold its lines; one outcome per 3PL tried.</summary>
    public async Task<IReadOnlyList<(string PartnerId, ReleaseOutcome Outcome)>> ReleaseCreatedAsync(long sageOrderId, long? parentLineageId, CancellationToken ct)
    {
        var candidates = (catalog.Current?.Partners.Values ?? []).Where(p => WarehouseProfiles.Runs(p, WarehouseFulfilment.Flow) && WarehouseProfiles.ReleaseOn(p) == "creation")
            .OrderBy(p => p.Id, StringComparer.Ordinal).ToList();
        if (candidates.Count == 0 || sage.Connection is not { } connection)
        {
            return [];
        }

        var order = await connection.Client.GetSalesOrderAsync(sageOrderId, ct);
        var lineWarehouses = (order?.Lines ?? []).Select(l => l.WarehouseId).OfType<long>().ToHashSet();
        var names = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);
        await foreach (var w in connection.Client.GetWarehousesAsync(ct))
        {
            names[w.Name] = w.Id;
        }

        var outcomes = new List<(string, ReleaseOutcome)>();
        foreach (var partner in candidates)
        {
            var warehouse = WarehouseProfiles.Setting(partner, "sageWarehouse");
            if (names.TryGetValue(warehouse, out var id) && lineWarehouses.Contains(id))
            {
                outcomes.Add((partner.Id, await fulfilment.ReleaseAsync(partner.Id, sageOrderId, parentLineageId, ct)));
            }
        }

        return outcomes;
    }
}
