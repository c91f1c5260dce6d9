using EdiGateway.Pipeline;
using EdiGateway.Storage;
using EdiGateway.Storage.Entities;
using EdiGateway.Tests.Support;
using EdiGateway.Transports;
using EdiGateway.Transports.As2;
using EdiGateway.Transports.As2.Http;
using EdiGateway.Transports.Mime;
using Microsoft.EntityFrameworkCore;

namespace EdiGateway.Tests.Transports;

/// <summary>
/// AS2 end to end against the running appliance: a partner (the library's As2Client) posts a signed and encrypted
/// 850 to /as2, the 997 goes back over AS2 to the partner's own receiver on another Kestrel port.
/// </summary>
public sealed class As2TransportTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Post_SignedEncrypted850_SignedMdnReadyToPostReplayGetsOriginalMdnAnd997BackOverAs2()
    {
        var partnerCert = TransportTestKit.CreateCertificate("amazon-as2-test");
        var gatewayCert = TransportTestKit.CreateCertificate("acme-as2-test");
        await using var partner = await As2PartnerPeer.StartAsync(partnerCert, gatewayCert);
        await using var host = await GatewayHost.StartAsync(
            home =>
            {
                GatewayHost.CopyDirectory(Path.Combine(Repository.Root, "partners"), home.Combine("partners"));
                var folder = home.Combine("partners", "amazon-vc-test");
                File.WriteAllText(Path.Combine(folder, "amazon-as2.pem"), partnerCert.ExportCertificatePem());
                File.WriteAllText(Path.Combine(folder, "amazon-vc-test.pem"), TransportTestKit.KeyPairPem(gatewayCert));
                TransportTestKit.SetTransport(folder, $"""
                    transport:
                      type: as2
                      settings:
                        partnerAs2Id: {As2PartnerPeer.PartnerAs2Id}
                        ourAs2Id: {As2PartnerPeer.GatewayAs2Id}
                        partnerUrl: {partner.Url}
                        preset: amazon
                        partnerCertificates: amazon-as2.pem
                        mdnTimeoutSeconds: "20"
                        attempts: "1"
                    """);
            },
            ["--Gateway:SpecsDirectory", Path.Combine(Repository.Root, "edi-specs"), "--Pipeline:PollIntervalMilliseconds", "100"]);
        partner.GatewayUrl = new Uri(host.Client.BaseAddress!, "/as2");
        Assert.False(File.Exists(host.Home.Combine("partners", "amazon-vc-test", "amazon-vc-test.pem")), "the plaintext key must be removed once protected");

        var monitor = host.Get<PipelineMonitor>();
        var seen = 0;
        var handled = monitor.WaitForAsync(e => e is PipelineEvent.SetHandled && Interlocked.Increment(ref seen) >= 2, Wait);
        var x12 = await File.ReadAllBytesAsync(Repository.Fixture("Pipeline", "Fixtures", "850-two-valid.edi"));
        var built = As2MessageBuilder.Build(partner.Agreement, new As2OutboundMessage("po-101.edi", "application/edi-x12", x12), DateTimeOffset.UtcNow, "amazon.test");

        using var first = await PostAsync(partner.GatewayUrl, built, host);
        var firstMdn = await first.Content.ReadAsByteArrayAsync();
        var mdn = As2MdnReader.Read(Headers(first), firstMdn, [gatewayCert]);
        Assert.True(mdn.Signed && mdn.SignatureValid, mdn.Detail);
        Assert.False(mdn.Disposition!.IsError, mdn.Detail);
        Assert.Equal(built.ExpectedMics.Values.First(), mdn.ReceivedMic);
        await handled;

        using var replay = await PostAsync(partner.GatewayUrl, built, host);
        Assert.Equal(firstMdn, await replay.Content.ReadAsByteArrayAsync());
        var resent = await partner.Client.SendBuiltAsync(partner.Agreement, built, CancellationToken.None);
        Assert.Equal(As2SendStatus.Delivered, resent.Status);

        await TransportTestKit.WaitUntilAsync(() => partner.Received.Count >= 1, Wait, "the 997 over AS2");
        var ack = Assert.Single(partner.Received);
        var ackText = System.Text.Encoding.ASCII.GetString(ack.Content.Span);
        Assert.Contains("AK1*PO*101", ackText, StringComparison.Ordinal);
        Assert.Equal("true", ack.Metadata["as2.signed"]);
        Assert.Equal("true", ack.Metadata["as2.encrypted"]);

        await using var db = await host.Get<IDbContextFactory<GatewayDbContext>>().CreateDbContextAsync();
        await TransportTestKit.WaitUntilAsync(() => db.Lineage.Any(e => e.Kind == LineageKind.Acknowledgement && e.State == LineageStates.Sent), Wait, "the 997 marked sent");
        var sets = await db.Lineage.Where(e => e.Kind == LineageKind.TransactionSet).ToListAsync();
        Assert.Equal(2, sets.Count);
        Assert.All(sets, s => Assert.Equal(LineageStates.ReadyToPost, s.State));
        Assert.Equal(1, await db.Lineage.CountAsync(e => e.Kind == LineageKind.TransportMessage));
        var row = await db.Set<As2MessageRecord>().SingleAsync();
        Assert.Equal(("completed", As2PartnerPeer.PartnerAs2Id, "amazon-vc-test"), (row.State, row.SenderId, row.PartnerId));
        Assert.Empty(await db.Exceptions.ToListAsync());
        Assert.True(File.Exists(host.Get<PartnerKeyStore>().ProtectedPath("amazon-vc-test")));
        var protectedBytes = await File.ReadAllTextAsync(host.Get<PartnerKeyStore>().ProtectedPath("amazon-vc-test"));
        Assert.DoesNotContain("PRIVATE KEY", protectedBytes, StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> PostAsync(Uri url, As2BuiltMessage built, GatewayHost host)
    {
        using var http = new HttpClient();
        var content = new ByteArrayContent(built.Body);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        foreach (var h in built.Headers)
        {
            _ = h.Name.StartsWith("Content-", StringComparison.OrdinalIgnoreCase)
                ? content.Headers.TryAddWithoutValidation(h.Name, h.Value)
                : request.Headers.TryAddWithoutValidation(h.Name, h.Value);
        }

        var response = await http.SendAsync(request);
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.OK, $"HTTP {(int)response.StatusCode}: " + string.Join("\n", Directory.GetFiles(host.Home.Combine("data", "logs")).Select(f => { using var r = new StreamReader(new FileStream(f, FileMode.Open, FileAccess.Read, FileShare.ReadWrite)); return r.ReadToEnd(); })));
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    private static List<MimeHeader> Headers(HttpResponseMessage response) =>
        [.. response.Headers.Concat(response.Content.Headers).Select(h => new MimeHeader(h.Key, string.Join(", ", h.Value)))];
}
