using System.ComponentModel.DataAnnotations;

namespace EdiGateway.Sage200;

/// <summary>Sage 200 editions; each has its own published API base URL.</summary>
public enum SageEdition
{
    /// <summary>Sage 200 Professional (cloud or on-prem via the Native API).</summary>
    Professional,

    /// <summary>Sage 200 Standard (cloud).</summary>
    Standard,
}

/// <summary>Connection settings for one Sage 200 company (bound from configuration section "Sage200").</summary>
public sealed class Sage200Options
{
    /// <summary>Published base URL of Sage 200 Professional.</summary>
    public const string ProfessionalBaseUrl = "https://api.columbus.sage.com/uk/sage200extra/accounts/v1/";

    /// <summary>Published base URL of Sage 200 Standard (inferred from the edition name; see the reference).</summary>
    public const string StandardBaseUrl = "https://api.columbus.sage.com/uk/sage200/accounts/v1/";

    /// <summary>Which edition; picks the base URL unless <see cref="BaseUrl"/> is set.</summary>
    public SageEdition Edition { get; set; } = SageEdition.Professional;

    /// <summary>Override of the API base URL (sandbox, test); must end with '/'.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>Sage ID token endpoint.</summary>
    public Uri TokenEndpoint { get; set; } = new("https://id.sage.com/oauth/token");

    /// <summary>Sage ID authorize endpoint (browser consent).</summary>
    public Uri AuthorizeEndpoint { get; set; } = new("https://id.sage.com/authorize");

    /// <summary>OAuth client id issued by Sage Developer Services.</summary>
    [Required]
    public string ClientId { get; set; } = "";

    /// <summary>OAuth client secret (confidential clients); never logged.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>X-Site header value (site_id from GET /sites, max 36).</summary>
    [Required, MaxLength(36)]
    public string SiteId { get; set; } = "";

    /// <summary>X-Company header value (company_id from GET /sites).</summary>
    [Range(1, int.MaxValue)]
    public int CompanyId { get; set; }

    /// <summary>Legacy ocp-apim-subscription-key; sent only when configured.</summary>
    public string? SubscriptionKey { get; set; }

    /// <summary>Refresh the access token this long before it expires (Sage ID: ~120 s).</summary>
    public TimeSpan RefreshSkew { get; set; } = TimeSpan.FromSeconds(120);

    /// <summary>How record locks are recognised in Sage's answers (undocumented by Sage).</summary>
    public SageLockDetectionOptions LockDetection { get; set; } = new();

    /// <summary>Key of this company's tokens in the <see cref="Auth.ITokenStore"/>.</summary>
    public string TokenKey => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"sage200:{SiteId}:{CompanyId}");

    /// <summary>The effective API base URL.</summary>
    public Uri ResolveBaseUrl() => BaseUrl ?? new Uri(Edition == SageEdition.Standard ? StandardBaseUrl : ProfessionalBaseUrl);
}

/// <summary>
/// Sage does not document its lock response; a response is a lock when its status is listed AND its text matches
/// one of the patterns. An optional named group <c>record</c> names the locked record.
/// </summary>
public sealed class SageLockDetectionOptions
{
    /// <summary>HTTP statuses that may carry a lock message.</summary>
    public IList<int> StatusCodes { get; set; } = [400, 409, 423, 500];

    /// <summary>Regular expressions (case-insensitive) that mark a lock message.</summary>
    public IList<string> MessagePatterns { get; set; } =
    [
        @"record '(?<record>[^']+)' is locked",
        @"\bis (?:currently )?locked\b",
        @"\bin use by another user\b",
        @"\bbeing edited by\b",
    ];

    /// <summary>Texts (case-insensitive regex) that make a 400 transient rather than a validation failure.</summary>
    public IList<string> TransientPatterns { get; set; } = [@"deadlock", @"timeout expired", @"try again later"];
}
