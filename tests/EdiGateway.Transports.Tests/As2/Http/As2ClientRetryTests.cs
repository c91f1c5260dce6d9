using EdiGateway.Transports.As2;
using EdiGateway.Transports.As2.Http;
using EdiGateway.Transports.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace EdiGateway.Transports.Tests.As2.Http;

/// <summary>Client resends with the same Message-ID when no MDN comes, then reports Failed with a transient failure.</summary>
public sealed class As2ClientRetryTests
{
    [Fact]
    public async Task SendAsync_AsyncMdnNeverArrives_ResentSameIdThenFailedTransient()
    {
        // The receiving profile allows no async MDN URL, so the receipt is never posted.
        var inbound = Profiles.Inbound() with { AllowedAsyncMdnUrlPrefixes = [] };
        await using var host = await As2Host.StartAsync(new StaticDirectory(inbound));
        var profile = Profiles.Outbound(host.Url) with { MdnMode = As2MdnMode.Async, MdnTimeout = TimeSpan.FromMilliseconds(400), MaxAttempts = 3 };

        var result = await host.Client.SendAsync(profile, new As2OutboundMessage("po.x12", "application/edi-x12", Profiles.Payload), CancellationToken.None);

        Assert.Equal(As2SendStatus.Failed, result.Status);
        Assert.True(result.Failure!.IsTransient);
        Assert.Equal(3, result.Attempts);
        Assert.Single(host.Sink.Stored);
        Assert.Single(((InMemoryAs2MessageStore)host.Store).StoredIds.Keys, k => k.MessageId == result.MessageId);
    }

    [Fact]
    public async Task SendAsync_ServerDown_FailedTransient()
    {
        await using var host = await As2Host.StartAsync(new StaticDirectory(Profiles.Inbound()));
        var url = host.Url;
        await host.StopAsync();
        using var http = new HttpClient();
        var client = new As2Client(http, new As2MdnInbox(), new As2EndpointOptions(), TimeProvider.System, NullLogger<As2Client>.Instance);

        var result = await client.SendAsync(Profiles.Outbound(url), new As2OutboundMessage("po.x12", "application/edi-x12", Profiles.Payload), CancellationToken.None);

        Assert.Equal(As2SendStatus.Failed, result.Status);
        Assert.True(result.Failure!.IsTransient);
    }

    [Fact]
    public async Task SendAsync_UnsignedMdnRequested_DeliveredWithUnsignedReceiptAndMic()
    {
        await using var host = await As2Host.StartAsync(new StaticDirectory(Profiles.Inbound()));

        var result = await host.Client.SendAsync(Profiles.Outbound(host.Url) with { RequestSignedMdn = false }, new As2OutboundMessage("po.x12", "application/edi-x12", Profiles.Payload), CancellationToken.None);

        Assert.Equal(As2SendStatus.Delivered, result.Status);
        Assert.False(result.Mdn!.Signed);
        Assert.NotNull(result.Mdn.ReceivedMic);
    }

    [Fact]
    public async Task SendAsync_PartnerRejects_RejectedWithDisposition()
    {
        await using var host = await As2Host.StartAsync(new StaticDirectory(Profiles.Inbound() with { RequireEncryptedInbound = true }));

        var result = await host.Client.SendAsync(Profiles.Outbound(host.Url) with { Encryption = null }, new As2OutboundMessage("po.x12", "application/edi-x12", Profiles.Payload), CancellationToken.None);

        Assert.Equal(As2SendStatus.Rejected, result.Status);
        Assert.Equal(As2Disposition.InsufficientMessageSecurity, result.Mdn!.Disposition!.ModifierText);
    }

    [Fact]
    public async Task SendAsync_MdnSignedByWrongCertificate_FailedSecurity()
    {
        await using var host = await As2Host.StartAsync(new StaticDirectory(Profiles.Inbound()));

        var result = await host.Client.SendAsync(Profiles.Outbound(host.Url) with { PartnerCertificates = [TestPki.B, TestPki.C], Encryption = null }, new As2OutboundMessage("po.x12", "application/edi-x12", Profiles.Payload), CancellationToken.None);
        var wrong = await host.Client.SendAsync(Profiles.Outbound(host.Url) with { PartnerCertificates = [TestPki.C], Encryption = null }, new As2OutboundMessage("po.x12", "application/edi-x12", Profiles.Payload), CancellationToken.None);

        Assert.Equal(As2SendStatus.Delivered, result.Status);
        Assert.Equal(As2SendStatus.Failed, wrong.Status);
        Assert.Equal(TransportFailureKind.Security, wrong.Failure!.Kind);
    }
}
