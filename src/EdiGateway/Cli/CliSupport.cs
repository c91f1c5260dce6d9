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

    /// <summary>The <c>Gateway</c> settings of the home named on the command line, without starting a host.</summary>
    public static (GatewayHome Home, GatewayOptions Options) ReadGatewayOptions(ParseResult result)
    {
        var home = GatewayHome.Locate(result.GetValue(EdigwCli.HomeOption));
        var configuration = new ConfigurationBuilder();
        GatewayConfiguration.AddGatewaySources(configuration, home, GatewayConfiguration.EnvironmentName);
        var options = new GatewayOptions();
        configuration.Build().GetSection(GatewayOptions.Section).Bind(options);
        return (home, options);
    }

    /// <summary>A host with configuration, options and storage but no web endpoints started, for operator commands.</summary>
    public static WebApplication BuildToolHost(ParseResult result) =>
        GatewayApp.Build(GatewayHome.Locate(result.GetValue(EdigwCli.HomeOption)), []);
}
