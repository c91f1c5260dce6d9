using EdiGateway.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace EdiGateway.Tests.Support;

/// <summary>The real appliance host in-process on a free loopback port, over a temporary home folder.</summary>
public sealed class GatewayHost : IAsyncDisposable
{
    private GatewayHost(WebApplication app, TempDirectory home, HttpClient client)
    {
        App = app;
        Home = home;
        Client = client;
    }

    public WebApplication App { get; }

    public TempDirectory Home { get; }

    public HttpClient Client { get; }

    public T Get<T>()
        where T : notnull => App.Services.GetRequiredService<T>();

    public static async Task<GatewayHost> StartAsync(Action<TempDirectory>? prepareHome = null)
    {
        var home = new TempDirectory("edigw-host");
        Directory.CreateDirectory(home.Combine("partners"));
        prepareHome?.Invoke(home);
        var app = GatewayApp.Build(new GatewayHome(home.Path), ["--Urls", "http://127.0.0.1:0"]);
        await GatewayApp.PrepareAsync(app, CancellationToken.None);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new GatewayHost(app, home, new HttpClient { BaseAddress = new Uri(address) });
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Home.Dispose();
    }
}
