using System.Collections.Concurrent;

namespace EdiGateway.Transports.As2;

/// <summary>A process-local <see cref="IAs2MessageStore"/> for tests and single-node runs; the appliance uses its database.</summary>
public sealed class InMemoryAs2MessageStore : IAs2MessageStore
{
    private readonly ConcurrentDictionary<As2MessageKey, Entry> _entries = new();

    /// <summary>Stored ids by key, for inspection.</summary>
    public IReadOnlyDictionary<As2MessageKey, string?> StoredIds => _entries.ToDictionary(e => e.Key, e => e.Value.StoredId);

    /// <inheritdoc />
    public ValueTask<As2Claim> TryClaimAsync(As2MessageKey key, CancellationToken cancellationToken)
    {
        var fresh = new Entry(null, null);
        var existing = _entries.GetOrAdd(key, fresh);
        return ValueTask.FromResult(ReferenceEquals(existing, fresh) ? new As2Claim(true, null) : new As2Claim(false, existing.Mdn));
    }

    /// <inheritdoc />
    public ValueTask CompleteAsync(As2MessageKey key, string storedId, As2BuiltMdn mdn, CancellationToken cancellationToken)
    {
        _entries[key] = new Entry(storedId, mdn);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask ReleaseAsync(As2MessageKey key, CancellationToken cancellationToken)
    {
        _entries.TryRemove(key, out _);
        return ValueTask.CompletedTask;
    }

    private sealed record Entry(string? StoredId, As2BuiltMdn? Mdn);
}
