namespace EdiGateway.Actors;

/// <summary>
/// One-for-one supervision: the parent maps a child's exception to a <see cref="Directive"/>. Restarts wait an
/// exponential backoff with jitter (<see cref="ComputeBackoff"/>) and are bounded to <see cref="MaxRetries"/>
/// within <see cref="RetryWindow"/>; beyond that <see cref="WhenRetriesExhausted"/> applies (Stop or Escalate).
/// </summary>
public sealed record SupervisorStrategy
{
    /// <summary>Maps an exception to a directive; see <see cref="Actors.Decider"/> for a builder.</summary>
    public Func<Exception, Directive> Decider { get; init; } = Actors.Decider.Default;

    /// <summary>Backoff before the first restart; doubled for each further restart in the window. Zero restarts at once.</summary>
    public TimeSpan MinBackoff { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Upper bound of any backoff, jitter included.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Jitter: the backoff is multiplied by 1 + RandomFactor * r, r uniform in [0, 1). Zero gives exact timings.</summary>
    public double RandomFactor { get; init; } = 0.2;

    /// <summary>Restarts allowed within <see cref="RetryWindow"/>; negative means unlimited.</summary>
    public int MaxRetries { get; init; } = 10;

    /// <summary>The window in which restarts are counted; it starts at the first failure and resets after it elapses.</summary>
    public TimeSpan RetryWindow { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// On restart, put the message that failed back at the front of the mailbox (at-least-once: its handler must be
    /// idempotent). Off by default, as in Akka; <see cref="MaxRetries"/> still bounds a message that always fails.
    /// </summary>
    public bool RedeliverFailedMessage { get; init; }

    /// <summary>What happens when the retries are used up: <see cref="Directive.Stop"/> or <see cref="Directive.Escalate"/>.</summary>
    public Directive WhenRetriesExhausted { get; init; } = Directive.Escalate;

    /// <summary>Default decider, 200 ms to 30 s backoff with 20 % jitter, 10 restarts per minute, then escalate.</summary>
    public static SupervisorStrategy Default { get; } = new();

    /// <summary>A strategy with the default limits and the given decider.</summary>
    public static SupervisorStrategy OneForOne(Func<Exception, Directive> decider)
    {
        ArgumentNullException.ThrowIfNull(decider);
        return new SupervisorStrategy { Decider = decider };
    }

    /// <summary>
    /// Backoff before restart number <paramref name="attempt"/> (1-based, within the window):
    /// min(MaxBackoff, MinBackoff * 2^(attempt-1) * (1 + RandomFactor * <paramref name="random01"/>)).
    /// </summary>
    public TimeSpan ComputeBackoff(int attempt, double random01)
    {
        if (MinBackoff <= TimeSpan.Zero)
        {
            return TimeSpan.Zero;
        }

        var exponent = Math.Clamp(attempt - 1, 0, 62);
        var ticks = MinBackoff.Ticks * Math.Pow(2, exponent) * (1 + (Math.Max(0, RandomFactor) * Math.Clamp(random01, 0, 1)));
        return ticks >= MaxBackoff.Ticks ? MaxBackoff : TimeSpan.FromTicks((long)ticks);
    }

    internal void Validate()
    {
        if (WhenRetriesExhausted is not (Directive.Stop or Directive.Escalate))
        {
            throw new ArgumentException("WhenRetriesExhausted must be Stop or Escalate.", nameof(WhenRetriesExhausted));
        }
    }
}
