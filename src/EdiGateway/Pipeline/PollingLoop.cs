namespace EdiGateway.Pipeline;

/// <summary>
/// The loop of the gateway's watchers: one pass now, then one per period until the host stops. A failed pass is logged
/// and the next one runs on time; only cancellation ends the loop.
/// </summary>
public static class PollingLoop
{
    /// <summary>Runs <paramref name="pass"/> every <paramref name="period"/>.</summary>
    public static async Task RunAsync(TimeSpan period, TimeProvider clock, Func<CancellationToken, Task> pass, Action<Exception> failed, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(pass);
        ArgumentNullException.ThrowIfNull(failed);
        using var timer = new PeriodicTimer(period, clock);
        do
        {
            try
            {
                await pass(ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                failed(ex);
            }
        }
        while (await timer.WaitForNextTickAsync(ct));
    }

    /// <summary>As <see cref="RunAsync(TimeSpan, TimeProvider, Func{CancellationToken, Task}, Action{Exception}, CancellationToken)"/>,
    /// for watchers that read Sage: nothing runs when the pipeline is off or Sage posting never starts.</summary>
    public static async Task RunAsync(bool enabled, Sage.SagePosting sage, TimeSpan period, TimeProvider clock, Func<CancellationToken, Task> pass,
        Action<Exception> failed, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(sage);
        if (enabled && await sage.WhenStarted(ct))
        {
            await RunAsync(period, clock, pass, failed, ct);
        }
    }
}
