using EdiGateway.Transports.As2;
using EdiGateway.Transports.As2.Http;
using EdiGateway.Transports.Files;
using EdiGateway.Transports.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace EdiGateway.Transports.Tests.Compliance;

/// <summary>SFTP against a real sshd: upload to inbound (temp name + rename), poll it back.</summary>
public sealed class SftpComplianceTests : TransportComplianceTests
{
    protected override async Task<ITransportHarness> CreateHarnessAsync()
    {
        var sshd = await SshdServer.CreateAsync();
        var work = Tool.TempDir("edigw-work");
        return new FileHarness(
            () => new SftpEndpoint(sshd.Options() with { OutboundPath = sshd.Inbound }),
            work,
            async () =>
            {
                await sshd.StopAsync();
                await sshd.StartAsync();
            },
            sshd.StopAsync,
            sshd.StartAsync,
            async () =>
            {
                await sshd.DisposeAsync();
                Directory.Delete(work, true);
            });
    }
}

/// <summary>Explicit FTPS against a real vsftpd.</summary>
public sealed class FtpsComplianceTests : TransportComplianceTests
{
    protected override async Task<ITransportHarness> CreateHarnessAsync()
    {
        var ftp = await VsftpdServer.CreateAsync();
        var work = Tool.TempDir("edigw-work");
        return new FileHarness(
            () => new FtpEndpoint(ftp.Options() with { OutboundPath = "inbound" }),
            work,
            async () =>
            {
                await ftp.StopAsync();
                await ftp.StartAsync();
            },
            ftp.StopAsync,
            ftp.StartAsync,
            async () =>
            {
                await ftp.DisposeAsync();
                Directory.Delete(work, true);
            });
    }
}

/// <summary>Drop folders; "far side down" is an unmounted share (folder gone).</summary>
public sealed class DropFolderComplianceTests : TransportComplianceTests
{
    protected override Task<ITransportHarness> CreateHarnessAsync()
    {
        var root = Tool.TempDir("edigw-drop");
        var inbound = Path.Combine(root, "inbound");
        var parked = Path.Combine(root, "unmounted");
        Directory.CreateDirectory(inbound);
        var work = Path.Combine(root, "work");
        ITransportHarness harness = new FileHarness(
            () => new DropFolderEndpoint(new DropFolderOptions { InboundPath = inbound, OutboundPath = inbound, ArchivePath = Path.Combine(root, "archive") }),
            work,
            () => Task.CompletedTask,
            () =>
            {
                Directory.Move(inbound, parked);
                return Task.CompletedTask;
            },
            () =>
            {
                Directory.Move(parked, inbound);
                return Task.CompletedTask;
            },
            () =>
            {
                Directory.Delete(root, true);
                return ValueTask.CompletedTask;
            });
        return Task.FromResult(harness);
    }
}

/// <summary>AS2 over real Kestrel with sync signed MDNs; restart keeps the message store.</summary>
public sealed class As2ComplianceTests : TransportComplianceTests
{
    protected override async Task<ITransportHarness> CreateHarnessAsync() =>
        new As2Harness(await As2Host.StartAsync(new StaticDirectory(Profiles.Inbound())));

    private sealed class As2Harness(As2Host host) : ITransportHarness
    {
        private readonly HttpClient _http = new();
        private As2BuiltMessage? _last;

        public RecordingSink Sink => host.Sink;

        private As2PartnerOptions Profile => Profiles.Outbound(host.Url) with { MaxAttempts = 6, RetryDelay = TimeSpan.FromMilliseconds(300), MdnTimeout = TimeSpan.FromSeconds(5) };

        private As2Client Client => new(_http, new As2MdnInbox(), new As2EndpointOptions(), TimeProvider.System, NullLogger<As2Client>.Instance);

        public async Task SendAsync(string name, byte[] content)
        {
            _last = As2MessageBuilder.Build(Profile, new As2OutboundMessage(name, "application/edi-x12", content), DateTimeOffset.UtcNow, "test.local");
            var result = await Client.SendBuiltAsync(Profile, _last, CancellationToken.None);
            Assert.True(result.IsDelivered, result.Status + " " + result.Failure?.Message);
        }

        public Task ReceiveAsync() => Task.CompletedTask;

        public async Task RestartAsync()
        {
            await host.StopAsync();
            await host.StartAsync();
        }

        public Task BreakAsync() => host.StopAsync();

        public Task RepairAsync() => host.StartAsync();

        public async Task DeliverDuplicateAsync(string name, byte[] content)
        {
            var result = await Client.SendBuiltAsync(Profile, _last!, CancellationToken.None);
            Assert.Equal(As2SendStatus.Delivered, result.Status);
        }

        public async ValueTask DisposeAsync()
        {
            _http.Dispose();
            await host.DisposeAsync();
        }
    }
}
