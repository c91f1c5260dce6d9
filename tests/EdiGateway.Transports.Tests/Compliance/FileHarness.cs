using EdiGateway.Transports.Files;
using EdiGateway.Transports.Tests.Support;

namespace EdiGateway.Transports.Tests.Compliance;

/// <summary>Harness for file transports: our upload lands in the folder our poller picks up from.</summary>
public sealed class FileHarness(Func<IFileEndpoint> endpointFactory, string work, Func<Task> restart, Func<Task> breakIt, Func<Task> repair, Func<ValueTask> dispose) : ITransportHarness
{
    private readonly MemoryDedupe _dedupe = new();
    private FileTransport? _current;

    public RecordingSink Sink { get; } = new();

    private FileTransport Transport => _current ??= new FileTransport(endpointFactory(), new FileTransportOptions
    {
        PartnerId = "partner-a",
        WorkDirectory = work,
        StableFor = TimeSpan.FromMilliseconds(50),
        MaxAttempts = 6,
        RetryDelay = TimeSpan.FromMilliseconds(300),
    }, Sink, _dedupe, TimeProvider.System);

    public Task SendAsync(string name, byte[] content) => Transport.SendAsync(name, content, CancellationToken.None);

    public Task ReceiveAsync() => Transport.PollAsync(CancellationToken.None);

    public async Task RestartAsync()
    {
        await restart();
        _current = null;
    }

    public Task BreakAsync() => breakIt();

    public Task RepairAsync() => repair();

    public Task DeliverDuplicateAsync(string name, byte[] content) => Transport.SendAsync(name, content, CancellationToken.None);

    public ValueTask DisposeAsync() => dispose();
}
