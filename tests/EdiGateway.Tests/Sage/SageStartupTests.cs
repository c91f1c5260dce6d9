using EdiGateway.Hosting;
using EdiGateway.Tests.Support;

namespace EdiGateway.Tests.Sage;

/// <summary>Sage settings are checked when the gateway starts; each bad one is named.</summary>
public sealed class SageStartupTests
{
    [Fact]
    public async Task Start_RealSageWithoutSettings_StartupProblemNamesTheSettings()
    {
        using var home = new TempDirectory("edigw-sage-startup");
        Directory.CreateDirectory(home.Combine("partners"));
        await using var app = GatewayApp.Build(new GatewayHome(home.Path),
            ["--Urls", "http://127.0.0.1:0", "--Pipeline:Enabled", "false", "--Sage200:Enabled", "true", "--Sage200:UseSandbox", "false", "--Sage200:Posting:MaxConcurrency", "0"]);
        await GatewayApp.PrepareAsync(app, CancellationToken.None);

        var problem = await Assert.ThrowsAsync<StartupProblem>(() => app.StartAsync());

        Assert.Contains("Sage200:ClientId is required", problem.Message, StringComparison.Ordinal);
        Assert.Contains("Sage200:SiteId is required", problem.Message, StringComparison.Ordinal);
        Assert.Contains("Sage200:CompanyId must be 1 or more", problem.Message, StringComparison.Ordinal);
        Assert.Contains("Sage200:Posting:MaxConcurrency", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_SageNotEnabled_ReadyWithSageDisabled()
    {
        await using var host = await GatewayHost.StartAsync(null, "--Pipeline:Enabled", "false");

        var body = await host.Client.GetStringAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.Contains("Sage posting disabled", body, StringComparison.Ordinal);
        Assert.False(host.Get<EdiGateway.Sage.SagePosting>().IsRunning);
        await Assert.ThrowsAsync<InvalidOperationException>(() => host.Get<EdiGateway.Sage.SagePosting>().SubmitAsync(1, SageTestHost.AmazonOrder("X1"), CancellationToken.None));
    }
}
