using EdiGateway.Sandbox;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace EdiGateway.Sage;

/// <summary>
/// The Sage 200 SANDBOX started inside the gateway process as its own web application on 127.0.0.1:0, with its
/// SQLite file under the data folder. Faults and other sandbox settings come from <c>Sage200:Sandbox</c>.
/// Never a real ledger.
/// </summary>
internal sealed class SageSandboxHost : IAsyncDisposable
{
    private readonly WebApplication app;

    private SageSandboxHost(WebApplication app, Uri root)
    {
        this.app = app;
        Root = root;
    }

    /// <summary>e.g. http://127.0.0.1:41234/ (Sage ID stand-in at /authorize and /oauth/token).</summary>
    public Uri Root { get; }

    /// <summary>The Professional API base URL of the sandbox.</summary>
    public Uri BaseUrl => new(Root, SandboxSetup.BasePaths[0].TrimStart('/') + "/");

    /// <summary>The sandbox's own services (fault injector, company) for tests and diagnostics.</summary>
    public IServiceProvider Services => app.Services;

    public static async Task<SageSandboxHost> StartAsync(string databasePath, IConfigurationSection sandboxSettings, CancellationToken ct)
    {
        var folder = Path.GetDirectoryName(databasePath)!;
        Directory.CreateDirectory(folder);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [], ApplicationName = "edigw-sandbox", ContentRootPath = folder });
        builder.Configuration.Sources.Clear();
        var settings = sandboxSettings.AsEnumerable(makePathsRelative: true)
            .Where(kv => kv.Value is not null)
            .Select(kv => new KeyValuePair<string, string?>("Sandbox:" + kv.Key, kv.Value))
            .Append(new("Sandbox:DatabasePath", databasePath));
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddSageSandbox();
        var app = builder.Build();
        app.MapSageSandbox();
        await app.StartAsync(ct);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SageSandboxHost(app, new Uri(address.TrimEnd('/') + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
