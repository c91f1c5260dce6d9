using EdiGateway.Tests.Support;

namespace EdiGateway.Tests.Storage;

/// <summary>
/// A process killed (SIGKILL) while it stores documents leaves nothing half-written: every document row has
/// its bytes and they hash to their address, and storing again completes with the earlier ones as duplicates.
/// </summary>
public abstract class CrashTests : IDisposable
{
    private readonly TempDirectory home = new("edigw-crash");

    protected CrashTests() => Directory.CreateDirectory(home.Combine("partners"));

    protected abstract Task<Dictionary<string, string>> EnvironmentAsync();

    [Fact]
    public async Task StoreImport_KilledMidway_NoHalfWrittenStateAfterRestart()
    {
        var environment = await EnvironmentAsync();
        var input = Directory.CreateDirectory(home.Combine("input")).FullName;
        var random = new Random(42);
        var files = new List<string>();
        // enough documents that the import cannot finish between seeing the 40th "stored" and the kill, however quiet the machine
        for (var i = 0; i < 1500; i++)
        {
            var bytes = new byte[random.Next(2_000, 30_000)];
            random.NextBytes(bytes);
            var path = Path.Combine(input, $"doc{i:D4}.bin");
            await File.WriteAllBytesAsync(path, bytes);
            files.Add(path);
        }

        using (var importer = EdigwProcess.Start(["store", "import", "--home", home.Path, .. files], environment))
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (CountLines(importer.Output, "stored") < 40 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20);
            }

            importer.KillHard();
            await importer.WaitForExitAsync(TimeSpan.FromSeconds(10));
            Assert.InRange(CountLines(importer.Output, "stored"), 40, files.Count - 1);
        }

        var (verifyCode, verify) = await EdigwProcess.RunAsync(["store", "verify", "--home", home.Path], environment);
        Assert.True(verifyCode == 0, verify);
        Assert.Contains(", 0 damaged or missing", verify, StringComparison.Ordinal);

        var (importCode, again) = await EdigwProcess.RunAsync(["store", "import", "--home", home.Path, .. files], environment, TimeSpan.FromSeconds(120));
        Assert.Equal(0, importCode);
        Assert.Equal(files.Count, CountLines(again, "stored") + CountLines(again, "duplicate"));
        Assert.InRange(CountLines(again, "duplicate"), 40, files.Count - 1);

        var (finalCode, final) = await EdigwProcess.RunAsync(["store", "verify", "--home", home.Path], environment);
        Assert.Equal(0, finalCode);
        Assert.Contains($"{files.Count} document(s) checked, 0 damaged or missing", final, StringComparison.Ordinal);
    }

    private static int CountLines(string output, string word) =>
        output.Split('\n').Count(l => l.Length > 80 && l.Contains($"  {word}", StringComparison.Ordinal));

    public void Dispose() => home.Dispose();
}

/// <summary>The crash test on SQLite.</summary>
public sealed class SqliteCrashTests : CrashTests
{
    protected override Task<Dictionary<string, string>> EnvironmentAsync() => Task.FromResult(new Dictionary<string, string>());
}

/// <summary>The crash test on PostgreSQL.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresCrashTests(PostgresServer server) : CrashTests
{
    protected override async Task<Dictionary<string, string>> EnvironmentAsync() => new()
    {
        ["EDIGW__Database__Provider"] = "PostgreSql",
        ["EDIGW__Database__ConnectionString"] = await server.CreateDatabaseAsync(),
    };
}
