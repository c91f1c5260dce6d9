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

    public static async Task<GatewayHost> StartAsync(Action<TempDirectory>? prepareHome = null, params string[] settings)
    {
        var home = new TempDirectory("edigw-host");
        Directory.CreateDirectory(home.Combine("partners"));
        prepareHome?.Invoke(home);
        var app = GatewayApp.Build(new GatewayHome(home.Path), ["--Urls", "http://127.0.0.1:0", .. settings]);
        await GatewayApp.PrepareAsync(app, CancellationToken.None);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new GatewayHost(app, home, new HttpClient { BaseAddress = new Uri(address) });
    }

    /// <summary>
    /// A host with the repository's edi-specs and sample partner profiles (drop folders under the temp home),
    /// polling fast so tests run quickly.
    /// </summary>
    public static Task<GatewayHost> StartWithSamplePartnersAsync(params string[] settings) =>
        StartAsync(
            home => CopyDirectory(Path.Combine(Repository.Root, "partners"), home.Combine("partners")),
            ["--Gateway:SpecsDirectory", Path.Combine(Repository.Root, "edi-specs"),
             "--Pipeline:PollIntervalMilliseconds", "100", "--Pipeline:StableForMilliseconds", "50", .. settings]);

    /// <summary>Writes a file into a partner's inbound drop folder the way partners should: temp name, then rename.</summary>
    public string Drop(string partnerId, string fileName, byte[] content)
    {
        var inbound = Home.Combine("data", "dropbox", partnerId, "in");
        Directory.CreateDirectory(inbound);
        var temp = Path.Combine(inbound, fileName + ".tmp");
        File.WriteAllBytes(temp, content);
        var final = Path.Combine(inbound, fileName);
        File.Move(temp, final);
        return final;
    }

    public string Outbox(string partnerId) => Home.Combine("data", "dropbox", partnerId, "out");

    public static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
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
