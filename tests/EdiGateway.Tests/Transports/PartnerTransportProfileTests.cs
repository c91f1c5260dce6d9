using EdiGateway.Partners;
using EdiGateway.Tests.Support;
using EdiGateway.Transports.As2;
using EdiGateway.Transports.Files;
using Microsoft.Extensions.Time.Testing;

namespace EdiGateway.Tests.Transports;

/// <summary>The transport part of partner.yaml: typed settings, and refusals naming file, field and reason.</summary>
public sealed class PartnerTransportProfileTests : IDisposable
{
    private readonly TempDirectory temp = new("edigw-transport-profile");

    private string Folder => temp.Combine("amazon-vc-test");

    public PartnerTransportProfileTests() =>
        GatewayHost.CopyDirectory(Path.Combine(Repository.Root, "partners", "amazon-vc-test"), Folder);

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Load_ValidAs2Profile_TypedSettings()
    {
        File.WriteAllText(Path.Combine(Folder, "amazon.pem"), TransportTestKit.CreateCertificate("amazon").ExportCertificatePem());
        TransportTestKit.SetTransport(Folder, """
            transport:
              type: as2
              settings:
                partnerAs2Id: AMAZON
                ourAs2Id: ACME
                partnerUrl: https://as2.amazon.example/as2
                preset: amazon
                mdn: sync
                signing: sha-256
                encryption: aes256-cbc
                partnerCertificates: amazon.pem
            """);

        var result = PartnerProfileLoader.Load(Folder);

        Assert.Empty(result.Problems);
        var as2 = result.Profile!.Transport!.As2!;
        Assert.Equal(("AMAZON", "ACME", "amazon", As2MdnMode.Sync), (as2.PartnerAs2Id, as2.OurAs2Id, as2.Preset.Name, as2.MdnMode));
        Assert.Equal("amazon-vc-test", as2.OurKey);
        Assert.Equal("CN=amazon", Assert.Single(as2.PartnerCertificates).Certificate.Subject);
    }

    [Fact]
    public void Load_As2WithMissingIdBadUrlAndExpiredCertificate_RefusedWithFieldAndReason()
    {
        File.WriteAllText(Path.Combine(Folder, "amazon.pem"), TransportTestKit.CreateCertificate("amazon", TimeSpan.FromDays(20)).ExportCertificatePem());
        TransportTestKit.SetTransport(Folder, """
            transport:
              type: as2
              settings:
                ourAs2Id: ACME
                partnerUrl: ftp://as2.amazon.example/as2
                preset: sterling
                partnerCertificates: amazon.pem, missing.cer
            """);

        var result = PartnerProfileLoader.Load(Folder, clock: new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(30)));

        Assert.Null(result.Profile);
        var problems = result.Problems.Select(p => $"{p.Field}: {p.Reason}").ToList();
        Assert.All(result.Problems, p => Assert.EndsWith("partner.yaml", p.File, StringComparison.Ordinal));
        Assert.Contains("transport.settings.partnerAs2Id: is required", problems);
        Assert.Contains(problems, p => p.StartsWith("transport.settings.partnerUrl: 'ftp://", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("transport.settings.preset: 'sterling' is not one of", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("transport.settings.partnerCertificates: 'amazon.pem' (CN=amazon) expired on", StringComparison.Ordinal));
        Assert.Contains("transport.settings.partnerCertificates: file 'missing.cer' does not exist in the partner folder", problems);
    }

    [Fact]
    public void Load_FtpsWithInlinePasswordAndNoPin_Refused()
    {
        TransportTestKit.SetTransport(Folder, """
            transport:
              type: ftps
              settings:
                host: ftp.partner.example
                user: acme
                passwordSecret: hunter2
                pickup: outbound
                drop: inbound
            """);

        var problems = PartnerProfileLoader.Load(Folder).Problems.Select(p => $"{p.Field}: {p.Reason}").ToList();

        Assert.Contains("transport.settings.passwordSecret: must be a secret reference, env:NAME or file:PATH (never the secret itself)", problems);
        Assert.Contains("transport.settings.certificatePin: FTPS needs certificatePin or caCertificate so the server certificate is checked", problems);
        Assert.Contains("transport.settings.archive: is required when afterPickup is archive (or set afterPickup: delete)", problems);
        Assert.DoesNotContain(problems, p => p.Contains("hunter2", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_SftpWithPinnedHostKey_TypedSettings()
    {
        File.WriteAllText(Path.Combine(Folder, "host.pub"), "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIDn8gOmSzkUjyLVUmzkBuH0b9ffCw1gsQ7xvFGFp8wc5 host\n");
        TransportTestKit.SetTransport(Folder, """
            transport:
              type: sftp
              settings:
                host: sftp.3pl.example
                user: acme
                keyFile: data/keys/3pl_ed25519
                hostKey: host.pub
                pickup: /out
                drop: /in
                afterPickup: delete
                pollSeconds: "30"
            """);

        var result = PartnerProfileLoader.Load(Folder);

        Assert.Empty(result.Problems);
        var remote = result.Profile!.Transport!.Remote!;
        Assert.Equal((22, "/out", "/in", (string?)null, TimeSpan.FromSeconds(30)), (remote.Port, remote.Pickup, remote.Drop, remote.Archive, remote.PollInterval!.Value));
        Assert.Equal(FtpSecurity.None, remote.Security);
    }
}
