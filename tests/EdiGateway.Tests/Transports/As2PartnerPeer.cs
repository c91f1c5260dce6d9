using System.Collections.Concurrent;
using System.Security.Cryptography.X509Certificates;
using EdiGateway.Transports;
using EdiGateway.Transports.As2;
using EdiGateway.Transports.As2.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EdiGateway.Tests.Transports;

/// <summary>
/// The trading partner's side of an AS2 agreement, on its own Kestrel port: the library's As2Receiver (what the
/// partner receives from the gateway, e.g. the 997) and an As2Client sending to the gateway.
/// </summary>
internal sealed class As2PartnerPeer : IAsyncDisposable, IAs2PartnerDirectory, IInboundSink
{
    public const string PartnerAs2Id = "AMAZON-AS2";
    public const string GatewayAs2Id = "ACME-AS2";

    private readonly ConcurrentQueue<InboundMessage> received = new();
    private WebApplication? app;

    private As2PartnerPeer(X509Certificate2 partnerCertificate, X509Certificate2 gatewayCertificate)
    {
        Certificate = partnerCertificate;
        GatewayCertificate = gatewayCertificate;
    }

    /// <summary>The partner's certificate with its private key.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>The gateway's certificate (public part used by the partner).</summary>
    public X509Certificate2 GatewayCertificate { get; }

    public Uri Url { get; private set; } = null!;

    public IReadOnlyList<InboundMessage> Received => [.. received];

    public Uri? GatewayUrl { get; set; }

    public As2Client Client { get; } = new(new HttpClient(), new As2MdnInbox(), new As2EndpointOptions { MessageIdDomain = "amazon.test" }, TimeProvider.System, NullLogger<As2Client>.Instance);

    /// <summary>The partner's agreement with the gateway.</summary>
    public As2PartnerOptions Agreement => new()
    {
        PartnerId = "gateway",
        LocalAs2Id = PartnerAs2Id,
        PartnerAs2Id = GatewayAs2Id,
        PartnerUrl = GatewayUrl,
        LocalCertificate = Certificate,
        PartnerCertificates = [X509CertificateLoader.LoadCertificate(GatewayCertificate.RawData)],
        RequireSignedInbound = true,
        RequireEncryptedInbound = true,
        MaxAttempts = 1,
        MdnTimeout = TimeSpan.FromSeconds(20),
        Interop = As2InteropPreset.Amazon,
    };

    public static async Task<As2PartnerPeer> StartAsync(X509Certificate2 partnerCertificate, X509Certificate2 gatewayCertificate)
    {
        var peer = new As2PartnerPeer(partnerCertificate, gatewayCertificate);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IAs2PartnerDirectory>(peer);
        builder.Services.AddSingleton<IInboundSink>(peer);
        builder.Services.AddSingleton<IAs2MessageStore, InMemoryAs2MessageStore>();
        builder.Services.AddAs2Transport(o => o.MessageIdDomain = "amazon.test");
        peer.app = builder.Build();
        peer.app.MapAs2Receiver("/as2");
        await peer.app.StartAsync();
        var address = peer.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        peer.Url = new Uri(address + "/as2");
        return peer;
    }

    public As2PartnerOptions? Find(string partnerAs2Id, string localAs2Id) =>
        partnerAs2Id == GatewayAs2Id && localAs2Id == PartnerAs2Id ? Agreement : null;

    public ValueTask<string> StoreAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        received.Enqueue(message);
        return ValueTask.FromResult("partner-" + received.Count);
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
