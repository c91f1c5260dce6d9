using System.CommandLine;
using EdiGateway.Storage;
using Microsoft.EntityFrameworkCore;

namespace EdiGateway.Cli;

/// <summary><c>edigw store import|verify</c>: put files into the document store; prove every stored document is intact.</summary>
internal static class StoreCommands
{
    private static readonly Argument<FileInfo[]> Files = new("files") { Description = "Files to store", Arity = ArgumentArity.OneOrMore };

    public static Command Create()
    {
        var store = new Command("store", "Document store tools");
        var import = new Command("import", "Store files in the document store (each once, addressed by SHA-256) and print their hashes");
        import.Arguments.Add(Files);
        import.SetAction((result, ct) => CliSupport.GuardAsync(result, async () =>
        {
            await using var app = CliSupport.BuildToolHost(result);
            await app.Services.GetRequiredService<SchemaMigrator>().MigrateAsync(ct);
            var documents = app.Services.GetRequiredService<IDocumentStore>();
            var output = result.InvocationConfiguration.Output;
            foreach (var file in result.GetValue(Files)!)
            {
                if (!file.Exists)
                {
                    await result.InvocationConfiguration.Error.WriteLineAsync($"edigw: {file.FullName}: no such file");
                    return 2;
                }

                await using var stream = file.OpenRead();
                var stored = await documents.StoreAsync(stream, new DocumentInfo(OriginalName: file.Name), ct);
                await output.WriteLineAsync($"{stored.Sha256}  {stored.Length,10}  {(stored.AlreadyStored ? "duplicate" : "stored   ")}  {file.Name}");
            }

            return 0;
        }));
        var verify = new Command("verify", "Check that every document row has its bytes and that they still hash to their address");
        verify.SetAction((result, ct) => CliSupport.GuardAsync(result, async () =>
        {
            await using var app = CliSupport.BuildToolHost(result);
            var factory = app.Services.GetRequiredService<IDbContextFactory<GatewayDbContext>>();
            var documents = app.Services.GetRequiredService<IDocumentStore>();
            await using var db = await factory.CreateDbContextAsync(ct);
            var bad = 0;
            var count = 0;
            await foreach (var sha in db.Documents.AsNoTracking().Select(d => d.Sha256).AsAsyncEnumerable().WithCancellation(ct))
            {
                count++;
                if (!await documents.VerifyAsync(sha, ct))
                {
                    bad++;
                    await result.InvocationConfiguration.Output.WriteLineAsync($"damaged or missing: {sha}");
                }
            }

            await result.InvocationConfiguration.Output.WriteLineAsync($"{count} document(s) checked, {bad} damaged or missing");
            return bad == 0 ? 0 : 1;
        }));
        store.Subcommands.Add(import);
        store.Subcommands.Add(verify);
        return store;
    }
}
