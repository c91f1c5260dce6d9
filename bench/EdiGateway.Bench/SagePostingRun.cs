using System.Diagnostics;
using EdiGateway.Sage200.Auth;
using EdiGateway.Sage200.Client;
using EdiGateway.Sage200.Models;
using EdiGateway.Sage200.Posting;
using EdiGateway.Sage200;
using EdiGateway.Sandbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.Logging.Abstractions;

namespace EdiGateway.Bench;

/// <summary>
/// Sage posting throughput: the posting engine against the real Kestrel SANDBOX on loopback with 50 ms latency and 5%
/// record-lock errors, at several concurrency levels; prints postings/s and p50/p95 per posting.
/// <c>dotnet run -c Release --project bench/EdiGateway.Bench -- sage</c>
/// </summary>
internal static class SagePostingRun
{
    public static async Task<int> RunAsync()
    {
        var db = Path.Combine(Path.GetTempPath(), "sagebench-" + Guid.NewGuid().ToString("N") + ".db");
        var builder = WebApplication.CreateBuilder(["--Sandbox:DatabasePath=" + db]);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.AddSageSandbox();
        await using var app = builder.Build();
        app.MapSageSandbox();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        var faults = app.Services.GetRequiredService<EdiGateway.Sandbox.Sage.SandboxFaultInjector>();

        var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, MaxConnectionsPerServer = 64 }) { Timeout = Timeout.InfiniteTimeSpan };
        var options = new Sage200Options
        {
            BaseUrl = new Uri(address + "/uk/sage200extra/accounts/v1/"), TokenEndpoint = new Uri(address + "/oauth/token"), AuthorizeEndpoint = new Uri(address + "/authorize"),
            ClientId = "sandbox-client", ClientSecret = "sandbox-secret", SiteId = EdiGateway.Sandbox.Sage.SandboxCompany.SiteId, CompanyId = 1,
        };
        var tokens = new SageTokenManager(http, options, new InMemoryTokenStore(), new DataProtectionTokenProtector(DataProtectionProvider.Create("bench")), TimeProvider.System, NullLogger<SageTokenManager>.Instance);
        var redirect = new Uri("http://127.0.0.1/cb");
        using (var consent = await http.GetAsync(tokens.BuildAuthorizeUrl(redirect, "s")))
        {
            await tokens.ExchangeCodeAsync(System.Web.HttpUtility.ParseQueryString(consent.Headers.Location!.Query)["code"]!, redirect, default);
        }

        var client = new Sage200Client(http, options, tokens, NullLogger<Sage200Client>.Instance);
        faults.Set(new SandboxFaults { LatencyMs = 50, LockErrorRate = 0.05, Seed = 7 });
        var run = 0;
        foreach (var concurrency in new[] { 1, 4, 8, 16, 32 })
        {
            var n = Math.Max(100, concurrency * 40);
            var store = new InMemorySageIdempotencyStore();
            await using var engine = new SagePostingEngine(client, store, new SagePostingOptions
            {
                MaxConcurrency = concurrency, MaxRequestsPerSecond = 0, MaxBatchSize = 10_000, RetryBaseDelay = TimeSpan.FromMilliseconds(200), RetryMaxDelay = TimeSpan.FromSeconds(2),
                AttemptTimeout = TimeSpan.FromSeconds(10), AutoResumeInterval = null, SalesOrderDocumentTypeId = 0, CircuitMinimumThroughput = 10_000,
            }, TimeProvider.System, null, NullLogger<SagePostingEngine>.Instance);
            run++;
            var postings = Enumerable.Range(1, n).Select(i => new SalesOrderPosting(SageChannel.Amazon, $"B{run}-{i}", new SageSopOrder
            {
                CustomerId = 27006, DocumentDate = DateTimeOffset.UtcNow.Date,
                Lines = [new SageSopOrderLine { LineType = SageLineType.Standard, ProductId = 135873, WarehouseId = 1214, LineQuantity = 1, SellingUnitPrice = 2.10m, TaxCodeId = 1729 }],
            })).ToList();
            var sw = Stopwatch.StartNew();
            var results = await engine.PostBatchAsync(postings);
            sw.Stop();
            var ok = results.Count(r => r.Outcome == SagePostingOutcome.Posted);
            var locks = results.Sum(r => r.Events.OfType<SagePostingLocked>().Count());
            var lat = results.Select(r => (r.Events[^1].At - r.Events[0].At).TotalMilliseconds).Order().ToList();
            Console.WriteLine($"concurrency {concurrency,2}: {n} postings, {ok} posted, {locks} locks retried, {n / sw.Elapsed.TotalSeconds:F1} postings/s, p50 {lat[lat.Count / 2]:F0} ms, p95 {lat[(int)(lat.Count * 0.95)]:F0} ms");
        }

        await app.StopAsync();
        return 0;
    }
}
