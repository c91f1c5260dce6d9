using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace EdiGateway.Transports.As2.Http;

/// <summary>Registration and mapping of the AS2 endpoint and client.</summary>
public static class As2EndpointExtensions
{
    /// <summary>Name of the HttpClient used for AS2 sends and async MDNs.</summary>
    public const string HttpClientName = "edigateway-as2";

    /// <summary>
    /// Registers <see cref="As2Receiver"/>, <see cref="As2Client"/>, the MDN inbox and async MDN sender. The caller
    /// registers <see cref="IAs2PartnerDirectory"/>, <see cref="IInboundSink"/> and <see cref="IAs2MessageStore"/>.
    /// </summary>
    public static IServiceCollection AddAs2Transport(this IServiceCollection services, Action<As2EndpointOptions>? configure = null)
    {
        var options = new As2EndpointOptions();
        configure?.Invoke(options);
        services.TryAddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new As2MdnInbox());
        services.AddHttpClient(HttpClientName, c => c.Timeout = Timeout.InfiniteTimeSpan);
        services.TryAddSingleton(sp => new As2AsyncMdnSender(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName), options,
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<As2AsyncMdnSender>>()));
        services.TryAddSingleton(sp => new As2Client(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName), sp.GetRequiredService<As2MdnInbox>(), options,
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<As2Client>>()));
        services.TryAddSingleton<As2Receiver>();
        return services;
    }

    /// <summary>Maps POST <paramref name="pattern"/> to the AS2 receiver; other methods get 405.</summary>
    public static IEndpointConventionBuilder MapAs2Receiver(this IEndpointRouteBuilder endpoints, string pattern) =>
        endpoints.Map(pattern, (RequestDelegate)(context => context.RequestServices.GetRequiredService<As2Receiver>().HandleAsync(context)));
}
