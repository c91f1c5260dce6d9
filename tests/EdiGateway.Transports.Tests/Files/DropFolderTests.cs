using EdiGateway.Transports.Files;
using EdiGateway.Transports.Tests.Support;

namespace EdiGateway.Transports.Tests.Files;

/// <summary>Drop folders: only complete files are picked up, archived after the sink stored them.</summary>
public sealed class DropFolderTests : IDisposable
{
    private readonly string _root = Tool.TempDir("edigw-drop");
    private readonly RecordingSink _sink = new();

    private string In => Path.Combine(_root, "in");

    private string Archive => Path.Combine(_root, "archive");

    public DropFolderTests()
    {
        Directory.CreateDirectory(In);
        Directory.CreateDirectory(Path.Combine(_root, "out"));
    }

    public void Dispose() => Directory.Delete(_root, true);

    private FileTransport Transport(TimeSpan stableFor, string? readyPattern = null) =>
        new(new DropFolderEndpoint(new DropFolderOptions { InboundPath = In, OutboundPath = Path.Combine(_root, "out"), ArchivePath = Archive }),
            new FileTransportOptions { PartnerId = "partner-a", WorkDirectory = Path.Combine(_root, "work"), StableFor = stableFor, ReadyPattern = readyPattern },
            _sink, new MemoryDedupe(), TimeProvider.System);

    [Fact]
    public async Task PollAsync_TmpAndComplete_OnlyCompleteStoredThenArchived()
    {
        await File.WriteAllBytesAsync(Path.Combine(In, "po.x12"), Profiles.Payload);
        await File.WriteAllBytesAsync(Path.Combine(In, "next.x12.tmp"), [1]);

        var result = await Transport(TimeSpan.FromMilliseconds(20)).PollAsync(CancellationToken.None);

        Assert.Single(result.StoredIds);
        Assert.Equal("folder", Assert.Single(_sink.Stored).Transport);
        Assert.True(File.Exists(Path.Combine(Archive, "po.x12")));
        Assert.True(File.Exists(Path.Combine(In, "next.x12.tmp")));
    }

    [Fact]
    public async Task PollAsync_FileStillGrowing_NotReady()
    {
        var path = Path.Combine(In, "growing.x12");
        await File.WriteAllBytesAsync(path, [1, 2, 3]);
        using var cts = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            while (!cts.IsCancellationRequested)
            {
                await File.AppendAllTextAsync(path, "x");
                await Task.Delay(20);
            }
        });

        var result = await Transport(TimeSpan.FromMilliseconds(300)).PollAsync(CancellationToken.None);
        await cts.CancelAsync();
        await writer;

        Assert.Empty(_sink.Stored);
        Assert.Single(result.NotReady);
    }

    [Fact]
    public async Task PollAsync_ReadyPattern_OnlyMatchingTakenWithoutWaiting()
    {
        await File.WriteAllBytesAsync(Path.Combine(In, "po.x12"), Profiles.Payload);
        await File.WriteAllBytesAsync(Path.Combine(In, "po.x12.done"), []);
        await File.WriteAllBytesAsync(Path.Combine(In, "other.csv"), [1]);

        var result = await Transport(TimeSpan.FromMinutes(10), readyPattern: "*.x12").PollAsync(CancellationToken.None);

        Assert.Single(result.StoredIds);
        Assert.Equal("po.x12", Assert.Single(_sink.Stored).FileName);
    }
}
