namespace EdiGateway.Sage200.Posting;

/// <summary>Spaces Sage calls to at most N per second on the injected clock (protects the customer's Sage server).</summary>
internal sealed class SageRateGate
{
    private readonly TimeProvider time;
    private readonly TimeSpan interval;
    private readonly Lock gate = new();
    private DateTimeOffset nextFree;

    public SageRateGate(TimeProvider time, double perSecond)
    {
        this.time = time;
        interval = perSecond <= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(1 / perSecond);
        nextFree = DateTimeOffset.MinValue;
    }

    public Task WaitAsync(CancellationToken cancellationToken)
    {
        if (interval == TimeSpan.Zero)
        {
            return Task.CompletedTask;
        }

        TimeSpan delay;
        lock (gate)
        {
            var now = time.GetUtcNow();
            var slot = nextFree > now ? nextFree : now;
            nextFree = slot + interval;
            delay = slot - now;
        }

        return delay <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(delay, time, cancellationToken);
    }
}
