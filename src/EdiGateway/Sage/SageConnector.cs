using EdiGateway.Hosting;
using EdiGateway.Sage200;
using EdiGateway.Sage200.Auth;
using EdiGateway.Sage200.Client;
using EdiGateway.Sage200.OData;
using EdiGateway.Sage200.Posting;
using EdiGateway.Sandbox.Sage;
using EdiGateway.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EdiGateway.Sage;

/// <summary>
/// Builds the connection to one Sage company from the <c>Sage200</c> section: validates the settings (a
/// <see cref="StartupProblem"/> names each bad one), starts the SANDBOX when <c>Sage200:UseSandbox</c> is true and
/// consents through its Sage ID stand-in, then proves the connection (GET /sites and one $top=1 read).
/// </summary>
internal sealed partial class SageConnector(
    IConfiguration configuration,
    IOptions<GatewayOptions> gatewayOptions,
    GatewayHome home,
    IDbContextFactory<GatewayDbContext> factory,
    LineageLog lineageLog,
    ExceptionQueue exceptions,
    IDataProtectionProvider dataProtection,
    ILoggerFactory loggerFactory,
    TimeProvider clock)
{
    private readonly ILogger logger = loggerFactory.CreateLogger<SageConnector>();

    /// <summary>The connection, or null when Sage posting is disabled.</summary>
    public async Task<SageConnection?> ConnectAsync(CancellationToken ct)
    {
        var (gateway, options, posting) = Bind();
        if (!gateway.Enabled)
        {
            return null;
        }

        SageSandboxHost? sandbox = null;
        if (gateway.UseSandbox)
        {
            var path = home.Resolve(Path.IsPathRooted(gateway.SandboxDatabasePath)
                ? gateway.SandboxDatabasePath
                : Path.Combine(home.Resolve(gatewayOptions.Value.DataDirectory), gateway.SandboxDatabasePath));
            sandbox = await SageSandboxHost.StartAsync(path, configuration.GetSection(SageGatewayOptions.Section + ":Sandbox"), ct);
            PointAtSandbox(options, sandbox, configuration.GetSection(SageGatewayOptions.Section + ":Sandbox"));
            LogSandbox(logger, sandbox.Root.ToString(), path);
        }

        var scope = SageCompanyScope.For(options, sandbox is not null);
        var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        var tokens = new SageTokenManager(http, options, new SageTokenStore(factory, clock), new DataProtectionTokenProtector(dataProtection), clock, loggerFactory.CreateLogger<SageTokenManager>());
        var client = new Sage200Client(http, options, tokens, loggerFactory.CreateLogger<Sage200Client>());
        var lineage = new SagePostingLineage(lineageLog);
        var store = new SageIdempotencyStore(factory, scope, lineage);
        var sink = new SageLineageSink(factory, lineageLog, exceptions, lineage, store, scope, loggerFactory.CreateLogger<SageLineageSink>());
        var resumeEvery = posting.AutoResumeInterval ?? TimeSpan.FromMinutes(1);
        posting.AutoResumeInterval = null; // the posting actor's timer resumes parked postings
        var engine = new SagePostingEngine(client, store, posting, clock, sink, loggerFactory.CreateLogger<SagePostingEngine>());
        var connection = new SageConnection(gateway, options, posting, scope, sandbox, http, tokens, client, lineage, store, engine, resumeEvery, clock, loggerFactory);
        try
        {
            if (sandbox is not null)
            {
                await ConsentAsync(tokens, ct);
            }

            var check = await connection.CheckAsync(TimeSpan.FromSeconds(gateway.HealthTimeoutSeconds), ct);
            LogConnected(logger, check);
            return connection;
        }
        catch (Exception ex) when (ex is SageApiException or HttpRequestException or TimeoutException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            await connection.DisposeAsync();
            throw new StartupProblem($"Sage 200 is not reachable with the Sage200 settings ({options.ResolveBaseUrl()}, site {options.SiteId}, company {options.CompanyId}): {ex.Message}", ex);
        }
    }

    private (SageGatewayOptions Gateway, Sage200Options Options, SagePostingOptions Posting) Bind()
    {
        var section = configuration.GetSection(SageGatewayOptions.Section);
        var gateway = new SageGatewayOptions();
        var options = new Sage200Options();
        var posting = new SagePostingOptions();
        try
        {
            section.Bind(gateway);
            section.Bind(options);
            section.GetSection("Posting").Bind(posting);
        }
        catch (InvalidOperationException ex)
        {
            throw new StartupProblem($"Configuration is not valid:{Environment.NewLine}  Sage200: {ex.GetBaseException().Message}", ex);
        }

        var failures = new List<string>();
        Annotations(failures, gateway, "Sage200");
        if (gateway.Enabled)
        {
            Annotations(failures, posting, "Sage200:Posting");
        }

        failures.AddRange(SageOptionsValidator.Validate(gateway, options, posting));
        if (failures.Count > 0)
        {
            throw new StartupProblem("Configuration is not valid:" + Environment.NewLine + string.Join(Environment.NewLine, failures.Select(f => "  " + f)));
        }

        return (gateway, options, posting);
    }

    private static void Annotations(List<string> failures, object options, string prefix)
    {
        var results = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
        System.ComponentModel.DataAnnotations.Validator.TryValidateObject(options, new(options), results, validateAllProperties: true);
        failures.AddRange(results.Select(r => $"{prefix}:{string.Join(",", r.MemberNames)}: {r.ErrorMessage}"));
    }

    private static void PointAtSandbox(Sage200Options options, SageSandboxHost sandbox, IConfigurationSection settings)
    {
        options.BaseUrl = sandbox.BaseUrl;
        options.TokenEndpoint = new Uri(sandbox.Root, "oauth/token");
        options.AuthorizeEndpoint = new Uri(sandbox.Root, "authorize");
        options.SiteId = SandboxCompany.SiteId;
        options.CompanyId = SandboxCompany.CompanyId;
        options.ClientId = settings["ClientId"] ?? "sandbox-client";
        options.ClientSecret = settings["ClientSecret"] ?? "sandbox-secret";
        options.SubscriptionKey = null;
    }

    /// <summary>The sandbox's Sage ID stand-in consents at once: follow /authorize to the code and exchange it.</summary>
    private static async Task ConsentAsync(SageTokenManager tokens, CancellationToken ct)
    {
        var redirect = new Uri("http://127.0.0.1/edigw/sage/callback");
        using var noRedirect = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var response = await noRedirect.GetAsync(tokens.BuildAuthorizeUrl(redirect, "edigw"), ct);
        var location = response.Headers.Location
            ?? throw new SageApiException(SageErrorKind.Auth, $"SANDBOX Sage ID did not redirect ({(int)response.StatusCode})");
        var code = QueryHelpers.ParseQuery(location.Query).TryGetValue("code", out var values) && values.ToString() is { Length: > 0 } found
            ? found
            : throw new SageApiException(SageErrorKind.Auth, "SANDBOX Sage ID gave no code");
        await tokens.ExchangeCodeAsync(code, redirect, ct);
    }

    [LoggerMessage(EventId = 4331, Level = LogLevel.Warning, Message = "Sage 200 is the SANDBOX at {SandboxUrl} (database {DatabasePath}): a simulator, NOT a real ledger")]
    private static partial void LogSandbox(ILogger logger, string sandboxUrl, string databasePath);

    [LoggerMessage(EventId = 4332, Level = LogLevel.Information, Message = "Sage 200 connected: {Check}")]
    private static partial void LogConnected(ILogger logger, string check);
}

