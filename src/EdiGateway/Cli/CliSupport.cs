using System.CommandLine;
using EdiGateway.Hosting;

namespace EdiGateway.Cli;

/// <summary>Turns start-up problems into one plain message on stderr and exit code 2.</summary>
internal static class CliSupport
{
    public static async Task<int> GuardAsync(ParseResult result, Func<Task<int>> action)
    {
        try
        {
            return await action();
        }
        catch (StartupProblem problem)
        {
            await result.InvocationConfiguration.Error.WriteLineAsync($"edigw: {problem.Message}");
            return 2;
        }
    }

    /// <summary>A host with configuration, options and storage but no web endpoints started, for operator commands.</summary>
    public static WebApplication BuildToolHost(ParseResult result) =>
        GatewayApp.Build(GatewayHome.Locate(result.GetValue(EdigwCli.HomeOption)), []);
}
