using System.Collections.Concurrent;
using EdiGateway.Transports.Files;

namespace EdiGateway.Transports.Tests.Support;

/// <summary>The caller's dedupe ledger: by (endpoint, path, size, mtime) and by content SHA-256. Survives transport restarts.</summary>
public sealed class MemoryDedupe : IRemoteFileDedupe
{
    private readonly ConcurrentDictionary<RemoteFileKey, string> _byKey = new();
    private readonly ConcurrentDictionary<string, string> _byHash = new();

    public ValueTask<string?> FindAsync(RemoteFileKey key, string? contentSha256, CancellationToken cancellationToken)
    {
        if (_byKey.TryGetValue(key, out var id))
        {
            return ValueTask.FromResult<string?>(id);
        }

        return ValueTask.FromResult(contentSha256 is not null && _byHash.TryGetValue(contentSha256, out var h) ? h : null);
    }

    public ValueTask RecordAsync(RemoteFileKey key, string contentSha256, string storedId, CancellationToken cancellationToken)
    {
        _byKey[key] = storedId;
        _byHash[contentSha256] = storedId;
        return ValueTask.CompletedTask;
    }
}
