using EdiGateway.Hosting;
using EdiGateway.Transports.As2;
using EdiGateway.Transports.As2.Http;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;

namespace EdiGateway.Transports;

/// <summary>
/// Registers the partner transports: AS2 receiver and client over the partner catalog, the database AS2 ledger,
/// the transport ledger as inbound sink, SFTP/FTP endpoints, private keys under Data Protection, certificate expiry checks.
/// Settings (section <c>Transports</c>): <c>As2MessageIdDomain</c>, <c>As2UnfoldHeaders</c> (default true, plain-HTTP listeners only).
/// </summary>
public static class TransportsRegistration
{
    public const string Section = "Transports";

    /// <summary>The AS2 receive path.</summary>
    public const string As2Path = "/as2";

    public static WebApplicationBuilder AddGatewayTransports(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var section = builder.Configuration.GetSection(Section);
        services.AddDataProtection().SetApplicationName("edigw");
        services.AddOptions<KeyManagementOptions>().Configure<GatewayHome, IOptions<GatewayOptions>, ILoggerFactory>((o, home, gateway, logs) =>
            o.XmlRepository = new FileSystemXmlRepository(
                new DirectoryInfo(Path.Combine(home.Resolve(gateway.Value.DataDirectory), "keys")), logs));
        services.AddSingleton<PartnerKeyStore>();
        services.AddSingleton<PartnerAs2Directory>();
        services.AddSingleton<IAs2PartnerDirectory>(sp => sp.GetRequiredService<PartnerAs2Directory>());
        services.AddSingleton<IAs2MessageStore, As2MessageLedger>();
        services.AddSingleton<IInboundSink>(sp => sp.GetRequiredService<TransportLedger>());
        services.AddSingleton<RemoteEndpoints>();
        services.AddAs2Transport(o => o.MessageIdDomain = section["As2MessageIdDomain"] ?? "edigateway.local");
        services.AddHostedService<CertificateExpiryMonitor>();
        var urls = builder.Configuration["Urls"] ?? string.Empty;
        if (section.GetValue("As2UnfoldHeaders", true) && !urls.Contains("https", StringComparison.OrdinalIgnoreCase))
        {
            builder.WebHost.ConfigureKestrel(k => k.ConfigureEndpointDefaults(l => l.UseAs2HeaderUnfolding()));
        }

        return builder;
    }

    /// <summary>Maps the AS2 receiver at <see cref="As2Path"/>.</summary>
    public static WebApplication MapGatewayTransports(this WebApplication app)
    {
        app.MapAs2Receiver(As2Path);
        return app;
    }
}
