namespace EdiGateway.Transports.Files;

/// <summary>A regular file as listed on a remote server or in a drop folder.</summary>
/// <param name="Name">File name without directory.</param>
/// <param name="Path">Full path as the endpoint addresses it.</param>
/// <param name="Size">Size in bytes.</param>
/// <param name="ModifiedStamp">Modification time as listed (opaque; compared for stability and dedupe).</param>
public sealed record RemoteFile(string Name, string Path, long Size, string ModifiedStamp);

/// <summary>
/// What a file transport can do with one partner endpoint (SFTP, FTP/FTPS, drop folder). Failures are
/// <see cref="TransportException"/> with <see cref="TransportException.IsTransient"/>.
/// </summary>
public interface IFileEndpoint
{
    /// <summary>Stable id of the endpoint (e.g. "sftp://host:port"), part of the dedupe key.</summary>
    string EndpointId { get; }

    /// <summary>Transport name for the sink ("sftp", "ftp", "folder").</summary>
    string Transport { get; }

    /// <summary>Regular files in the inbound (pickup) location.</summary>
    Task<IReadOnlyList<RemoteFile>> ListInboundAsync(CancellationToken cancellationToken);

    /// <summary>Downloads a file to <paramref name="localPath"/> (overwriting it).</summary>
    Task DownloadAsync(RemoteFile file, string localPath, CancellationToken cancellationToken);

    /// <summary>Archives or deletes a picked-up file, per the endpoint settings.</summary>
    Task CompleteAsync(RemoteFile file, CancellationToken cancellationToken);

    /// <summary>Uploads to the outbound (drop) location under a temp name, then renames to <paramref name="remoteName"/>.</summary>
    Task UploadAsync(string localPath, string remoteName, CancellationToken cancellationToken);
}