/// <summary>Everything one Sage company connection holds; disposed in reverse order at stop.</summary>
internal sealed record SageConnection(
    SageGatewayOptions Gateway,
    Sage200Options Options,
    SagePostingOptions Posting,
    SageCompanyScope Scope,
    SageSandboxHost? Sandbox,
    HttpClient Http,
    SageTokenManager Tokens,
    Sage200Client Client,
    SagePostingLineage Lineage,
    SageIdempotencyStore Store,
    SagePostingEngine Engine,
    TimeSpan ResumeInterval,
    TimeProvider Clock,
    ILoggerFactory LoggerFactory) : IAsyncDisposable
{
    /// <summary>GET /sites and one $top=1 read; returns a one-line description (SANDBOX when it is one).</summary>
    public async Task<string> CheckAsync(TimeSpan timeout, CancellationToken ct)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(timeout);
        var sites = await Client.GetSitesAsync(cts.Token);
        var site = sites.FirstOrDefault(s => string.Equals(s.SiteId, Options.SiteId, StringComparison.OrdinalIgnoreCase) && s.CompanyId == Options.CompanyId)
            ?? throw new SageApiException(SageErrorKind.NotFound, $"GET /sites does not list site {Options.SiteId} with company {Options.CompanyId} (setting Sage200:SiteId / Sage200:CompanyId)");
        _ = await Client.GetPageAsync<System.Text.Json.Nodes.JsonObject>("/customers", new ODataQuery { Top = 1 }, cts.Token);
        var what = Sandbox is not null ? $"SANDBOX (not a real ledger) at {Sandbox.Root}" : $"Sage 200 {Options.Edition} at {Options.ResolveBaseUrl()}";
        return $"{what}: site '{site.SiteName ?? site.SiteId}', company {site.CompanyId} '{site.CompanyName}'";
    }

    public async ValueTask DisposeAsync()
    {
        await Engine.DisposeAsync();
        Tokens.Dispose();
        Http.Dispose();
        if (Sandbox is not null)
        {
            await Sandbox.DisposeAsync();
        }
    }
}
