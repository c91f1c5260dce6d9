using EdiGateway.Partners;
using EdiGateway.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EdiGateway.Hosting;

/// <summary>Ready only when the database answers and its schema is the one this build expects.</summary>
internal sealed class DatabaseHealthCheck(SchemaMigrator migrator) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var status = await migrator.GetStatusAsync(cancellationToken);
            return status.IsCurrent
                ? HealthCheckResult.Healthy($"schema version {status.CurrentVersion}")
                : HealthCheckResult.Unhealthy($"schema version {status.CurrentVersion}, expected {status.LatestVersion}");
        }
        catch (StartupProblem problem)
        {
            return HealthCheckResult.Unhealthy(problem.Message);
        }
    }
}

/// <summary>Ready only once partner profiles have been loaded (invalid ones are reported, not fatal).</summary>
internal sealed class PartnerProfilesHealthCheck(PartnerCatalog catalog) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var snapshot = catalog.Current;
        if (snapshot is null)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("partner profiles not loaded yet"));
        }

        var text = $"{snapshot.Partners.Count} partner(s) loaded, {snapshot.Problems.Count} refused";
        return Task.FromResult(snapshot.Problems.Count == 0 ? HealthCheckResult.Healthy(text) : HealthCheckResult.Degraded(text));
    }
}
