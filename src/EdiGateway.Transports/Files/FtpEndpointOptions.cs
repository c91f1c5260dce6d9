namespace EdiGateway.Transports.Files;

/// <summary>FTP security mode.</summary>
public enum FtpSecurity
{
    /// <summary>Plain FTP (only where the partner offers nothing else).</summary>
    None,
    /// <summary>Explicit FTPS: AUTH TLS on the control port, TLS required (curl --ssl-reqd).</summary>
    ExplicitTls,
    /// <summary>Implicit FTPS (ftps://, usually port 990).</summary>
    ImplicitTls,
}

/// <summary>One partner's FTP/FTPS endpoint, driven through curl in passive mode; the password never goes on argv.</summary>
public sealed record FtpEndpointOptions
{
    public required string Host { get; init; }

    public int Port { get; init; } = 21;

    public required string User { get; init; }

    /// <summary>Password, handed to curl on stdin (-K -), never on the command line.</summary>
    public string Password { get; init; } = string.Empty;

    public FtpSecurity Security { get; init; } = FtpSecurity.ExplicitTls;

    /// <summary>PEM CA (or the self-signed server certificate) to trust (--cacert).</summary>
    public string? CaCertificatePath { get; init; }

    /// <summary>Pinned server public key, "sha256//base64" (--pinnedpubkey).</summary>
    public string? PinnedPublicKey { get; init; }

    /// <summary>Inbound directory, relative to the login directory.</summary>
    public required string InboundPath { get; init; }

    /// <summary>Outbound directory, relative to the login directory.</summary>
    public required string OutboundPath { get; init; }

    /// <summary>Archive directory for picked-up files, as a path relative to the inbound directory (e.g. "../archive"); null deletes.</summary>
    public string? ArchivePath { get; init; }

    public string TempSuffix { get; init; } = ".part";

    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan CommandTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Optional --limit-rate value (e.g. "1M"); null = none.</summary>
    public string? RateLimit { get; init; }

    public string CurlExecutable { get; init; } = "curl";
}
