namespace EdiGateway.Transports.Files;

/// <summary>
/// One partner's SFTP endpoint: key authentication only, host key pinned in a per-partner known_hosts file
/// (StrictHostKeyChecking=yes, no trust on first use), pickup/drop/archive paths.
/// </summary>
public sealed record SftpEndpointOptions
{
    public required string Host { get; init; }

    public int Port { get; init; } = 22;

    public required string User { get; init; }

    /// <summary>Private key file (mode 0600).</summary>
    public required string PrivateKeyPath { get; init; }

    /// <summary>known_hosts holding only this partner's pinned host key (see <see cref="KnownHosts.Line"/>).</summary>
    public required string KnownHostsPath { get; init; }

    /// <summary>Remote directory we pick files up from.</summary>
    public required string InboundPath { get; init; }

    /// <summary>Remote directory we drop files into.</summary>
    public required string OutboundPath { get; init; }

    /// <summary>Remote directory picked-up files are moved to; null deletes them instead.</summary>
    public string? ArchivePath { get; init; }

    /// <summary>Suffix of in-progress uploads (ours and the partner's are never picked up).</summary>
    public string TempSuffix { get; init; } = ".part";

    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Whole-command timeout for one sftp batch.</summary>
    public TimeSpan CommandTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Optional bandwidth cap in Kbit/s (sftp -l); 0 = none.</summary>
    public int BandwidthLimitKbps { get; init; }

    /// <summary>The sftp binary.</summary>
    public string SftpExecutable { get; init; } = "sftp";
}

/// <summary>Builds pinned known_hosts lines from the host key the partner gave us (reference §4.2).</summary>
public static class KnownHosts
{
    /// <summary><c>[host]:port keytype base64</c> (bare host on port 22) from the contents of a <c>.pub</c> host key.</summary>
    public static string Line(string host, int port, string publicKey)
    {
        var fields = publicKey.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var name = port == 22 ? host : "[" + host + "]:" + port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return name + " " + fields[0] + " " + fields[1];
    }
}
