using Microsoft.Extensions.Time.Testing;

namespace EdiGateway.Actors.TestKit;

/// <summary>
/// A test fixture: an <see cref="ActorSystem"/> on a <see cref="FakeTimeProvider"/>, probes, dead-letter
/// inspection and clock helpers that first let the actors settle. Dispose it to terminate the system.
/// Works with any test framework: failures are <see cref="TestKitAssertionException"/>s.
/// </summary>
public sealed class ActorTestKit : IDisposable, IAsyncDisposable
{
    /// <summary>Creates a system named <paramref name="name"/>; <paramref name="configure"/> may adjust the options (the clock is set already).</summary>
    public ActorTestKit(Func<ActorSystemOptions, ActorSystemOptions>? configure = null, string name = "test", DateTimeOffset? startTime = null)
    {
        Clock = new FakeTimeProvider(startTime ?? new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
        var options = new ActorSystemOptions { TimeProvider = Clock };
        System = ActorSystem.Create(name, configure is null ? options : configure(options));
    }

    /// <summary>The controllable clock driving timers, backoffs and ask timeouts.</summary>
    public FakeTimeProvider Clock { get; }

    /// <summary>The system under test.</summary>
    public ActorSystem System { get; }

    /// <summary>Default real-time timeout of expectations and waits.</summary>
    public TimeSpan DefaultTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Dead letters recorded so far, oldest first.</summary>
    public IReadOnlyList<DeadLetter> DeadLetters => System.DeadLetterLog.Snapshot();

    /// <summary>Creates a top-level actor (shortcut for <c>System.ActorOf</c>).</summary>
    public IActorRef ActorOf(Props props, string? name = null) => System.ActorOf(props, name);

    /// <summary>Creates a probe under <c>/system</c>.</summary>
    public TestProbe CreateTestProbe(string? name = null) => new(System, name, DefaultTimeout);

    /// <summary>Waits until every actor is idle, moves the clock by <paramref name="by"/> (firing due timers), and waits again.</summary>
    public void Advance(TimeSpan by) => AdvanceAsync(by).GetAwaiter().GetResult();

    /// <summary>Async form of <see cref="Advance"/>.</summary>
    public async Task AdvanceAsync(TimeSpan by)
    {
        await AwaitIdleAsync().ConfigureAwait(false);
        Clock.Advance(by);
        await AwaitIdleAsync().ConfigureAwait(false);
    }

    /// <summary>Advances <paramref name="total"/> in steps of <paramref name="step"/>, letting actors react between steps (timers that start timers).</summary>
    public void AdvanceInSteps(TimeSpan total, TimeSpan step)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(step, TimeSpan.Zero);
        for (var done = TimeSpan.Zero; done < total; done += step)
        {
            Advance(step <= total - done ? step : total - done);
        }
    }

    /// <summary>Waits (real time) until no actor has work queued or running. A handler awaiting the fake clock never becomes idle.</summary>
    public void AwaitIdle(TimeSpan? timeout = null) => AwaitIdleAsync(timeout).GetAwaiter().GetResult();

    /// <summary>Async form of <see cref="AwaitIdle"/>.</summary>
    public async Task AwaitIdleAsync(TimeSpan? timeout = null)
    {
        var limit = timeout ?? DefaultTimeout;
        var deadline = DateTime.UtcNow + limit;
        var quietRounds = 0;
        IReadOnlyList<string> busy = [];
        while (DateTime.UtcNow < deadline)
        {
            var before = System.ActivityStamp;
            if (System.IsQuiescent(out busy) && before == System.ActivityStamp)
            {
                if (++quietRounds == 3)
                {
                    return;
                }
            }
            else
            {
                quietRounds = 0;
            }

            // Never resume on the caller's context: the sync wrappers block it.
            await Task.Delay(1).ConfigureAwait(false);
        }

        throw new TestKitAssertionException(
            $"Actors did not become idle within {limit.TotalMilliseconds:0} ms; busy: [{string.Join(", ", busy)}]. " +
            "A handler that awaits I/O or the fake clock keeps its actor busy: use PipeTo.");
    }

    /// <summary>Waits (real time) until <paramref name="condition"/> holds.</summary>
    public void AwaitCondition(Func<bool> condition, TimeSpan? timeout = null, string? description = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var limit = timeout ?? DefaultTimeout;
        var deadline = DateTime.UtcNow + limit;
        while (!condition())
        {
            if (DateTime.UtcNow >= deadline)
            {
                throw new TestKitAssertionException($"Condition '{description ?? "(unnamed)"}' not met within {limit.TotalMilliseconds:0} ms.");
            }

            Thread.Sleep(2);
        }
    }

    /// <summary>Waits until a dead letter carrying a <typeparamref name="T"/> matching <paramref name="predicate"/> is recorded, and returns it.</summary>
    public DeadLetter ExpectDeadLetter<T>(Func<T, bool>? predicate = null, TimeSpan? timeout = null)
    {
        DeadLetter? found = null;
        try
        {
            AwaitCondition(
                () => (found = DeadLetters.FirstOrDefault(d => d.Message is T m && (predicate is null || predicate(m)))) is not null,
                timeout,
                $"dead letter of {typeof(T).Name}");
        }
        catch (TestKitAssertionException)
        {
            var seen = string.Join(", ", DeadLetters.Select(d => $"{d.MessageType.Name} to {d.Recipient.Path} ({d.Reason})"));
            throw new TestKitAssertionException($"Expected a dead letter of {typeof(T).Name}; recorded: [{seen}].");
        }

        return found!;
    }

    /// <summary>Terminates the system (waits up to 10 s).</summary>
    public void Dispose() => System.Terminate().Wait(TimeSpan.FromSeconds(10));

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await System.Terminate().WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
}
