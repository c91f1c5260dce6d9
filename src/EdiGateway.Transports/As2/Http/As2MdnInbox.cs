using System.Collections.Concurrent;

namespace EdiGateway.Transports.As2.Http;

/// <summary>
/// Correlates async MDNs with the <see cref="As2Client"/> sends waiting for them (by Original-Message-ID), and passes
/// unmatched ones (e.g. after a restart) to an optional appliance hook.
/// </summary>
public sealed class As2MdnInbox(IAs2MdnInbox? unmatched = null) : IAs2MdnInbox
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<As2RawMdn>> _waiters = new(StringComparer.Ordinal);

    /// <summary>Starts waiting for the MDN of a message; call before sending so an early MDN is not missed.</summary>
    public Task<As2RawMdn> Register(string messageId) =>
        _waiters.GetOrAdd(Normalise(messageId), _ => new TaskCompletionSource<As2RawMdn>(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    /// <summary>Stops waiting (send finished or gave up).</summary>
    public void Unregister(string messageId) => _waiters.TryRemove(Normalise(messageId), out _);

    /// <inheritdoc />
    public async ValueTask DeliverAsync(As2RawMdn mdn, CancellationToken cancellationToken)
    {
        if (mdn.OriginalMessageId is { } id && _waiters.TryGetValue(Normalise(id), out var tcs))
        {
            tcs.TrySetResult(mdn);
            return;
        }

        if (unmatched is not null)
        {
            await unmatched.DeliverAsync(mdn, cancellationToken);
        }
    }

    private static string Normalise(string id) => id.Trim().TrimStart('<').TrimEnd('>');
}
