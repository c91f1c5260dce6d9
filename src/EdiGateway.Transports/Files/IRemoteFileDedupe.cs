namespace EdiGateway.Transports.Files;

/// <summary>Identity of a remote (or drop-folder) file as listed: path, size and modification time.</summary>
public sealed record RemoteFileKey(string Endpoint, string Path, long Size, string ModifiedStamp);

/// <summary>The caller's idempotency ledger for file pickups, so a file is never processed twice (even after a crash).</summary>
public interface IRemoteFileDedupe
{
    /// <summary>Returns the stored id when this file (by key, or by content hash when given) was already stored.</summary>
    ValueTask<string?> FindAsync(RemoteFileKey key, string? contentSha256, CancellationToken cancellationToken);

    /// <summary>Records a stored file; called after the sink stored it and before the remote copy is archived or deleted.</summary>
    ValueTask RecordAsync(RemoteFileKey key, string contentSha256, string storedId, CancellationToken cancellationToken);
}
