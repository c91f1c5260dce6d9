using System.ComponentModel.DataAnnotations;
using EdiGateway.Pipeline;
using EdiGateway.Storage;
using EdiGateway.Storage.Entities;
using Microsoft.Extensions.Options;

namespace EdiGateway.Flows.Warehouse;

/// <summary>Settings of the warehouse flows (section <c>Warehouse</c>).</summary>
public sealed class WarehouseOptions
{
    public const string Section = "Warehouse";

    /// <summary>How often 945s, 944s and 947s that Sage could not take yet (locked order, unknown order ...) are tried again.</summary>
    [Range(1, 86400)]
    public int RetrySeconds { get; set; } = 60;

    /// <summary>How often Sage is asked for orders a <c>releaseOn: status</c> 3PL should get.</summary>
    [Range(1, 86400)]
    public int ReleasePollSeconds { get; set; } = 60;
}

/// <summary>
/// Brings back every inbound warehouse set still <c>posting</c> (a 945, 944 or 947 waiting for Sage) to its flow every
/// <see cref="WarehouseOptions.RetrySeconds"/>, so it posts as soon as Sage can take it and its queue entries resolve.
/// </summary>
public sealed partial class WarehouseRetry(LineageLog lineage, PipelineService pipeline, IOptions<WarehouseOptions> options, TimeProvider clock,
    ILogger<WarehouseRetry> logger) : BackgroundService
{
    /// <summary>Re-delivers the waiting sets once; returns how many.</summary>
    public async Task<int> RetryAsync(CancellationToken ct)
    {
        var waiting = (await lineage.InStatesAsync(LineageKind.TransactionSet, [LineageStates.Posting], ct))
            .Where(e => e.Flow is "warehouse-945" or "warehouse-944" or "warehouse-947" && e.PartnerId is not null && e.DocumentSha256 is not null).ToList();
        foreach (var set in waiting)
        {
            pipeline.Submit(new TransactionSetAccepted(set.PartnerId!, set.Flow!, set.DocumentType ?? "", set.Id, set.DocumentSha256!));
        }

        return waiting.Count;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.RetrySeconds), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RetryAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex.Message);
            }
        }
    }

    [LoggerMessage(EventId = 649, Level = LogLevel.Warning, Message = "Could not bring waiting warehouse sets back: {Reason}")]
    private static partial void LogFailed(ILogger logger, string reason);
}
