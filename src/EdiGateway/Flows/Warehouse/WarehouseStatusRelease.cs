using EdiGateway.Partners;
using EdiGateway.Sage;
using EdiGateway.Sage200.Models;
using EdiGateway.Sage200.OData;
using Microsoft.Extensions.Options;

namespace EdiGateway.Flows.Warehouse;

/// <summary>
/// Status-based release (<c>releaseOn: status</c>): every <see cref="WarehouseOptions.ReleasePollSeconds"/> the Sage orders
/// whose <c>document_status</c> is the profile's <c>releaseStatus</c> (default Live) and that nothing has been despatched
/// from yet (<c>despatch_receipt_status</c> None) are released to the 3PL, once each, when they hold a line in its
/// <c>sageWarehouse</c>. Sage's published API has no SOP status change before 2025 R1, so the status is set in the desktop.
/// </summary>
public sealed partial class WarehouseStatusRelease(
    PartnerCatalog catalog,
    SagePosting sage,
    WarehouseStore store,
    WarehouseFulfilment fulfilment,
    IOptions<WarehouseOptions> options,
    TimeProvider clock,
    ILogger<WarehouseStatusRelease> logger) : BackgroundService
{
    /// <summary>Orders looked at and found to hold nothing for a 3PL, so they are not read again (per 3PL and order).</summary>
    private readonly HashSet<(string PartnerId, long OrderId)> notForPartner = [];

    /// <summary>Releases what is due now; returns how many orders were released.</summary>
    public async Task<int> PollAsync(CancellationToken ct)
    {
        var partners = (catalog.Current?.Partners.Values ?? []).Where(p => WarehouseProfiles.Runs(p, WarehouseFulfilment.Flow) && WarehouseProfiles.ReleaseOn(p) == "status").ToList();
        if (partners.Count == 0 || !sage.IsRunning || sage.Connection is not { } connection)
        {
            return 0;
        }

        var warehouses = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);
        await foreach (var w in connection.Client.GetWarehousesAsync(ct))
        {
            warehouses[w.Name] = w.Id;
        }

        var released = 0;
        foreach (var partner in partners)
        {
            if (!warehouses.TryGetValue(WarehouseProfiles.Setting(partner, "sageWarehouse"), out var warehouseId))
            {
                continue;
            }

            var query = new ODataQuery
            {
                Filter = ODataFilter.And(ODataFilter.Eq("document_status", WarehouseProfiles.Setting(partner, "releaseStatus", "Live")), ODataFilter.Eq("despatch_receipt_status", "None")),
                Select = "id",
            };
            await foreach (var candidate in connection.Client.GetAllAsync<SageSopOrder>("/sop_orders", query, cancellationToken: ct))
            {
                if (candidate.Id is not { } id || notForPartner.Contains((partner.Id, id)) || await store.FindFulfilmentAsync(partner.Id, id, ct) is not null)
                {
                    continue;
                }

                var order = await connection.Client.GetSalesOrderAsync(id, ct);
                if (order?.Lines?.Any(l => l.LineType == SageLineType.Standard && l.WarehouseId == warehouseId) != true)
                {
                    notForPartner.Add((partner.Id, id));
                    continue;
                }

                var outcome = await fulfilment.ReleaseAsync(partner.Id, id, null, ct);
                released += outcome.Status == ReleaseStatus.Sent ? 1 : 0;
            }
        }

        return released;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.ReleasePollSeconds), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await PollAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex.Message); // Sage unreachable or a profile mid-edit: the next tick tries again
            }
        }
    }

    [LoggerMessage(EventId = 648, Level = LogLevel.Warning, Message = "Status-based release to the 3PLs failed this time: {Reason}")]
    private static partial void LogFailed(ILogger logger, string reason);
}
