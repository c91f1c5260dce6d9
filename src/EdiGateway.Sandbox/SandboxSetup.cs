using EdiGateway.Sandbox.Api;
using EdiGateway.Sandbox.Sage;
using EdiGateway.Sandbox.Storage;
using Microsoft.EntityFrameworkCore;

namespace EdiGateway.Sandbox;

/// <summary>Wires the Sage 200 SANDBOX (services and endpoints) so Program.cs stays two lines.</summary>
public static partial class SandboxSetup
{
    /// <summary>Published base paths: Professional and Standard.</summary>
    public static readonly string[] BasePaths = ["/uk/sage200extra/accounts/v1", "/uk/sage200/accounts/v1"];

    public static WebApplicationBuilder AddSageSandbox(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection("Sandbox").Get<SandboxOptions>() ?? new SandboxOptions();
        if (Path.GetDirectoryName(Path.GetFullPath(options.DatabasePath)) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }

        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddDbContextFactory<SandboxDbContext>(o => o.UseSqlite("Data Source=" + options.DatabasePath));
        builder.Services.AddSingleton<SageStore>();
        builder.Services.AddSingleton<SandboxFaultInjector>();
        builder.Services.AddSingleton<SandboxAuth>();
        builder.Services.AddSingleton<SandboxCompany>();
        builder.Services.AddSingleton<SageApiGuard>();
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        return builder;
    }

    public static WebApplication MapSageSandbox(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("EdiGateway.Sandbox");
        var options = app.Services.GetRequiredService<SandboxOptions>();
        app.Services.GetRequiredService<SandboxCompany>();
        LogBanner(logger, options.DatabasePath);
        app.Use((context, next) =>
        {
            context.Response.Headers["X-Sandbox"] = "true";
            return next(context);
        });
        app.MapGet("/", () => TypedResults.Json(new Dictionary<string, object>
        {
            ["sandbox"] = true,
            ["product"] = "EdiGateway Sage 200 SANDBOX",
            ["warning"] = "SANDBOX: a simulator for demos and tests. Nothing here is a real ledger.",
            ["base_paths"] = BasePaths,
            ["authorize_endpoint"] = "/authorize",
            ["token_endpoint"] = "/oauth/token",
            ["site_id"] = SandboxCompany.SiteId,
            ["company_id"] = SandboxCompany.CompanyId,
            ["admin"] = "/sandbox/admin",
        }));
        app.MapSageIdApi();
        foreach (var basePath in BasePaths)
        {
            app.MapSageApi(basePath);
        }

        app.MapAdminApi();
        return app;
    }

    [LoggerMessage(EventId = 9001, Level = LogLevel.Warning, Message = "SANDBOX Sage 200 simulator starting (database {DatabasePath}) - this is NOT a real ledger")]
    private static partial void LogBanner(ILogger logger, string databasePath);
}
