using System.Globalization;

namespace EdiGateway.Actors.TestKit;

/// <summary>Expectations: each takes messages from the probe in arrival order and throws <see cref="TestKitAssertionException"/> on mismatch.</summary>
public sealed partial class TestProbe
{
    /// <summary>Takes the next message, which must be a <typeparamref name="T"/> matching <paramref name="predicate"/>.</summary>
    public T ExpectMsg<T>(TimeSpan? timeout = null, Func<T, bool>? predicate = null) =>
        ExpectMsgAsync(timeout, predicate).GetAwaiter().GetResult();

    /// <summary>Takes the next message, which must be a <typeparamref name="T"/> matching <paramref name="predicate"/>.</summary>
    public T ExpectMsg<T>(Func<T, bool> predicate, TimeSpan? timeout = null) => ExpectMsg(timeout, predicate);

    /// <summary>Takes the next message, which must equal <paramref name="expected"/>.</summary>
    public T ExpectMsg<T>(T expected, TimeSpan? timeout = null) =>
        ExpectMsgAsync<T>(timeout, m => EqualityComparer<T>.Default.Equals(m, expected), $"equal to {expected}").GetAwaiter().GetResult();

    /// <summary>Async form of <see cref="ExpectMsg{T}(TimeSpan?, Func{T, bool}?)"/>.</summary>
    public Task<T> ExpectMsgAsync<T>(TimeSpan? timeout = null, Func<T, bool>? predicate = null) =>
        ExpectMsgAsync(timeout, predicate, predicate is null ? null : "matching the predicate");

    /// <summary>Takes the next message, which must be a <see cref="Terminated"/> of <paramref name="actor"/> (watch it first).</summary>
    public Terminated ExpectTerminated(IActorRef actor, TimeSpan? timeout = null) =>
        ExpectMsgAsync<Terminated>(timeout, t => t.ActorRef.Path.Equals(actor.Path), $"for {actor.Path}").GetAwaiter().GetResult();

    /// <summary>Fails if any message arrives within <paramref name="duration"/> (default 100 ms, real time).</summary>
    public void ExpectNoMsg(TimeSpan? duration = null) => ExpectNoMsgAsync(duration).GetAwaiter().GetResult();

    /// <summary>Async form of <see cref="ExpectNoMsg"/>.</summary>
    public async Task ExpectNoMsgAsync(TimeSpan? duration = null)
    {
        var wait = duration ?? TimeSpan.FromMilliseconds(100);
        var received = await TryReceiveAsync(wait).ConfigureAwait(false);
        if (received is { } r)
        {
            throw new TestKitAssertionException(
                $"{Path}: expected no message within {Ms(wait)} ms but received {Describe(r.Message)}.");
        }
    }

    /// <summary>Skips messages until a <typeparamref name="T"/> matching <paramref name="isTarget"/> arrives, and returns it.</summary>
    public T FishForMessage<T>(Func<T, bool> isTarget, TimeSpan? timeout = null) =>
        FishForMessageAsync(isTarget, timeout).GetAwaiter().GetResult();

    /// <summary>Async form of <see cref="FishForMessage{T}"/>.</summary>
    public async Task<T> FishForMessageAsync<T>(Func<T, bool> isTarget, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(isTarget);
        var limit = timeout ?? DefaultTimeout;
        var deadline = DateTime.UtcNow + limit;
        var skipped = new List<string>();
        while (true)
        {
            var left = deadline - DateTime.UtcNow;
            var received = left > TimeSpan.Zero ? await TryReceiveAsync(left).ConfigureAwait(false) : null;
            if (received is not { } r)
            {
                throw new TestKitAssertionException(
                    $"{Path}: fished for {typeof(T).Name} for {Ms(limit)} ms without a match; skipped [{string.Join(", ", skipped)}].");
            }

            if (r.Message is T typed && isTarget(typed))
            {
                return typed;
            }

            skipped.Add(Describe(r.Message));
        }
    }

    /// <summary>Takes exactly <paramref name="count"/> messages of any type within <paramref name="timeout"/> (total).</summary>
    public IReadOnlyList<object> ReceiveN(int count, TimeSpan? timeout = null) => ReceiveNAsync(count, timeout).GetAwaiter().GetResult();

    /// <summary>Async form of <see cref="ReceiveN"/>.</summary>
    public async Task<IReadOnlyList<object>> ReceiveNAsync(int count, TimeSpan? timeout = null)
    {
        var limit = timeout ?? DefaultTimeout;
        var deadline = DateTime.UtcNow + limit;
        var messages = new List<object>(count);
        while (messages.Count < count)
        {
            var left = deadline - DateTime.UtcNow;
            var received = left > TimeSpan.Zero ? await TryReceiveAsync(left).ConfigureAwait(false) : null;
            if (received is not { } r)
            {
                throw new TestKitAssertionException(
                    $"{Path}: expected {count} messages within {Ms(limit)} ms but received {messages.Count}: [{string.Join(", ", messages.Select(Describe))}].");
            }

            messages.Add(r.Message);
        }

        return messages;
    }

    private async Task<T> ExpectMsgAsync<T>(TimeSpan? timeout, Func<T, bool>? predicate, string? condition)
    {
        var limit = timeout ?? DefaultTimeout;
        var expected = condition is null ? typeof(T).Name : $"{typeof(T).Name} {condition}";
        var received = await TryReceiveAsync(limit).ConfigureAwait(false);
        if (received is not { } r)
        {
            throw new TestKitAssertionException($"{Path}: expected {expected} within {Ms(limit)} ms but received nothing.");
        }

        if (r.Message is T typed && (predicate is null || predicate(typed)))
        {
            return typed;
        }

        throw new TestKitAssertionException($"{Path}: expected {expected} but received {Describe(r.Message)}.");
    }

    private async Task<ReceivedMessage?> TryReceiveAsync(TimeSpan timeout)
    {
        if (!_queue.Reader.TryRead(out var message))
        {
            using var cts = new CancellationTokenSource(timeout);
            try
            {
                message = await _queue.Reader.ReadAsync(cts.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return null;
            }
        }

        LastMessage = message.Message;
        LastSender = message.Sender;
        return message;
    }

    private static string Describe(object message) => $"{message.GetType().Name} {message}";

    private static string Ms(TimeSpan t) => t.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture);
}
