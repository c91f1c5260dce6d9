using EdiGateway.Hosting;
using EdiGateway.Partners;
using EdiGateway.Transports.Files;
using Microsoft.Extensions.Options;

namespace EdiGateway.Transports;

/// <summary>
/// Builds the SFTP and FTP/FTPS endpoints of partners from their validated profile: the pinned host key becomes a
/// per-partner known_hosts file (no trust on first use), secrets are resolved from their references at use.
/// </summary>
public sealed class RemoteEndpoints(GatewayHome home, IOptions<GatewayOptions> options)
{
    /// <summary>data/transports/&lt;partner&gt;: known_hosts and the download work folder.</summary>
    public string PartnerDirectory(PartnerProfile partner) =>
        Path.Combine(home.Resolve(options.Value.DataDirectory), "transports", partner.Id);

    public IFileEndpoint Create(PartnerProfile partner)
    {
        var remote = partner.Transport?.Remote
            ?? throw new TransportException($"Partner {partner.Id}: transport '{partner.Transport?.Type}' has no server settings.", TransportFailureKind.Configuration);
        var dir = PartnerDirectory(partner);
        Directory.CreateDirectory(dir);
        if (partner.Transport.Type == "sftp")
        {
            var knownHosts = Path.Combine(dir, "known_hosts");
            File.WriteAllText(knownHosts, KnownHosts.Line(remote.Host, remote.Port, File.ReadAllText(remote.HostKeyFile!)) + "\n");
            return new SftpEndpoint(new SftpEndpointOptions
            {
                Host = remote.Host,
                Port = remote.Port,
                User = remote.User,
                PrivateKeyPath = home.Resolve(remote.KeyFile!),
                KnownHostsPath = knownHosts,
                InboundPath = remote.Pickup,
                OutboundPath = remote.Drop,
                ArchivePath = remote.Archive,
            });
        }

        return new FtpEndpoint(new FtpEndpointOptions
        {
            Host = remote.Host,
            Port = remote.Port,
            User = remote.User,
            Password = SecretReference.Resolve(remote.PasswordSecret!, home.Resolve),
            Security = remote.Security,
            CaCertificatePath = remote.CaCertificateFile,
            PinnedPublicKey = remote.CertificatePin,
            InboundPath = remote.Pickup,
            OutboundPath = remote.Drop,
            ArchivePath = remote.Archive,
        });
    }
}
