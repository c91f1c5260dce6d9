using System.Text;
using EdiGateway.Tests.Support;
using Microsoft.Data.Sqlite;

namespace EdiGateway.Tests.Pipeline;

/// <summary>
/// The real gateway process killed with SIGKILL in the middle of a file, then started again: every set is
/// processed exactly once, every interchange gets exactly one 997, nothing is queued as a duplicate.
/// </summary>
public sealed class PipelineCrashTests : IDisposable
{
    private const int Interchanges = 60;
    private const int SetsEach = 5;
    private readonly TempDirectory home = new("edigw-pipeline-crash");

    public PipelineCrashTests()
    {
        GatewayHost.CopyDirectory(Path.Combine(Repository.Root, "partners"), home.Combine("partners"));
        File.WriteAllText(home.Combine("appsettings.json"), $$"""
            {
              "Gateway": { "SpecsDirectory": "{{Path.Combine(Repository.Root, "edi-specs")}}" },
              "Pipeline": { "PollIntervalMilliseconds": 100, "StableForMilliseconds": 50 }
            }
            """);
    }

    [Fact]
    public async Task Serve_KilledMidFileAndRestarted_EachSetProcessedExactlyOnce()
    {
        var total = Interchanges * SetsEach;
        var inbound = Directory.CreateDirectory(home.Combine("data", "dropbox", "amazon-vc-test", "in")).FullName;
        await File.WriteAllTextAsync(Path.Combine(inbound, "big.tmp"), X12Fixtures.ManyPurchaseOrders(Interchanges, SetsEach, 8), Encoding.ASCII);
        File.Move(Path.Combine(inbound, "big.tmp"), Path.Combine(inbound, "big.edi"));

        using (var first = EdigwProcess.Start(["serve", "--home", home.Path, "--urls", $"http://127.0.0.1:{PostgresServer.FreePort()}"]))
        {
            var deadline = DateTime.UtcNow.AddSeconds(90);
            while (Count("SELECT count(*) FROM lineage WHERE kind = 3") < 20 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(25);
            }

            first.KillHard();
            await first.WaitForExitAsync(TimeSpan.FromSeconds(10));
        }

        var before = Count("SELECT count(*) FROM lineage WHERE kind = 3 AND state = 'ready-to-post'");
        Assert.InRange(Count("SELECT count(*) FROM lineage WHERE kind = 3"), 20, total - 1);

        using (var second = EdigwProcess.Start(["serve", "--home", home.Path, "--urls", $"http://127.0.0.1:{PostgresServer.FreePort()}"]))
        {
            var deadline = DateTime.UtcNow.AddSeconds(120);
            while (Count("SELECT count(*) FROM lineage WHERE kind = 3 AND state = 'ready-to-post'") < total && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }

            await Task.Delay(500);
            second.Interrupt();
            await second.WaitForExitAsync(TimeSpan.FromSeconds(30));
            Assert.True(Count("SELECT count(*) FROM lineage WHERE kind = 3 AND state = 'ready-to-post'") == total, second.Output);
        }

        Assert.True(before < total, "the kill came after everything was done; the test proved nothing");
        Assert.Equal(total, Count("SELECT count(*) FROM lineage WHERE kind = 3"));
        Assert.Equal(total, Count("SELECT count(DISTINCT purchase_order_number) FROM lineage WHERE kind = 3"));
        Assert.Equal(Interchanges, Count("SELECT count(*) FROM lineage WHERE kind = 1 AND state = 'processed'"));
        Assert.Equal(Interchanges, Count("SELECT count(*) FROM lineage WHERE kind = 4 AND state = 'sent'"));
        Assert.Equal(0, Count("SELECT count(*) FROM exceptions"));
        Assert.Equal(Interchanges, Directory.GetFiles(home.Combine("data", "dropbox", "amazon-vc-test", "out"), "*.edi").Length);
        Assert.Equal(0, Count("SELECT count(*) FROM lineage WHERE kind = 7 AND state <> 'processed'"));
    }

    private long Count(string sql)
    {
        var db = home.Combine("data", "edigateway.db");
        if (!File.Exists(db))
        {
            return 0;
        }

        try
        {
            using var connection = new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
            connection.Open();
            using var cmd = connection.CreateCommand();
            cmd.CommandText = sql;
            return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (SqliteException)
        {
            return 0;
        }
    }

    public void Dispose() => home.Dispose();
}
