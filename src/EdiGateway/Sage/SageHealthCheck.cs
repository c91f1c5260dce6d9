using EdiGateway.Sage200;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EdiGateway.Sage;

/// <summary>/health/ready: Sage answers GET /sites and a $top=1 read; the description says SANDBOX when it is one.</summary>
internal sealed class SageHealthCheck(SagePosting posting) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (posting.Connection is not { } connection)
        {
            return HealthCheckResult.Healthy("Sage posting disabled (Sage200:Enabled is false)");
        }

        try
        {
            var text = await connection.CheckAsync(TimeSpan.FromSeconds(connection.Gateway.HealthTimeoutSeconds), cancellationToken);
            return posting.IsRunning ? HealthCheckResult.Healthy(text) : HealthCheckResult.Unhealthy(text + "; posting actor not running");
        }
        catch (Exception ex) when (ex is SageApiException or HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            var what = connection.Sandbox is not null ? "SANDBOX Sage 200" : "Sage 200";
            return HealthCheckResult.Unhealthy($"{what} not answering: {ex.Message}");
        }
    }
}
