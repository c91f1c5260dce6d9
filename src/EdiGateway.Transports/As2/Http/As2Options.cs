namespace EdiGateway.Transports.As2.Http;

/// <summary>Gateway-wide AS2 settings (per-partner ones live in <see cref="As2PartnerOptions"/>).</summary>
public sealed class As2EndpointOptions
{
    /// <summary>Domain part of the Message-IDs we generate.</summary>
    public string MessageIdDomain { get; set; } = "edigateway.local";

    /// <summary>Reporting-UA written into MDNs.</summary>
    public string ReportingUa { get; set; } = "edigateway; EdiGateway.Transports/1.0";

    /// <summary>Largest accepted AS2 body (R14); larger requests get 413.</summary>
    public long MaxBodyBytes { get; set; } = 200L * 1024 * 1024;

    /// <summary>Attempts for posting an async MDN to the partner.</summary>
    public int AsyncMdnAttempts { get; set; } = 3;

    /// <summary>First back-off between async MDN attempts.</summary>
    public TimeSpan AsyncMdnRetryDelay { get; set; } = TimeSpan.FromSeconds(10);
}
