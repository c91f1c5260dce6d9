using System.Text.Json;
using EdiGateway.Sage200;

namespace EdiGateway.Flows.Warehouse;

/// <summary>
/// Runs the Sage stock writes of one 944 or 947 in order, once each: a step is marked <c>started</c> on the
/// <c>warehouse_transfers</c> row before its call and <c>done</c> after, so a retry skips what Sage has. A step whose
/// answer was lost stays <c>started</c> and is not sent again: <see cref="StockWriteUncertainException"/> asks a person to look.
/// </summary>
public static class StockWriteSteps
{
    private const string Started = "started";
    private const string Done = "done";

    /// <summary>The progress of a row's steps (step key -> started | done).</summary>
    public static Dictionary<string, string> Progress(StockTransferRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.ResultJson is { } json ? JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [] : [];
    }

    public static async Task RunAsync(WarehouseStore store, long recordId, IReadOnlyList<(string Key, Func<CancellationToken, Task> Write)> steps, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(steps);
        foreach (var (key, write) in steps)
        {
            var record = await store.UpdateTransferAsync(recordId, _ => { }, ct);
            var progress = Progress(record);
            switch (progress.GetValueOrDefault(key))
            {
                case Done:
                    continue;
                case Started:
                    throw new StockWriteUncertainException(key);
            }

            await MarkAsync(store, recordId, key, Started, ct);
            try
            {
                await write(ct);
            }
            catch (SageApiException ex) when (ex.Kind != SageErrorKind.UnknownOutcome)
            {
                await MarkAsync(store, recordId, key, null, ct); // Sage did not take it: the step may be sent again
                throw;
            }

            await MarkAsync(store, recordId, key, Done, ct);
        }
    }

    private static Task MarkAsync(WarehouseStore store, long recordId, string key, string? state, CancellationToken ct) =>
        store.UpdateTransferAsync(recordId, r =>
        {
            var progress = Progress(r);
            if (state is null)
            {
                progress.Remove(key);
            }
            else
            {
                progress[key] = state;
            }

            r.ResultJson = JsonSerializer.Serialize(progress);
        }, ct);
}

/// <summary>A stock write was sent to Sage and its answer lost: whether Sage has it is for a person to check.</summary>
public sealed class StockWriteUncertainException : Exception
{
    public StockWriteUncertainException(string step)
        : base($"the Sage write '{step}' was sent but its answer was lost; it is not sent again until a person has checked Sage") => Step = step;

    public StockWriteUncertainException() : this("unknown")
    {
    }

    public StockWriteUncertainException(string message, Exception inner) : base(message, inner) => Step = "unknown";

    /// <summary>The step key.</summary>
    public string Step { get; }
}
