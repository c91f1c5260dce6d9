using EdiGateway.Api;
using EdiGateway.Partners;
using EdiGateway.Pipeline;
using EdiGateway.Sage;
using EdiGateway.Storage;
using EdiGateway.Transports;
using Microsoft.Extensions.Options;
using Serilog;

namespace EdiGateway.Hosting;

/// <summary>Builds the appliance's web host: configuration, logging, options, storage, partners, API.</summary>
public static class GatewayApp
{
    public static WebApplication Build(GatewayHome home, string[] args, Action<WebApplicationBuilder>? customize = null)
    {
        // The web builder reads appsettings.json from the content root itself; check it first so a JSON error
        // is reported with file, line and column rather than as an unhandled exception.
        GatewayConfiguration.CheckFiles(home, GatewayConfiguration.EnvironmentName);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = home.Path,
            ApplicationName = "edigw",
        });
        GatewayConfiguration.AddGatewaySources(builder.Configuration, home, builder.Environment.EnvironmentName);
        builder.Configuration.AddCommandLine(args);
        builder.WebHost.UseUrls(builder.Configuration["Urls"] ?? "http://127.0.0.1:5080");

        builder.Services.AddSingleton(home);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddGatewayOptions();
        builder.Services.AddSerilog((sp, logger) => GatewayLogging.Configure(
            logger,
            builder.Configuration,
            home.Resolve(sp.GetRequiredService<IOptions<GatewayOptions>>().Value.DataDirectory)));
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(
            builder.Configuration.GetValue($"{GatewayOptions.Section}:{nameof(GatewayOptions.ShutdownTimeoutSeconds)}", 30)));

        builder.Services.AddGatewayStorage();
        builder.Services.AddSingleton<PartnerCatalog>();
        builder.Services.AddHostedService<PartnerProfileWatcher>();
        builder.Services.AddGatewayPipeline();
        builder.Services.AddGatewaySage();
        builder.AddGatewayTransports();
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: ["ready"])
            .AddCheck<PartnerProfilesHealthCheck>("partners", tags: ["ready"]);
        customize?.Invoke(builder);

        var app = builder.Build();
        app.UseMiddleware<RequestLogging>();
        app.UseExceptionHandler();
        app.MapHealthApi();
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapLineageApi();
        app.MapDocumentsApi();
        app.MapExceptionsApi();
        app.MapDeadlinesApi();
        app.MapWarehouseApi();
        app.MapGatewayTransports();
        return app;
    }

    /// <summary>
    /// Everything that must hold before the gateway takes traffic: options valid, database reachable and
    /// migrated, partner profiles loaded. Throws <see cref="StartupProblem"/> naming the setting or file.
    /// </summary>
    public static async Task PrepareAsync(WebApplication app, CancellationToken ct)
    {
        ValidateOptions(app.Services);
        var migrator = app.Services.GetRequiredService<SchemaMigrator>();
        await migrator.MigrateAsync(ct);
        app.Services.GetRequiredService<PartnerCatalog>().Reload();
    }

    private static void ValidateOptions(IServiceProvider services)
    {
        try
        {
            _ = services.GetRequiredService<IOptions<GatewayOptions>>().Value;
            _ = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        }
        catch (OptionsValidationException ex)
        {
            throw new StartupProblem("Configuration is not valid:" + Environment.NewLine + string.Join(Environment.NewLine, ex.Failures.Select(f => "  " + f)), ex);
        }
    }

    private static IServiceCollection AddGatewayOptions(this IServiceCollection services)
    {
        services.AddOptions<GatewayOptions>().BindConfiguration(GatewayOptions.Section).ValidateDataAnnotations();
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateDataAnnotations();
        services.AddSingleton<IValidateOptions<DatabaseOptions>, DatabaseOptionsValidator>();
        services.AddSingleton<IValidateOptions<GatewayOptions>, GatewayOptionsValidator>();
        return services;
    }
}
