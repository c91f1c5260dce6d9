using EdiGateway.Hosting;
using EdiGateway.Sage;
using EdiGateway.Storage;
using EdiGateway.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EdiGateway.Tests.Sage;

/// <summary>The gateway stops with postings in flight; the next start resumes them (Sage lookup first), once each.</summary>
public sealed class SageRestartTests : IDisposable
{
    private readonly TempDirectory home = new("edigw-sage-restart");

    public SageRestartTests() => Directory.CreateDirectory(home.Combine("partners"));

    [Fact]
    public async Task StartAsync_PreviousRunStoppedMidBatch_ResumesEveryPostingExactlyOnce()
    {
        var keys = new List<string>();
        await using (var first = await StartAsync())
        {
            var posting = first.Services.GetRequiredService<SagePosting>();
            var submissions = new List<SagePostingSubmission>();
            for (var i = 1; i <= 30; i++)
            {
                var po = SageTestHost.Po("RST", i);
                var setId = await AddSetAsync(first, po);
                submissions.Add(await posting.SubmitAsync(setId, SageTestHost.AmazonOrder(po), CancellationToken.None));
                keys.Add("AMZ-" + po);
            }

            while (submissions.Count(s => s.Completion.IsCompleted) < 5)
            {
                await Task.Delay(10);
            }

            await first.StopAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await using var second = await StartAsync();
        var factory = second.Services.GetRequiredService<IDbContextFactory<GatewayDbContext>>();
        var deadline = DateTime.UtcNow.AddSeconds(40);
        while (true)
        {
            await using var db = await factory.CreateDbContextAsync();
            if (await db.ErpPostings.CountAsync(p => p.State == "posted") == keys.Count)
            {
                break;
            }

            Assert.True(DateTime.UtcNow < deadline, "postings did not all resume within 40 s");
            await Task.Delay(100);
        }

        var host = second.Services.GetRequiredService<SagePosting>();
        var company = host.Connection!.Sandbox!.Services.GetRequiredService<EdiGateway.Sandbox.Sage.SandboxCompany>();
        var counts = await company.ReadAsync(() => company.Store.All("sop_orders").GroupBy(o => (string?)o["customer_document_no"]).ToDictionary(g => g.Key ?? "", g => g.Count()), default);
        Assert.All(keys, k => Assert.Equal(1, counts.GetValueOrDefault(k)));
        await second.StopAsync();
    }

    private async Task<WebApplication> StartAsync()
    {
        var app = GatewayApp.Build(new GatewayHome(home.Path),
        [
            "--Urls", "http://127.0.0.1:0", "--Pipeline:Enabled", "false", "--Sage200:Enabled", "true", "--Sage200:UseSandbox", "true",
            "--Sage200:Sandbox:Faults:LatencyMs", "20", "--Sage200:Posting:MaxConcurrency", "4", "--Sage200:Posting:MaxRequestsPerSecond", "0",
            "--Sage200:Posting:RetryBaseDelay", "00:00:00.010", "--Sage200:Posting:RetryMaxDelay", "00:00:00.100",
            "--Sage200:Posting:AutoResumeInterval", "00:00:00.500",
        ]);
        await GatewayApp.PrepareAsync(app, CancellationToken.None);
        await app.StartAsync();
        return app;
    }

    private static Task<long> AddSetAsync(WebApplication app, string po) => app.Services.GetRequiredService<LineageLog>().AddAsync(new EdiGateway.Storage.Entities.LineageEntry
    {
        Kind = EdiGateway.Storage.Entities.LineageKind.TransactionSet,
        Direction = EdiGateway.Storage.Entities.Direction.Inbound,
        State = "ready-to-post",
        PurchaseOrderNumber = po,
        CreatedAt = default,
        UpdatedAt = default,
    }, null, CancellationToken.None);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        home.Dispose();
    }
}
