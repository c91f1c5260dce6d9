using EdiGateway.Sage200.Auth;
using EdiGateway.Sage200.Client;
using EdiGateway.Sandbox.Sage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EdiGateway.Sage200.Tests.Infrastructure;

/// <summary>The SANDBOX in process (WebApplicationFactory) over a fresh temp SQLite file, plus connected Sage clients.</summary>
public sealed class SandboxHost : WebApplicationFactory<Program>
{
    public const string BasePath = "/uk/sage200extra/accounts/v1";

    private readonly string databasePath = Path.Combine(Path.GetTempPath(), "edigw-sage-tests-" + Guid.NewGuid().ToString("N") + ".db");

    public SandboxHost()
    {
        _ = Server; // start now
    }

    private readonly List<ContractCaptureHandler> captures = [];

    /// <summary>Every request any connected client sent (and every 2xx answer) held to the contract.</summary>
    public IReadOnlyList<string> ContractViolations => [.. captures.SelectMany(c => c.Violations).Distinct()];

    public SandboxFaultInjector Faults => Services.GetRequiredService<SandboxFaultInjector>();

    public SandboxCompany Company => Services.GetRequiredService<SandboxCompany>();

    public SandboxAuth Auth => Services.GetRequiredService<SandboxAuth>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Sandbox:DatabasePath", databasePath);
        builder.ConfigureLogging(l => l.ClearProviders());
    }

    public static Sage200Options Options() => new()
    {
        BaseUrl = new Uri("http://localhost" + BasePath + "/"),
        TokenEndpoint = new Uri("http://localhost/oauth/token"),
        AuthorizeEndpoint = new Uri("http://localhost/authorize"),
        ClientId = "sandbox-client",
        ClientSecret = "sandbox-secret",
        SiteId = SandboxCompany.SiteId,
        CompanyId = SandboxCompany.CompanyId,
    };

    /// <summary>A client that went through the Sage ID consent + code exchange against the sandbox.</summary>
    public async Task<ConnectedClient> ConnectAsync(TimeProvider? time = null, ITokenStore? store = null)
    {
        var capture = new ContractCaptureHandler(BasePath) { InnerHandler = Server.CreateHandler() };
        lock (captures)
        {
            captures.Add(capture);
        }

        var http = new HttpClient(capture) { Timeout = Timeout.InfiniteTimeSpan };
        var options = Options();
        store ??= new InMemoryTokenStore();
        var protector = new DataProtectionTokenProtector(DataProtectionProvider.Create("edigw-sage-tests"));
        var tokens = new SageTokenManager(http, options, store, protector, time ?? TimeProvider.System, NullLogger<SageTokenManager>.Instance);
        var redirect = new Uri("http://127.0.0.1/sage/callback");
        using var consent = await http.GetAsync(tokens.BuildAuthorizeUrl(redirect, "state-1"));
        var code = System.Web.HttpUtility.ParseQueryString(consent.Headers.Location!.Query)["code"]!;
        await tokens.ExchangeCodeAsync(code, redirect, CancellationToken.None);
        var client = new Sage200Client(http, options, tokens, NullLogger<Sage200Client>.Instance);
        return new ConnectedClient(client, tokens, capture, store, http);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var f in new[] { databasePath, databasePath + "-wal", databasePath + "-shm" })
        {
            File.Delete(f);
        }
    }
}

public sealed record ConnectedClient(Sage200Client Client, SageTokenManager Tokens, ContractCaptureHandler Capture, ITokenStore Store, HttpClient Http);
