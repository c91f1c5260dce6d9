using EdiGateway.Hosting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;

namespace EdiGateway.Sage;

/// <summary>Registers Sage 200 posting: Data Protection for tokens at rest, the connector, the posting service, the ready check.</summary>
public static class SageRegistration
{
    public static IServiceCollection AddGatewaySage(this IServiceCollection services)
    {
        services.AddDataProtection()
            .SetApplicationName("edigw")
            .Services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(o =>
            {
                var data = sp.GetRequiredService<GatewayHome>().Resolve(sp.GetRequiredService<IOptions<GatewayOptions>>().Value.DataDirectory);
                o.XmlRepository = new Microsoft.AspNetCore.DataProtection.Repositories.FileSystemXmlRepository(
                    new DirectoryInfo(Path.Combine(data, "keys")), sp.GetRequiredService<ILoggerFactory>());
            }));
        services.AddSingleton<SageConnector>();
        services.AddSingleton(sp => new SagePosting(sp.GetRequiredService<SageConnector>(), sp.GetRequiredService<ILogger<SagePosting>>()));
        services.AddHostedService(sp => sp.GetRequiredService<SagePosting>());
        services.AddHealthChecks().AddCheck<SageHealthCheck>("sage", tags: ["ready"]);
        return services;
    }
}
