using System.Globalization;

namespace EdiGateway.Transports.Files;

/// <summary>Local inbound/outbound folders for one partner (mounted shares, a local MFT agent).</summary>
public sealed record DropFolderOptions
{
    public required string InboundPath { get; init; }

    public required string OutboundPath { get; init; }

    /// <summary>Where picked-up files are moved; null deletes them.</summary>
    public string? ArchivePath { get; init; }

    /// <summary>Suffix of files being written.</summary>
    public string TempSuffix { get; init; } = ".tmp";
}

/// <summary>A drop folder as an <see cref="IFileEndpoint"/>: writes as .tmp then renames; archives after the sink stored.</summary>
public sealed class DropFolderEndpoint(DropFolderOptions options) : IFileEndpoint
{
    /// <inheritdoc />
    public string EndpointId => "file://" + Path.GetFullPath(options.InboundPath);

    /// <inheritdoc />
    public string Transport => "folder";

    /// <inheritdoc />
    public Task<IReadOnlyList<RemoteFile>> ListInboundAsync(CancellationToken cancellationToken) =>
        Wrap<IReadOnlyList<RemoteFile>>(() =>
        {
            var files = new List<RemoteFile>();
            foreach (var f in new DirectoryInfo(options.InboundPath).EnumerateFiles())
            {
                try
                {
                    // A file renamed or removed between the directory read and its size lookup (a partner
                    // finishing "write to temp, then rename") is simply not there: skip it, the next listing sees it.
                    files.Add(new RemoteFile(f.Name, f.FullName, f.Length, f.LastWriteTimeUtc.Ticks.ToString(CultureInfo.InvariantCulture)));
                }
                catch (FileNotFoundException)
                {
                }
            }

            return (IReadOnlyList<RemoteFile>)files;
        });

    /// <inheritdoc />
    public Task DownloadAsync(RemoteFile file, string localPath, CancellationToken cancellationToken) =>
        Wrap(() => File.Copy(file.Path, localPath, overwrite: true));

    /// <inheritdoc />
    public Task CompleteAsync(RemoteFile file, CancellationToken cancellationToken) => Wrap(() =>
    {
        if (!File.Exists(file.Path))
        {
            return;
        }

        if (options.ArchivePath is null)
        {
            File.Delete(file.Path);
            return;
        }

        Directory.CreateDirectory(options.ArchivePath);
        var target = Path.Combine(options.ArchivePath, file.Name);
        if (File.Exists(target))
        {
            target += "." + Guid.NewGuid().ToString("N")[..8];
        }

        File.Move(file.Path, target);
    });

    /// <inheritdoc />
    public Task UploadAsync(string localPath, string remoteName, CancellationToken cancellationToken) => Wrap(() =>
    {
        var target = Path.Combine(options.OutboundPath, remoteName);
        var temp = target + options.TempSuffix;
        using (var source = File.OpenRead(localPath))
        using (var dest = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            source.CopyTo(dest);
            dest.Flush(flushToDisk: true);
        }

        File.Move(temp, target, overwrite: true);
    });

    private static Task Wrap(Action action) => Wrap(() =>
    {
        action();
        return true;
    });

    private static Task<T> Wrap<T>(Func<T> func)
    {
        try
        {
            return Task.FromResult(func());
        }
        catch (FileNotFoundException ex)
        {
            throw new TransportException("drop folder file missing: " + ex.FileName, TransportFailureKind.Permanent, ex);
        }
        catch (DirectoryNotFoundException ex)
        {
            // An unmounted share looks like a missing folder: retry, then report.
            throw new TransportException("drop folder missing: " + ex.Message, TransportFailureKind.Transient, ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new TransportException("drop folder access denied: " + ex.Message, TransportFailureKind.Configuration, ex);
        }
        catch (IOException ex)
        {
            throw new TransportException("drop folder I/O failed: " + ex.Message, TransportFailureKind.Transient, ex);
        }
    }
}
