using EdiGateway.Transports.Files;
using EdiGateway.Transports.Tests.Support;

namespace EdiGateway.Transports.Tests.Files;

/// <summary>SFTP against a real OpenSSH sshd started on a loopback port with its own config, keys and known_hosts.</summary>
public sealed class SftpEndpointTests : IAsyncLifetime
{
    private SshdServer _sshd = null!;
    private string _work = null!;
    private readonly RecordingSink _sink = new();
    private readonly MemoryDedupe _dedupe = new();

    public async Task InitializeAsync()
    {
        _sshd = await SshdServer.CreateAsync();
        _work = Tool.TempDir("edigw-work");
    }

    public async Task DisposeAsync()
    {
        await _sshd.DisposeAsync();
        Directory.Delete(_work, true);
    }

    private FileTransport Transport(SftpEndpointOptions? options = null, FileTransportOptions? rules = null) =>
        new(new SftpEndpoint(options ?? _sshd.Options()), rules ?? Rules(), _sink, _dedupe, TimeProvider.System);

    private FileTransportOptions Rules() => new()
    {
        PartnerId = "partner-a",
        WorkDirectory = _work,
        StableFor = TimeSpan.FromMilliseconds(50),
        MaxAttempts = 5,
        RetryDelay = TimeSpan.FromMilliseconds(400),
    };

    [Fact]
    public async Task SendAsync_Upload_FinalNameOnlyNoPartLeft()
    {
        await Transport().SendAsync("inv-1.x12", Profiles.Payload, CancellationToken.None);
        await Transport().SendAsync("inv-1.x12", Profiles.Payload, CancellationToken.None);

        Assert.Equal(["inv-1.x12"], Directory.GetFiles(_sshd.Outbound).Select(Path.GetFileName));
        Assert.Equal(Profiles.Payload, await File.ReadAllBytesAsync(Path.Combine(_sshd.Outbound, "inv-1.x12")));
    }

    [Fact]
    public async Task PollAsync_CompleteAndPartialFiles_OnlyCompleteStoredAndArchived()
    {
        await File.WriteAllBytesAsync(Path.Combine(_sshd.Inbound, "po-1.x12"), Profiles.Payload);
        await File.WriteAllBytesAsync(Path.Combine(_sshd.Inbound, "po-2.x12.part"), [1, 2, 3]);
        await File.WriteAllBytesAsync(Path.Combine(_sshd.Inbound, ".hidden"), [1]);

        var result = await Transport().PollAsync(CancellationToken.None);

        Assert.Single(result.StoredIds);
        var stored = Assert.Single(_sink.Stored);
        Assert.Equal("po-1.x12", stored.FileName);
        Assert.Equal("sftp", stored.Transport);
        Assert.Equal(Profiles.Payload, stored.Content.ToArray());
        Assert.True(File.Exists(Path.Combine(_sshd.Archive, "po-1.x12")));
        Assert.True(File.Exists(Path.Combine(_sshd.Inbound, "po-2.x12.part")));
    }

    [Fact]
    public async Task PollAsync_DeleteMode_RemoteFileDeletedAfterStore()
    {
        await File.WriteAllBytesAsync(Path.Combine(_sshd.Inbound, "po 1.x12"), Profiles.Payload);

        await Transport(_sshd.Options() with { ArchivePath = null }).PollAsync(CancellationToken.None);

        Assert.Equal("po 1.x12", Assert.Single(_sink.Stored).FileName);
        Assert.Empty(Directory.GetFiles(_sshd.Inbound));
        Assert.Empty(Directory.GetFiles(_sshd.Archive));
    }

    [Fact]
    public async Task PollAsync_HostKeyMismatch_SecurityFailureNothingStored()
    {
        await File.WriteAllBytesAsync(Path.Combine(_sshd.Inbound, "po-1.x12"), Profiles.Payload);

        var ex = await Assert.ThrowsAsync<TransportException>(() => Transport(_sshd.Options(_sshd.WrongKnownHosts)).PollAsync(CancellationToken.None));

        Assert.Equal(TransportFailureKind.Security, ex.Kind);
        Assert.False(ex.IsTransient);
        Assert.Empty(_sink.Stored);
    }

    [Fact]
    public async Task PollAsync_UnknownKey_ConfigurationFailure()
    {
        var ex = await Assert.ThrowsAsync<TransportException>(() => Transport(_sshd.Options() with { PrivateKeyPath = Path.Combine(_sshd.Root, "otherhostkey") }).PollAsync(CancellationToken.None));

        Assert.Equal(TransportFailureKind.Configuration, ex.Kind);
    }

    [Fact]
    public async Task PollAsync_ArchiveFailsAfterStore_NextPollArchivesWithoutStoringAgain()
    {
        await File.WriteAllBytesAsync(Path.Combine(_sshd.Inbound, "po-1.x12"), Profiles.Payload);
        var broken = _sshd.Options() with { ArchivePath = Path.Combine(_sshd.Data, "missing-archive") };

        var first = await Transport(broken).PollAsync(CancellationToken.None);
        var second = await Transport().PollAsync(CancellationToken.None);

        Assert.Single(first.Failed);
        Assert.Single(_sink.Stored);
        Assert.Single(second.AlreadySeen);
        Assert.Empty(second.StoredIds);
        Assert.True(File.Exists(Path.Combine(_sshd.Archive, "po-1.x12")));
    }

    [Fact]
    public async Task PollAsync_ServerKilledMidTransfer_RetriedNoPartialNoDuplicate()
    {
        var big = new byte[1_200_000];
        Random.Shared.NextBytes(big);
        await File.WriteAllBytesAsync(Path.Combine(_sshd.Inbound, "big.x12"), big);
        var slow = _sshd.Options() with { BandwidthLimitKbps = 6000 };

        var poll = Transport(slow, Rules() with { ReadyPattern = "*.x12" }).PollAsync(CancellationToken.None);
        await Task.Delay(700);
        await _sshd.StopAsync();
        await Task.Delay(300);
        await _sshd.StartAsync();
        var result = await poll;
        var again = await Transport().PollAsync(CancellationToken.None);

        Assert.Single(result.StoredIds);
        Assert.Equal(big, Assert.Single(_sink.Stored).Content.ToArray());
        Assert.Empty(again.StoredIds);
        Assert.Empty(Directory.GetFiles(_work));
    }
}
