using EdiGateway.Sage;
using EdiGateway.Tests.Sage;
using EdiGateway.Sandbox.Sage;
using EdiGateway.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace EdiGateway.Tests.Flows;

/// <summary>The gateway with the sample partners on drop folders, the pipeline running and Sage posting on the in-process SANDBOX.</summary>
internal static class AmazonHost
{
    public static Task<GatewayHost> StartAsync(params string[] settings) => StartAsync(null, settings);

    /// <summary>As <see cref="StartAsync(string[])"/>, with <paramref name="editPartners"/> run on the copied partners folder first.</summary>
    public static Task<GatewayHost> StartAsync(Action<string>? editPartners, params string[] settings) => GatewayHost.StartAsync(
        home =>
        {
            GatewayHost.CopyDirectory(Path.Combine(Repository.Root, "partners"), home.Combine("partners"));
            editPartners?.Invoke(home.Combine("partners"));
        },
    [
        "--Gateway:SpecsDirectory", Path.Combine(Repository.Root, "edi-specs"),
        "--Pipeline:PollIntervalMilliseconds", "100", "--Pipeline:StableForMilliseconds", "50",
        .. SageTestHost.FastSandbox,
        .. settings,
    ]);

    public static SandboxCompany Company(this GatewayHost host) => host.Get<SagePosting>().Connection!.Sandbox!.Services.GetRequiredService<SandboxCompany>();

    /// <summary>Polls <paramref name="probe"/> until it gives a value, failing with <paramref name="what"/> after <paramref name="seconds"/>.</summary>
    public static async Task<T> EventuallyAsync<T>(Func<Task<T?>> probe, string what, int seconds = 30)
        where T : class
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"Timed out waiting for {what}");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Like <see cref="EventuallyAsync{T}(Func{Task{T}}, string, int)"/>, and on a timeout says what the queue and the lineage hold.</summary>
    public static async Task<T> EventuallyAsync<T>(this GatewayHost host, Func<Task<T?>> probe, string what, int seconds = 30)
        where T : class
    {
        try
        {
            return await EventuallyAsync(probe, what, seconds);
        }
        catch (TimeoutException ex)
        {
            await using var db = await host.Get<Microsoft.EntityFrameworkCore.IDbContextFactory<EdiGateway.Storage.GatewayDbContext>>().CreateDbContextAsync();
            var queue = string.Join("\n", Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AsNoTracking(db.Exceptions).Select(e => e.ReasonCode + ": " + e.Message));
            var rows = string.Join("\n", Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AsNoTracking(db.Lineage)
                .Select(e => $"{e.Id} <- {e.ParentId} {e.Kind} {e.DocumentType} {e.Flow} {e.State} {e.Error}"));
            throw new TimeoutException($"{ex.Message}\nqueue:\n{queue}\nlineage:\n{rows}", ex);
        }
    }

    /// <summary>Files the gateway has written to a partner's outbound folder whose names start with <paramref name="prefix"/>.</summary>
    public static string[] Sent(this GatewayHost host, string partnerId, string prefix) =>
        Directory.Exists(host.Outbox(partnerId))
            ? [.. Directory.GetFiles(host.Outbox(partnerId), prefix + "*").Order(StringComparer.Ordinal)]
            : [];
}
