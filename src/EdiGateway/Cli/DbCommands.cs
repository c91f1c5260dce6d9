using System.CommandLine;
using EdiGateway.Storage;

namespace EdiGateway.Cli;

/// <summary><c>edigw db status|migrate</c>: where the schema stands; bring it up to date.</summary>
internal static class DbCommands
{
    public static Command Create()
    {
        var db = new Command("db", "Database schema tools");
        var status = new Command("status", "Show the database, its schema version and the version this build expects");
        status.SetAction((result, ct) => CliSupport.GuardAsync(result, async () =>
        {
            await using var app = CliSupport.BuildToolHost(result);
            var target = app.Services.GetRequiredService<DatabaseTarget>();
            var state = await app.Services.GetRequiredService<SchemaMigrator>().GetStatusAsync(ct);
            var output = result.InvocationConfiguration.Output;
            await output.WriteLineAsync($"database: {target.Describe()}");
            await output.WriteLineAsync($"schema:   version {state.CurrentVersion} of {state.LatestVersion}{(state.IsCurrent ? " (current)" : " (migration pending)")}");
            return state.IsCurrent ? 0 : 1;
        }));
        var migrate = new Command("migrate", "Apply pending schema migrations (the gateway also does this at start)");
        migrate.SetAction((result, ct) => CliSupport.GuardAsync(result, async () =>
        {
            await using var app = CliSupport.BuildToolHost(result);
            var applied = await app.Services.GetRequiredService<SchemaMigrator>().MigrateAsync(ct);
            await result.InvocationConfiguration.Output.WriteLineAsync(applied.Count == 0
                ? "schema already current"
                : $"applied migration(s) {string.Join(", ", applied)}");
            return 0;
        }));
        db.Subcommands.Add(status);
        db.Subcommands.Add(migrate);
        return db;
    }
}
