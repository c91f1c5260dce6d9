using EdiGateway.Hosting;
using EdiGateway.Sage;
using EdiGateway.Sandbox.Sage;
using EdiGateway.Storage;
using EdiGateway.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EdiGateway.Tests.Flows;

/// <summary>The gateway with the sample partners, pipeline and Sage SANDBOX over a home folder the test owns, so it can be stopped and started again on the same data.</summary>
internal sealed class RestartableHost : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly TempDirectory home;

    private RestartableHost(WebApplication app, TempDirectory home)
    {
        this.app = app;
        this.home = home;
    }

    public SagePosting Posting => app.Services.GetRequiredService<SagePosting>();

    public SandboxFaultInjector Faults => Posting.Connection!.Sandbox!.Services.GetRequiredService<SandboxFaultInjector>();

    public SandboxCompany Company => Posting.Connection!.Sandbox!.Services.GetRequiredService<SandboxCompany>();

    public static async Task<RestartableHost> StartAsync(TempDirectory home)
    {
        var app = GatewayApp.Build(new GatewayHome(home.Path),
        [
            "--Urls", "http://127.0.0.1:0", "--Gateway:SpecsDirectory", Path.Combine(Repository.Root, "edi-specs"),
            "--Pipeline:PollIntervalMilliseconds", "100", "--Pipeline:StableForMilliseconds", "50", .. RemittanceFlowTests.SageOn,
        ]);
        await GatewayApp.PrepareAsync(app, CancellationToken.None);
        await app.StartAsync();
        return new RestartableHost(app, home);
    }

    public void Drop(byte[] content)
    {
        var inbound = home.Combine("data", "dropbox", "amazon-vc-test", "in");
        Directory.CreateDirectory(inbound);
        var temp = Path.Combine(inbound, "remit.edi.tmp");
        File.WriteAllBytes(temp, content);
        File.Move(temp, Path.Combine(inbound, "remit.edi"));
    }

    /// <summary>Polls the gateway database until <paramref name="condition"/> holds.</summary>
    public async Task UntilAsync(Func<GatewayDbContext, Task<bool>> condition, TimeSpan timeout)
    {
        var factory = app.Services.GetRequiredService<IDbContextFactory<GatewayDbContext>>();
        var until = DateTime.UtcNow + timeout;
        while (true)
        {
            await using (var db = await factory.CreateDbContextAsync())
            {
                if (await condition(db))
                {
                    return;
                }
            }

            Assert.True(DateTime.UtcNow < until, "timed out waiting for the gateway");
            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
