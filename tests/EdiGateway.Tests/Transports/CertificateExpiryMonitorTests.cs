using EdiGateway.Partners;
using EdiGateway.Storage;
using EdiGateway.Tests.Support;
using EdiGateway.Transports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace EdiGateway.Tests.Transports;

/// <summary>Expiring AS2 certificates and missing key pairs raise onboarding-queue entries once per threshold.</summary>
public sealed class CertificateExpiryMonitorTests
{
    [Fact]
    public async Task CheckAsync_CertificateExpiringIn9Days_OneEntryPerThresholdAndKeyMissing()
    {
        await using var host = await GatewayHost.StartAsync(
            home =>
            {
                GatewayHost.CopyDirectory(Path.Combine(Repository.Root, "partners"), home.Combine("partners"));
                var folder = home.Combine("partners", "amazon-vc-test");
                File.WriteAllText(Path.Combine(folder, "amazon.pem"), TransportTestKit.CreateCertificate("amazon", TimeSpan.FromDays(9)).ExportCertificatePem());
                TransportTestKit.SetTransport(folder, """
                    transport:
                      type: as2
                      settings:
                        partnerAs2Id: AMAZON
                        ourAs2Id: ACME
                        partnerUrl: http://127.0.0.1:9/as2
                        partnerCertificates: amazon.pem
                    """);
            },
            ["--Gateway:SpecsDirectory", Path.Combine(Repository.Root, "edi-specs")]);
        var factory = host.Get<IDbContextFactory<GatewayDbContext>>();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var monitor = new CertificateExpiryMonitor(host.Get<PartnerCatalog>(), host.Get<PartnerKeyStore>(), new ExceptionQueue(factory, clock), clock, NullLogger<CertificateExpiryMonitor>.Instance);

        await monitor.CheckAsync(CancellationToken.None);
        await monitor.CheckAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromDays(7));
        await monitor.CheckAsync(CancellationToken.None);
        await monitor.CheckAsync(CancellationToken.None);

        await using var db = await factory.CreateDbContextAsync();
        var entries = await db.Exceptions.OrderBy(e => e.Id).ToListAsync();
        Assert.All(entries, e => Assert.Equal(("onboarding", "amazon-vc-test"), (e.Queue, e.PartnerId)));
        var expiring = entries.Where(e => e.ReasonCode == "certificate.expiring").Select(e => e.DeduplicationKey![(e.DeduplicationKey!.LastIndexOf(':') + 1)..]).ToList();
        Assert.Equal(["10", "3"], expiring);
        Assert.Contains("partner certificate 'amazon.pem' (CN=amazon) expires on", entries.First(e => e.ReasonCode == "certificate.expiring").Message, StringComparison.Ordinal);
        var missing = Assert.Single(entries, e => e.ReasonCode == "as2.key-missing");
        Assert.Contains("no key pair 'amazon-vc-test'", missing.Message, StringComparison.Ordinal);
    }
}
