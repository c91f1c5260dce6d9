using System.ComponentModel.DataAnnotations;

namespace EdiGateway.Sage;

/// <summary>
/// The appliance's own Sage settings in section <c>Sage200</c>, beside the connector's <c>Sage200Options</c>
/// (edition, base URL, site, company, client) and <c>Sage200:Posting</c> (<c>SagePostingOptions</c>).
/// </summary>
public sealed class SageGatewayOptions
{
    public const string Section = "Sage200";

    /// <summary>Whether the gateway posts to Sage at all (off: no posting actor, SubmitAsync refuses).</summary>
    public bool Enabled { get; set; }

    /// <summary>Start the Sage 200 SANDBOX in-process on a loopback port and post there (never a real ledger).</summary>
    public bool UseSandbox { get; set; }

    /// <summary>SQLite file of the sandbox company; relative paths are under the data folder.</summary>
    [Required]
    public string SandboxDatabasePath { get; set; } = "sandbox/sage200-sandbox.db";

    /// <summary>First restart delay of a crashed posting actor (doubles up to <see cref="RestartMaxBackoffSeconds"/>).</summary>
    [Range(1, 60_000)]
    public int RestartMinBackoffMilliseconds { get; set; } = 500;

    /// <summary>Ceiling of the posting actor's restart backoff.</summary>
    [Range(1, 3600)]
    public int RestartMaxBackoffSeconds { get; set; } = 60;

    /// <summary>How long the readiness check waits for Sage.</summary>
    [Range(1, 300)]
    public int HealthTimeoutSeconds { get; set; } = 10;
}
