using EdiGateway.Pipeline;
using EdiGateway.Storage;
using EdiGateway.Storage.Entities;
using EdiGateway.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EdiGateway.Tests.Transports;

/// <summary>Explicit FTPS end to end: a real vsftpd on loopback, password by secret reference, server certificate checked.</summary>
public sealed class FtpsTransportTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Poll_850InRemoteOutbound_ProcessedArchivedRemotelyAnd997Uploaded()
    {
        await using var ftp = await VsftpdPeer.StartAsync();
        await using var host = await GatewayHost.StartAsync(
            home =>
            {
                GatewayHost.CopyDirectory(Path.Combine(Repository.Root, "partners"), home.Combine("partners"));
                var folder = home.Combine("partners", "amazon-vc-test");
                File.Copy(ftp.Certificate, Path.Combine(folder, "ftps-server.pem"));
                File.WriteAllText(home.Combine("ftp-password"), "anonymous\n");
                TransportTestKit.SetTransport(folder, $"""
                    transport:
                      type: ftps
                      settings:
                        host: 127.0.0.1
                        port: "{ftp.Port}"
                        user: anonymous
                        passwordSecret: file:ftp-password
                        caCertificate: ftps-server.pem
                        pickup: outbound
                        drop: inbound
                        archive: ../archive
                        pollSeconds: "1"
                    """);
            },
            ["--Gateway:SpecsDirectory", Path.Combine(Repository.Root, "edi-specs"), "--Pipeline:StableForMilliseconds", "50"]);
        var monitor = host.Get<PipelineMonitor>();
        var seen = 0;
        var handled = monitor.WaitForAsync(e => e is PipelineEvent.SetHandled && Interlocked.Increment(ref seen) >= 2, Wait);
        var remote = Path.Combine(ftp.Folder("outbound"), "po-101.edi");
        await File.WriteAllBytesAsync(remote + ".part", await File.ReadAllBytesAsync(Repository.Fixture("Pipeline", "Fixtures", "850-two-valid.edi")));
        File.Move(remote + ".part", remote);

        await handled;

        await TransportTestKit.WaitUntilAsync(() => Directory.GetFiles(ftp.Folder("inbound")).Length > 0, Wait, "the 997 upload");
        var ack = Assert.Single(Directory.GetFiles(ftp.Folder("inbound")));
        Assert.Contains("AK1*PO*101", await File.ReadAllTextAsync(ack), StringComparison.Ordinal);
        await TransportTestKit.WaitUntilAsync(() => File.Exists(Path.Combine(ftp.Folder("archive"), "po-101.edi")), Wait, "the remote archive");
        await using var db = await host.Get<IDbContextFactory<GatewayDbContext>>().CreateDbContextAsync();
        Assert.Equal(2, await db.Lineage.CountAsync(e => e.Kind == LineageKind.TransactionSet && e.State == LineageStates.ReadyToPost));
        Assert.StartsWith("ftp://", (await db.TransportReceipts.SingleAsync()).ReceiptKey, StringComparison.Ordinal);
    }
}
