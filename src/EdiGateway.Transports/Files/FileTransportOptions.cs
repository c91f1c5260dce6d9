namespace EdiGateway.Transports.Files;

/// <summary>Pickup and drop rules for one partner's file endpoint (SFTP, FTP/FTPS, drop folder).</summary>
public sealed record FileTransportOptions
{
    /// <summary>The appliance's partner id (passed to the sink).</summary>
    public required string PartnerId { get; init; }

    /// <summary>Local directory for downloads in progress.</summary>
    public required string WorkDirectory { get; init; }

    /// <summary>
    /// Files must keep size and mtime across two listings this far apart to be taken (foreign writers without temp
    /// names). Files matching <see cref="ReadyPattern"/> skip this wait.
    /// </summary>
    public TimeSpan StableFor { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Glob ("*.x12") of names the writer only creates when complete (renamed into place); null = none.</summary>
    public string? ReadyPattern { get; init; }

    /// <summary>Names never picked up: in-progress uploads.</summary>
    public IReadOnlyList<string> IgnoredSuffixes { get; init; } = [".part", ".tmp", ".filepart", ".partial"];

    /// <summary>Attempts per remote operation for transient failures.</summary>
    public int MaxAttempts { get; init; } = 4;

    /// <summary>First back-off; doubles per attempt.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(2);
}

/// <summary>What one poll did.</summary>
/// <param name="StoredIds">Sink ids of files stored in this poll.</param>
/// <param name="AlreadySeen">Files the dedupe hook knew; archived or deleted, not stored again.</param>
/// <param name="NotReady">Files skipped as still being written.</param>
/// <param name="Failed">Files that failed permanently in this poll, with the reason.</param>
public sealed record FilePollResult(
    IReadOnlyList<string> StoredIds,
    IReadOnlyList<RemoteFile> AlreadySeen,
    IReadOnlyList<RemoteFile> NotReady,
    IReadOnlyList<(RemoteFile File, string Reason)> Failed);
