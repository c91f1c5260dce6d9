using EdiGateway.Transports.Files;
using EdiGateway.Transports.Tests.Support;

namespace EdiGateway.Transports.Tests.Files;

/// <summary>Explicit FTPS via curl against a real vsftpd with a self-signed certificate.</summary>
public sealed class FtpEndpointTests : IAsyncLifetime
{
    private VsftpdServer _ftp = null!;
    private string _work = null!;
    private readonly RecordingSink _sink = new();

    public async Task InitializeAsync()
    {
        _ftp = await VsftpdServer.CreateAsync();
        _work = Tool.TempDir("edigw-work");
    }

    public async Task DisposeAsync()
    {
        await _ftp.DisposeAsync();
        Directory.Delete(_work, true);
    }

    private FileTransport Transport(MemoryDedupe dedupe) =>
        new(new FtpEndpoint(_ftp.Options()), new FileTransportOptions
        {
            PartnerId = "partner-a",
            WorkDirectory = _work,
            StableFor = TimeSpan.FromMilliseconds(50),
            MaxAttempts = 2,
            RetryDelay = TimeSpan.FromMilliseconds(100),
        }, _sink, dedupe, TimeProvider.System);

    private FileTransport Transport(FtpEndpointOptions? options = null) =>
        new(new FtpEndpoint(options ?? _ftp.Options()), new FileTransportOptions
        {
            PartnerId = "partner-a",
            WorkDirectory = _work,
            StableFor = TimeSpan.FromMilliseconds(50),
            MaxAttempts = 2,
            RetryDelay = TimeSpan.FromMilliseconds(100),
        }, _sink, new MemoryDedupe(), TimeProvider.System);

    [Fact]
    public async Task SendAsync_ExplicitTls_UploadedUnderFinalName()
    {
        await Transport().SendAsync("inv-1.x12", Profiles.Payload, CancellationToken.None);
        await Transport().SendAsync("inv-1.x12", Profiles.Payload, CancellationToken.None);

        Assert.Equal(["inv-1.x12"], Directory.GetFiles(_ftp.Outbound).Select(Path.GetFileName));
        Assert.Equal(Profiles.Payload, await File.ReadAllBytesAsync(Path.Combine(_ftp.Outbound, "inv-1.x12")));
    }

    [Fact]
    public async Task PollAsync_FileAndPart_CompleteStoredAndArchived()
    {
        await File.WriteAllBytesAsync(Path.Combine(_ftp.Inbound, "po-1.x12"), Profiles.Payload);
        await File.WriteAllBytesAsync(Path.Combine(_ftp.Inbound, "po-2.x12.part"), [1, 2]);

        await Transport().PollAsync(CancellationToken.None);

        Assert.Equal(Profiles.Payload, Assert.Single(_sink.Stored).Content.ToArray());
        Assert.True(File.Exists(Path.Combine(_ftp.Archive, "po-1.x12")));
        Assert.True(File.Exists(Path.Combine(_ftp.Inbound, "po-2.x12.part")));
    }

    [Fact]
    public async Task PollAsync_DeleteMode_RemoteFileDeleted()
    {
        await File.WriteAllBytesAsync(Path.Combine(_ftp.Inbound, "po-1.x12"), Profiles.Payload);

        await Transport(_ftp.Options() with { ArchivePath = null }).PollAsync(CancellationToken.None);

        Assert.Single(_sink.Stored);
        Assert.Empty(Directory.GetFiles(_ftp.Inbound));
    }

    [Fact]
    public async Task PollAsync_UntrustedCertificate_SecurityFailure()
    {
        var ex = await Assert.ThrowsAsync<TransportException>(() => Transport(_ftp.Options(_ftp.OtherCertificate)).PollAsync(CancellationToken.None));

        Assert.Equal(TransportFailureKind.Security, ex.Kind);
    }

    [Fact]
    public async Task PollAsync_PinnedPublicKey_MatchAcceptedMismatchRefused()
    {
        var pin = await PinAsync(_ftp.Certificate);
        var wrong = await PinAsync(_ftp.OtherCertificate);
        await File.WriteAllBytesAsync(Path.Combine(_ftp.Inbound, "po-1.x12"), Profiles.Payload);

        var ex = await Assert.ThrowsAsync<TransportException>(() => Transport(_ftp.Options() with { PinnedPublicKey = wrong }).PollAsync(CancellationToken.None));
        await Transport(_ftp.Options() with { PinnedPublicKey = pin }).PollAsync(CancellationToken.None);

        Assert.Equal(TransportFailureKind.Security, ex.Kind);
        Assert.Single(_sink.Stored);
    }

    [Fact]
    public async Task PollAsync_ServerDown_TransientAfterRetries()
    {
        await _ftp.StopAsync();

        var ex = await Assert.ThrowsAsync<TransportException>(() => Transport().PollAsync(CancellationToken.None));

        Assert.True(ex.IsTransient);
    }

    [Fact]
    public async Task PollAsync_ServerKilledMidTransfer_TransientThenStoredOnceIntact()
    {
        // Larger than loopback socket buffers (autotuned up to tens of MB), so the kill really cuts the transfer.
        var big = new byte[48 * 1024 * 1024];
        Random.Shared.NextBytes(big);
        await File.WriteAllBytesAsync(Path.Combine(_ftp.Inbound, "big.x12"), big);
        var slow = _ftp.Options() with { RateLimit = "4M" };
        var dedupe = new MemoryDedupe();
        var once = new FileTransport(new FtpEndpoint(slow), new FileTransportOptions
        {
            PartnerId = "partner-a", WorkDirectory = _work, StableFor = TimeSpan.FromMilliseconds(50), MaxAttempts = 1,
        }, _sink, dedupe, TimeProvider.System);

        var poll = once.PollAsync(CancellationToken.None);
        await WaitForPartialDownloadAsync(TimeSpan.FromSeconds(8));
        await _ftp.StopAsync();
        var ex = await Assert.ThrowsAsync<TransportException>(() => poll);
        Assert.True(ex.IsTransient);
        Assert.Empty(_sink.Stored);
        await _ftp.StartAsync();
        var result = await Transport(dedupe).PollAsync(CancellationToken.None);
        var again = await Transport(dedupe).PollAsync(CancellationToken.None);

        Assert.Single(result.StoredIds);
        Assert.True(big.AsSpan().SequenceEqual(Assert.Single(_sink.Stored).Content.Span));
        Assert.Empty(again.StoredIds);
        Assert.True(File.Exists(Path.Combine(_ftp.Archive, "big.x12")));
        Assert.Empty(Directory.GetFiles(_work, "*", SearchOption.AllDirectories));
    }

    private async Task WaitForPartialDownloadAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!Directory.GetFiles(_work, "*", SearchOption.AllDirectories).Any(f => new FileInfo(f).Length > 2 * 1024 * 1024))
        {
            Assert.True(DateTime.UtcNow < deadline, "download never started");
            await Task.Delay(20);
        }
    }

    private static async Task<string> PinAsync(string certFile)
    {
        var pem = await File.ReadAllTextAsync(certFile);
        using var cert = System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPem(pem);
        return "sha256//" + Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(cert.PublicKey.ExportSubjectPublicKeyInfo()));
    }
}
