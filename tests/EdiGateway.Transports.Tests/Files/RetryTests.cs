using EdiGateway.Transports.Files;
using Microsoft.Extensions.Time.Testing;

namespace EdiGateway.Transports.Tests.Files;

public sealed class RetryTests
{
    [Fact]
    public async Task RunAsync_TransientTwice_RetriedWithDoublingDelayOnFakeClock()
    {
        var time = new FakeTimeProvider();
        var calls = new List<DateTimeOffset>();
        var run = Retry.RunAsync(_ =>
        {
            calls.Add(time.GetUtcNow());
            return calls.Count < 3 ? throw new TransportException("down", TransportFailureKind.Transient) : Task.FromResult(42);
        }, 4, TimeSpan.FromSeconds(10), time, CancellationToken.None);

        while (!run.IsCompleted)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(5);
        }

        Assert.Equal(42, await run);
        Assert.Equal(3, calls.Count);
        var first = calls[1] - calls[0];
        var second = calls[2] - calls[1];
        Assert.InRange(first, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(12));
        Assert.InRange(second, TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(22));
    }

    [Fact]
    public async Task RunAsync_SecurityFailure_NotRetried()
    {
        var calls = 0;
        await Assert.ThrowsAsync<TransportException>(() => Retry.RunAsync(_ =>
        {
            calls++;
            throw new TransportException("host key", TransportFailureKind.Security);
        }, 4, TimeSpan.FromSeconds(10), new FakeTimeProvider(), CancellationToken.None));

        Assert.Equal(1, calls);
    }
}
