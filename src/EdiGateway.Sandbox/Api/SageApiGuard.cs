using System.Globalization;
using System.Text.Json.Nodes;
using EdiGateway.Sandbox.Sage;

namespace EdiGateway.Sandbox.Api;

/// <summary>
/// What every Sage API call goes through: Bearer check (401 with Sage's Message body), X-Site/X-Company,
/// injected latency and 5xx, and translation of sandbox rule failures into Sage-like 400 bodies.
/// </summary>
internal sealed partial class SageApiGuard(SandboxAuth auth, SandboxFaultInjector faults, TimeProvider time, ILogger<SageApiGuard> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var header = http.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.Ordinal) || !auth.IsValid(header["Bearer ".Length..]))
        {
            return Message(StatusCodes.Status401Unauthorized, "Authorization has been denied for this request.");
        }

        var isSites = http.Request.Path.Value?.EndsWith("/sites", StringComparison.Ordinal) == true;
        if (!isSites && (http.Request.Headers["X-Site"] != SandboxCompany.SiteId
            || http.Request.Headers["X-Company"] != SandboxCompany.CompanyId.ToString(CultureInfo.InvariantCulture)))
        {
            // ⚠ Sage's answer to a missing/wrong X-Site is not documented; the sandbox answers 403.
            return Message(StatusCodes.Status403Forbidden, "The X-Site and X-Company headers must name a site and company this user can access.");
        }

        var current = faults.Current;
        if (current.LatencyMs > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(current.LatencyMs), time, http.RequestAborted).ConfigureAwait(false);
        }

        if (faults.TakeThrottle())
        {
            http.Response.Headers.RetryAfter = "1";
            return Message(StatusCodes.Status429TooManyRequests, "SANDBOX injected fault: rate limit exceeded.");
        }

        var isWrite = !HttpMethods.IsGet(http.Request.Method);
        if (faults.TakeServerError(isWrite))
        {
            LogFault(logger, "5xx", http.Request.Path);
            return Message(StatusCodes.Status503ServiceUnavailable, "SANDBOX injected fault: service unavailable.");
        }

        try
        {
            return await next(context).ConfigureAwait(false);
        }
        catch (SageLockedException ex)
        {
            LogFault(logger, "lock", http.Request.Path);
            return Message(StatusCodes.Status400BadRequest, ex.Message);
        }
        catch (SageBadRequestException ex)
        {
            return Message(StatusCodes.Status400BadRequest, ex.Message);
        }
    }

    internal static IResult Message(int status, string message) =>
        TypedResults.Text(new JsonObject { ["Message"] = message }.ToJsonString(), "application/json", statusCode: status);

    [LoggerMessage(EventId = 9101, Level = LogLevel.Information, Message = "SANDBOX fault injected ({Fault}) on {Path}")]
    private static partial void LogFault(ILogger logger, string fault, PathString path);
}
