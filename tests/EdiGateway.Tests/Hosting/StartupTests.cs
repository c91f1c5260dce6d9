using System.Net;
using EdiGateway.Tests.Support;

namespace EdiGateway.Tests.Hosting;

/// <summary>The appliance as an operator meets it: the real executable, started, probed, stopped and restarted.</summary>
public sealed class StartupTests : IDisposable
{
    private readonly TempDirectory home = new("edigw-home");

    public StartupTests() => Directory.CreateDirectory(home.Combine("partners"));

    [Fact]
    public async Task Serve_FreshHome_ReadyWithin60SecondsStopsCleanlyOnCtrlCAndReusesTheDatabase()
    {
        var port = PostgresServer.FreePort();
        var url = $"http://127.0.0.1:{port}";
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };

        using (var first = EdigwProcess.Start(["serve", "--home", home.Path, "--urls", url]))
        {
            await WaitReadyAsync(http, url, first);
            first.Interrupt();
            Assert.Equal(0, await first.WaitForExitAsync(TimeSpan.FromSeconds(30)));
            Assert.Contains("Application is shutting down", first.Output, StringComparison.Ordinal);
        }

        Assert.True(File.Exists(home.Combine("data", "edigateway.db")));
        Assert.NotEmpty(Directory.GetFiles(home.Combine("data", "logs"), "edigw-*.json"));

        using var second = EdigwProcess.Start(["serve", "--home", home.Path, "--urls", url]);
        await WaitReadyAsync(http, url, second);
        second.Interrupt();
        Assert.Equal(0, await second.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        var (code, status) = await EdigwProcess.RunAsync(["db", "status", "--home", home.Path]);
        Assert.Equal(0, code);
        Assert.Contains("(current)", status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_MalformedAppSettings_FailsNamingTheFileAndLine()
    {
        await File.WriteAllTextAsync(home.Combine("appsettings.json"), "{\n  \"Database\": {\n    \"Provider\": \"Sqlite\",,\n  }\n}\n");

        var (code, output) = await EdigwProcess.RunAsync(["serve", "--home", home.Path, "--urls", "http://127.0.0.1:0"]);

        Assert.Equal(2, code);
        Assert.Contains($"Configuration file '{home.Combine("appsettings.json")}' is not valid JSON at line 3", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_UnreachableDatabase_FailsNamingTheSettingAndWhereItPointed()
    {
        var port = PostgresServer.FreePort();
        await File.WriteAllTextAsync(home.Combine("appsettings.json"),
            $$"""{ "Database": { "Provider": "PostgreSql", "ConnectionString": "Host=127.0.0.1;Port={{port}};Database=edigw;Username=edigw;Password=secret-pw;Timeout=3" } }""");

        var (code, output) = await EdigwProcess.RunAsync(["serve", "--home", home.Path, "--urls", "http://127.0.0.1:0"]);

        Assert.Equal(2, code);
        Assert.Contains($"Cannot reach the database (PostgreSQL database 'edigw' on 127.0.0.1:{port} as 'edigw'; setting Database:ConnectionString)", output, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-pw", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_UnknownProviderFromEnvironment_FailsNamingTheSetting()
    {
        var (code, output) = await EdigwProcess.RunAsync(
            ["serve", "--home", home.Path, "--urls", "http://127.0.0.1:0"],
            new Dictionary<string, string> { ["EDIGW__Database__Provider"] = "Oracle" });

        Assert.Equal(2, code);
        Assert.Contains("Database:Provider 'Oracle' is not supported; use Sqlite or PostgreSql.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_ListsTheOperatorCommands()
    {
        var (code, output) = await EdigwProcess.RunAsync(["--help"]);

        Assert.Equal(0, code);
        foreach (var command in new[] { "serve", "db", "store", "partner" })
        {
            Assert.Contains(command, output, StringComparison.Ordinal);
        }
    }

    private static async Task WaitReadyAsync(HttpClient http, string url, EdigwProcess process)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var response = await http.GetAsync($"{url}/health/ready");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"/health/ready did not answer 200 within 60 s. Output:\n{process.Output}");
    }

    public void Dispose() => home.Dispose();
}
