using System.CommandLine;

namespace EdiGateway.Cli;

/// <summary>
/// The <c>edigw</c> executable: no arguments or <c>serve</c> runs the gateway; the other commands are
/// operator tools. Exit codes: 0 success, 1 the checked thing is invalid, 2 bad usage or cannot run.
/// </summary>
public static class EdigwCli
{
    /// <summary>The home folder option, shared by every command.</summary>
    public static readonly Option<string?> HomeOption = new("--home")
    {
        Description = "Home folder holding appsettings.json, partners/ and edi-specs/ (default: EDIGW_HOME, then the current folder)",
        Recursive = true,
    };

    public static RootCommand BuildRoot()
    {
        var root = new RootCommand("EdiGateway (edigw): EDI/B2B gateway for Amazon Vendor Central, 3PL warehouses and Sage 200.");
        root.Options.Add(HomeOption);
        var serve = ServeCommand.Create();
        root.Subcommands.Add(serve);
        root.Subcommands.Add(DbCommands.Create());
        root.Subcommands.Add(StoreCommands.Create());
        root.Subcommands.Add(PartnerCommands.Create());
        root.Subcommands.Add(X12Commands.Create());
        root.SetAction((result, ct) => ServeCommand.RunAsync(result, ct));
        return root;
    }

    public static Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        var config = new InvocationConfiguration
        {
            // The web host handles Ctrl-C itself and shuts down gracefully; do not let the parser kill the process.
            ProcessTerminationTimeout = null,
        };
        if (output is not null)
        {
            config.Output = output;
        }

        if (error is not null)
        {
            config.Error = error;
        }

        return BuildRoot().Parse(args).InvokeAsync(config);
    }
}
