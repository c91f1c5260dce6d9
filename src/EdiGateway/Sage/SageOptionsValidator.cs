using EdiGateway.Sage200;
using EdiGateway.Sage200.Posting;

namespace EdiGateway.Sage;

/// <summary>
/// Checks the <c>Sage200</c> section as a whole when Sage is enabled; every message names the setting. With the
/// sandbox the connection settings are filled in by the gateway, so only the posting settings are checked.
/// </summary>
internal static class SageOptionsValidator
{
    public static IReadOnlyList<string> Validate(SageGatewayOptions gateway, Sage200Options sage, SagePostingOptions posting)
    {
        var failures = new List<string>();
        if (!gateway.Enabled)
        {
            return failures;
        }

        if (!gateway.UseSandbox)
        {
            if (string.IsNullOrWhiteSpace(sage.ClientId))
            {
                failures.Add("Sage200:ClientId is required (the OAuth client id from Sage Developer Services), or set Sage200:UseSandbox to true.");
            }

            if (string.IsNullOrWhiteSpace(sage.SiteId))
            {
                failures.Add("Sage200:SiteId is required (site_id from GET /sites).");
            }
            else if (sage.SiteId.Length > 36)
            {
                failures.Add($"Sage200:SiteId is {sage.SiteId.Length} characters; Sage site ids have at most 36.");
            }

            if (sage.CompanyId < 1)
            {
                failures.Add("Sage200:CompanyId must be 1 or more (company_id from GET /sites).");
            }

            if (sage.BaseUrl is { } url && (!url.IsAbsoluteUri || !url.AbsoluteUri.EndsWith('/')))
            {
                failures.Add($"Sage200:BaseUrl '{url}' must be an absolute URL ending with '/'.");
            }

            if (!Enum.IsDefined(sage.Edition))
            {
                failures.Add($"Sage200:Edition '{sage.Edition}' is not supported; use Professional or Standard.");
            }
        }

        Positive(failures, "Sage200:Posting:AttemptTimeout", posting.AttemptTimeout);
        Positive(failures, "Sage200:Posting:RetryBaseDelay", posting.RetryBaseDelay);
        Positive(failures, "Sage200:Posting:ParkLockedAfter", posting.ParkLockedAfter);
        Positive(failures, "Sage200:Posting:ParkedRetryInterval", posting.ParkedRetryInterval);
        if (posting.RetryMaxDelay < posting.RetryBaseDelay)
        {
            failures.Add("Sage200:Posting:RetryMaxDelay must not be shorter than Sage200:Posting:RetryBaseDelay.");
        }

        if (posting.AutoResumeInterval is { } every && every <= TimeSpan.Zero)
        {
            failures.Add("Sage200:Posting:AutoResumeInterval must be positive (e.g. 00:01:00).");
        }

        if (posting.MaxBatchSize < 1)
        {
            failures.Add("Sage200:Posting:MaxBatchSize must be 1 or more.");
        }

        if (posting.MaxConcurrency is < 1 or > 64)
        {
            failures.Add("Sage200:Posting:MaxConcurrency must be between 1 and 64.");
        }

        return failures;
    }

    private static void Positive(List<string> failures, string setting, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{setting} must be positive, not {value}.");
        }
    }
}
