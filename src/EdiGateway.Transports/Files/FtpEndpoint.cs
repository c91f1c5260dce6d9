using System.Globalization;

namespace EdiGateway.Transports.Files;

/// <summary>
/// FTP/FTPS through the curl CLI: LIST, RETR, STOR to a temp name then RNFR/RNTO, archive by rename or DELE.
/// curl exit codes map to typed failures (reference §4.4).
/// </summary>
public sealed class FtpEndpoint(FtpEndpointOptions options) : IFileEndpoint
{
    /// <inheritdoc />
    public string EndpointId => "ftp://" + options.User + "@" + options.Host + ":" + options.Port.ToString(CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public string Transport => "ftp";

    /// <inheritdoc />
    public async Task<IReadOnlyList<RemoteFile>> ListInboundAsync(CancellationToken cancellationToken)
    {
        var result = await RunAsync([Url(options.InboundPath, directory: true)], cancellationToken);
        return ListingParser.Parse(result.StandardOutput, options.InboundPath);
    }

    /// <inheritdoc />
    public async Task DownloadAsync(RemoteFile file, string localPath, CancellationToken cancellationToken) =>
        await RunAsync(["-o", localPath, Url(file.Path, directory: false)], cancellationToken);

    /// <inheritdoc />
    public async Task CompleteAsync(RemoteFile file, CancellationToken cancellationToken)
    {
        List<string> args = ["-o", "/dev/null", Url(options.InboundPath, directory: true)];
        if (options.ArchivePath is { } archive)
        {
            args.AddRange(["-Q", "-RNFR " + file.Name, "-Q", "-RNTO " + archive.TrimEnd('/') + "/" + file.Name]);
        }
        else
        {
            args.AddRange(["-Q", "-DELE " + file.Name]);
        }

        await RunAsync(args, cancellationToken);
    }

    /// <inheritdoc />
    public async Task UploadAsync(string localPath, string remoteName, CancellationToken cancellationToken)
    {
        var temp = remoteName + options.TempSuffix;
        await RunAsync(
            ["--ftp-create-dirs", "-T", localPath, Url(options.OutboundPath.TrimEnd('/') + "/" + temp, directory: false), "-Q", "-*DELE " + remoteName, "-Q", "-RNFR " + temp, "-Q", "-RNTO " + remoteName],
            cancellationToken);
    }

    private string Url(string path, bool directory)
    {
        var scheme = options.Security == FtpSecurity.ImplicitTls ? "ftps" : "ftp";
        var p = string.Join('/', path.Split('/').Select(Uri.EscapeDataString));
        if (!p.StartsWith('/'))
        {
            p = "/" + p;
        }

        if (directory && !p.EndsWith('/'))
        {
            p += "/";
        }

        return scheme + "://" + options.Host + ":" + options.Port.ToString(CultureInfo.InvariantCulture) + p;
    }

    private async Task<ProcessResult> RunAsync(List<string> extra, CancellationToken cancellationToken)
    {
        List<string> args = ["-sS", "-K", "-", "--connect-timeout", ((int)options.ConnectTimeout.TotalSeconds).ToString(CultureInfo.InvariantCulture), "--ftp-pasv"];
        if (options.Security == FtpSecurity.ExplicitTls)
        {
            args.Add("--ssl-reqd");
        }

        if (options.CaCertificatePath is { } ca)
        {
            args.AddRange(["--cacert", ca]);
        }

        if (options.PinnedPublicKey is { } pin)
        {
            args.AddRange(["--pinnedpubkey", pin]);
        }

        if (options.RateLimit is { } rate)
        {
            args.AddRange(["--limit-rate", rate]);
        }

        args.AddRange(extra);
        var config = "user = \"" + Escape(options.User) + ":" + Escape(options.Password) + "\"\n";
        var result = await ProcessRunner.RunAsync(options.CurlExecutable, args, config, options.CommandTimeout, cancellationToken, "apt-get install -y curl");
        if (result.TimedOut)
        {
            throw new TransportException("curl timed out against " + EndpointId, TransportFailureKind.Transient);
        }

        if (result.ExitCode != 0)
        {
            throw new TransportException(
                "curl " + EndpointId + " failed (rc " + result.ExitCode.ToString(CultureInfo.InvariantCulture) + "): " + result.StandardError.Trim(),
                Classify(result.ExitCode));
        }

        return result;
    }

    /// <summary>curl exit code classes (reference §4.4 table).</summary>
    internal static TransportFailureKind Classify(int exitCode) => exitCode switch
    {
        5 or 6 or 7 or 18 or 23 or 26 or 28 or 52 or 55 or 56 => TransportFailureKind.Transient,
        35 or 8 or 67 or 9 or 10 or 11 or 13 or 14 or 15 or 30 or 64 => TransportFailureKind.Configuration,
        51 or 58 or 59 or 60 or 77 or 83 or 90 or 91 => TransportFailureKind.Security,
        _ => TransportFailureKind.Permanent,
    };

    private static string Escape(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
}
