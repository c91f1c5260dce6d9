using System.Globalization;
using System.Text;

namespace EdiGateway.Transports.Files;

/// <summary>
/// SFTP through the OpenSSH <c>sftp</c> client in batch mode (<c>-b -</c>, BatchMode=yes, StrictHostKeyChecking=yes):
/// list, get, put to a temp name then rename, archive or delete. Exit codes and stderr map to typed failures.
/// </summary>
public sealed class SftpEndpoint(SftpEndpointOptions options) : IFileEndpoint
{
    /// <inheritdoc />
    public string EndpointId => "sftp://" + options.User + "@" + options.Host + ":" + options.Port.ToString(CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public string Transport => "sftp";

    /// <inheritdoc />
    public async Task<IReadOnlyList<RemoteFile>> ListInboundAsync(CancellationToken cancellationToken)
    {
        var result = await RunAsync("@ls -l " + Q(options.InboundPath) + "\n", cancellationToken);
        return ListingParser.Parse(result.StandardOutput, options.InboundPath);
    }

    /// <inheritdoc />
    public async Task DownloadAsync(RemoteFile file, string localPath, CancellationToken cancellationToken) =>
        await RunAsync("get " + Q(file.Path) + " " + Q(localPath) + "\n", cancellationToken);

    /// <inheritdoc />
    public async Task CompleteAsync(RemoteFile file, CancellationToken cancellationToken)
    {
        var command = options.ArchivePath is { } archive
            ? "rename " + Q(file.Path) + " " + Q(archive.TrimEnd('/') + "/" + file.Name) + "\n"
            : "rm " + Q(file.Path) + "\n";
        await RunAsync(command, cancellationToken);
    }

    /// <inheritdoc />
    public async Task UploadAsync(string localPath, string remoteName, CancellationToken cancellationToken)
    {
        var target = options.OutboundPath.TrimEnd('/') + "/" + remoteName;
        var temp = target + options.TempSuffix;
        var batch = new StringBuilder()
            .Append("put -f ").Append(Q(localPath)).Append(' ').Append(Q(temp)).Append('\n')
            .Append("-rm ").Append(Q(target)).Append('\n')
            .Append("rename ").Append(Q(temp)).Append(' ').Append(Q(target)).Append('\n')
            .ToString();
        await RunAsync(batch, cancellationToken);
    }

    private async Task<ProcessResult> RunAsync(string batch, CancellationToken cancellationToken)
    {
        List<string> args =
        [
            "-b", "-", "-F", "/dev/null", "-i", options.PrivateKeyPath, "-P", options.Port.ToString(CultureInfo.InvariantCulture),
            "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=yes", "-o", "UserKnownHostsFile=" + Path.GetFullPath(options.KnownHostsPath),
            "-o", "GlobalKnownHostsFile=/dev/null", "-o", "ConnectTimeout=" + ((int)options.ConnectTimeout.TotalSeconds).ToString(CultureInfo.InvariantCulture),
            "-o", "ServerAliveInterval=5", "-o", "ServerAliveCountMax=2", "-o", "PasswordAuthentication=no", "-o", "KbdInteractiveAuthentication=no",
        ];
        if (options.BandwidthLimitKbps > 0)
        {
            args.AddRange(["-l", options.BandwidthLimitKbps.ToString(CultureInfo.InvariantCulture)]);
        }

        args.Add(options.User + "@" + options.Host);
        var result = await ProcessRunner.RunAsync(options.SftpExecutable, args, batch, options.CommandTimeout, cancellationToken, "apt-get install -y openssh-client");
        if (result.TimedOut)
        {
            throw new TransportException("sftp timed out against " + EndpointId, TransportFailureKind.Transient);
        }

        if (result.ExitCode != 0)
        {
            throw Classify(result);
        }

        return result;
    }

    /// <summary>Maps sftp's exit code and stderr to a failure kind (reference §4.3).</summary>
    internal TransportException Classify(ProcessResult result)
    {
        var err = result.StandardError.Trim();
        var kind = err switch
        {
            _ when err.Contains("Host key verification failed", StringComparison.Ordinal)
                || err.Contains("REMOTE HOST IDENTIFICATION HAS CHANGED", StringComparison.Ordinal)
                || err.Contains("No ED25519 host key is known", StringComparison.Ordinal)
                || err.Contains("host key is known", StringComparison.Ordinal) => TransportFailureKind.Security,
            _ when err.Contains("Permission denied (", StringComparison.Ordinal) => TransportFailureKind.Configuration,
            _ when err.Contains("Connection refused", StringComparison.Ordinal) || err.Contains("Connection closed", StringComparison.Ordinal)
                || err.Contains("Connection reset", StringComparison.Ordinal) || err.Contains("timed out", StringComparison.OrdinalIgnoreCase)
                || err.Contains("Broken pipe", StringComparison.Ordinal) || err.Contains("Connection lost", StringComparison.Ordinal)
                || err.Contains("Timeout, server", StringComparison.Ordinal) => TransportFailureKind.Transient,
            _ when result.ExitCode == 255 => TransportFailureKind.Transient,
            _ => TransportFailureKind.Permanent,
        };
        var firstLine = err.Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.Length > 0 && l != "Connection closed" && !l.StartsWith('@'))
            ?? "exit " + result.ExitCode.ToString(CultureInfo.InvariantCulture);
        return new TransportException("sftp " + EndpointId + " failed (rc " + result.ExitCode.ToString(CultureInfo.InvariantCulture) + "): " + firstLine, kind);
    }

    private static string Q(string path) => "\"" + path.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
