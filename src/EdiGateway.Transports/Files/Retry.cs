namespace EdiGateway.Transports.Files;

/// <summary>Retries an operation on transient <see cref="TransportException"/>s with doubling back-off on a <see cref="TimeProvider"/>.</summary>
public static class Retry
{
    /// <summary>Runs <paramref name="operation"/> up to <paramref name="maxAttempts"/> times.</summary>
    public static async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> operation, int maxAttempts, TimeSpan firstDelay, TimeProvider time, CancellationToken cancellationToken)
    {
        var delay = firstDelay;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await operation(cancellationToken);
            }
            catch (TransportException ex) when (ex.IsTransient && attempt < maxAttempts)
            {
                await Task.Delay(delay, time, cancellationToken);
                delay *= 2;
            }
        }
    }

    /// <summary>Runs a void operation with retries.</summary>
    public static Task RunAsync(Func<CancellationToken, Task> operation, int maxAttempts, TimeSpan firstDelay, TimeProvider time, CancellationToken cancellationToken) =>
        RunAsync(async ct =>
        {
            await operation(ct);
            return true;
        }, maxAttempts, firstDelay, time, cancellationToken);
}
