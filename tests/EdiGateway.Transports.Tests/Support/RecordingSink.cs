using System.Collections.Concurrent;

namespace EdiGateway.Transports.Tests.Support;

/// <summary>An <see cref="IInboundSink"/> that keeps what it stored; can be told to fail.</summary>
public sealed class RecordingSink : IInboundSink
{
    private readonly ConcurrentQueue<InboundMessage> _stored = new();
    private int _next;

    public IReadOnlyList<InboundMessage> Stored => [.. _stored];

    /// <summary>When set, the next StoreAsync calls throw this (then it is cleared).</summary>
    public TransportException? FailNext { get; set; }

    public ValueTask<string> StoreAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        if (FailNext is { } ex)
        {
            FailNext = null;
            throw ex;
        }

        _stored.Enqueue(message);
        return ValueTask.FromResult("doc-" + Interlocked.Increment(ref _next));
    }
}
