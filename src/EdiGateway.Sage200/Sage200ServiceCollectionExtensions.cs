using EdiGateway.Sage200.Posting;
using Microsoft.Extensions.DependencyInjection;

namespace EdiGateway.Sage200;

/// <summary>Options registration for the appliance: bound from configuration, validated at start-up.</summary>
public static class Sage200ServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="Sage200Options"/> (section <paramref name="section"/>) and <see cref="SagePostingOptions"/>
    /// (<c>{section}:Posting</c>) with data-annotation validation on start.
    /// </summary>
    public static IServiceCollection AddSage200Options(this IServiceCollection services, string section = "Sage200")
    {
        services.AddOptions<Sage200Options>().BindConfiguration(section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SagePostingOptions>().BindConfiguration(section + ":Posting").ValidateDataAnnotations().ValidateOnStart();
        return services;
    }
}
