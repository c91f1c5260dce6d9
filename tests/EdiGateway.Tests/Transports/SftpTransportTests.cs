using EdiGateway.Pipeline;
using EdiGateway.Storage;
using EdiGateway.Storage.Entities;
using EdiGateway.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EdiGateway.Tests.Transports;

/// <summary>SFTP end to end: a real sshd on loopback holds the partner's folders; the appliance polls, archives and answers.</summary>
public sealed class SftpTransportTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Poll_850InRemoteOutbound_ProcessedArchivedRemotelyAnd997Uploaded()
    {
        await using var sshd = await SshdPeer.StartAsync();
        await using var host = await GatewayHost.StartAsync(
            home =>
            {
                GatewayHost.CopyDirectory(Path.Combine(Repository.Root, "partners"), home.Combine("partners"));
                var folder = home.Combine("partners", "amazon-vc-test");
                File.Copy(sshd.HostKeyPub, Path.Combine(folder, "sftp-host.pub"));
                TransportTestKit.SetTransport(folder, $"""
                    transport:
                      type: sftp
                      settings:
                        host: 127.0.0.1
                        port: "{sshd.Port}"
                        user: {Environment.UserName}
                        keyFile: {sshd.ClientKey}
                        hostKey: sftp-host.pub
                        pickup: {sshd.Folder("outbound")}
                        drop: {sshd.Folder("inbound")}
                        archive: {sshd.Folder("archive")}
                        pollSeconds: "1"
                    """);
            },
            ["--Gateway:SpecsDirectory", Path.Combine(Repository.Root, "edi-specs"), "--Pipeline:StableForMilliseconds", "50"]);
        var monitor = host.Get<PipelineMonitor>();
        var seen = 0;
        var handled = monitor.WaitForAsync(e => e is PipelineEvent.SetHandled && Interlocked.Increment(ref seen) >= 2, Wait);
        var x12 = await File.ReadAllBytesAsync(Repository.Fixture("Pipeline", "Fixtures", "850-two-valid.edi"));
        var remote = Path.Combine(sshd.Folder("outbound"), "po-101.edi");
        await File.WriteAllBytesAsync(remote + ".part", x12);
        File.Move(remote + ".part", remote);

        await handled;

        await TransportTestKit.WaitUntilAsync(() => Directory.GetFiles(sshd.Folder("inbound")).Length > 0, Wait, "the 997 upload");
        var ack = Assert.Single(Directory.GetFiles(sshd.Folder("inbound")));
        Assert.EndsWith(".edi", ack, StringComparison.Ordinal);
        Assert.Contains("AK1*PO*101", await File.ReadAllTextAsync(ack), StringComparison.Ordinal);
        await TransportTestKit.WaitUntilAsync(() => File.Exists(Path.Combine(sshd.Folder("archive"), "po-101.edi")), Wait, "the remote archive");
        Assert.Empty(Directory.GetFiles(sshd.Folder("outbound")));
        await using var db = await host.Get<IDbContextFactory<GatewayDbContext>>().CreateDbContextAsync();
        var sets = await db.Lineage.Where(e => e.Kind == LineageKind.TransactionSet).ToListAsync();
        Assert.Equal(2, sets.Count);
        Assert.All(sets, s => Assert.Equal(LineageStates.ReadyToPost, s.State));
        var receipt = await db.TransportReceipts.SingleAsync();
        Assert.StartsWith("sftp://", receipt.ReceiptKey, StringComparison.Ordinal);
    }
}
