using System.CommandLine;
using EdiGateway.Hosting;

namespace EdiGateway.Cli;

/// <summary><c>edigw serve</c>: runs the gateway until Ctrl-C or SIGTERM, then stops gracefully.</summary>
internal static class ServeCommand
{
    private static readonly Option<string?> UrlsOption = new("--urls")
    {
        Description = "Addresses to listen on (default from the Urls setting, else http://127.0.0.1:5080)",
    };

    public static Command Create()
    {
        var command = new Command("serve", "Run the gateway (the default when no command is given)");
        command.Options.Add(UrlsOption);
        command.SetAction(RunAsync);
        return command;
    }

    public static async Task<int> RunAsync(ParseResult result, CancellationToken ct)
    {
        var urls = result.GetResult(UrlsOption) is null ? null : result.GetValue(UrlsOption);
        string[] args = urls is null ? [] : ["--Urls", urls];
        return await CliSupport.GuardAsync(result, async () =>
        {
            var home = GatewayHome.Locate(result.GetValue(EdigwCli.HomeOption));
            await using var app = GatewayApp.Build(home, args);
            await GatewayApp.PrepareAsync(app, ct);
            await app.RunAsync();
            return 0;
        });
    }
}
