namespace EdiGateway.Sandbox.Sage;

/// <summary>A write refused because a record is "open in the desktop" (SANDBOX simulation; Sage's real text is undocumented).</summary>
public sealed class SageLockedException(string record) : Exception($"The record '{record}' is locked by another user. (SANDBOX simulation of a desktop lock)")
{
    public string Record { get; } = record;
}

/// <summary>Fault injection: random and scheduled locks, latency, 5xx, timeouts after commit, expired tokens.</summary>
public sealed class SandboxFaultInjector
{
    private readonly Lock gate = new();
    private readonly TimeProvider time;
    private readonly Dictionary<string, DateTimeOffset> locks = new(StringComparer.OrdinalIgnoreCase);
    private SandboxFaults faults;
    private Random dice;

    public SandboxFaultInjector(SandboxOptions options, TimeProvider time)
    {
        this.time = time;
        faults = options.Faults;
        dice = new Random(faults.Seed);
    }

    public SandboxFaults Current
    {
        get
        {
            lock (gate)
            {
                return faults;
            }
        }
    }

    public void Set(SandboxFaults value)
    {
        lock (gate)
        {
            faults = value;
            dice = new Random(value.Seed);
        }
    }

    /// <summary>Marks a record (e.g. "Customer AMZ001", "sop_order:1234") as open in the desktop for a while.</summary>
    public void LockRecord(string record, TimeSpan duration)
    {
        lock (gate)
        {
            locks[record] = time.GetUtcNow() + duration;
        }
    }

    /// <summary>Throws <see cref="SageLockedException"/> when any of the records is locked or (with <paramref name="roll"/>) the dice say so.</summary>
    public void ThrowIfLocked(bool roll, params string[] records)
    {
        lock (gate)
        {
            var now = time.GetUtcNow();
            foreach (var r in records)
            {
                if (locks.TryGetValue(r, out var until) && until > now)
                {
                    throw new SageLockedException(r);
                }
            }

            if (roll && faults.LockNextWrites > 0)
            {
                faults = faults with { LockNextWrites = faults.LockNextWrites - 1 };
                throw new SageLockedException(records[0]);
            }

            if (roll && faults.LockErrorRate > 0 && dice.NextDouble() < faults.LockErrorRate)
            {
                throw new SageLockedException(records[0]);
            }
        }
    }

    /// <summary>Decides before a request: 503 now?</summary>
    public bool TakeServerError(bool isWrite)
    {
        lock (gate)
        {
            if (isWrite && faults.FailNextWrites > 0)
            {
                faults = faults with { FailNextWrites = faults.FailNextWrites - 1 };
                return true;
            }

            return faults.ServerErrorRate > 0 && dice.NextDouble() < faults.ServerErrorRate;
        }
    }

    /// <summary>Decides after a committed write: drop the connection?</summary>
    public bool TakeDrop()
    {
        lock (gate)
        {
            if (faults.DropNextWrites <= 0)
            {
                return false;
            }

            faults = faults with { DropNextWrites = faults.DropNextWrites - 1 };
            return true;
        }
    }

    /// <summary>Decides before a request: 429?</summary>
    public bool TakeThrottle()
    {
        lock (gate)
        {
            if (faults.ThrottleNextRequests <= 0)
            {
                return false;
            }

            faults = faults with { ThrottleNextRequests = faults.ThrottleNextRequests - 1 };
            return true;
        }
    }

    /// <summary>Decides after a committed write: hold the answer back past the client's timeout?</summary>
    public TimeSpan? TakeTimeoutAfterCommit()
    {
        lock (gate)
        {
            if (faults.TimeoutNextWrites > 0)
            {
                faults = faults with { TimeoutNextWrites = faults.TimeoutNextWrites - 1 };
                return TimeSpan.FromMilliseconds(faults.TimeoutAfterCommitMs);
            }

            return faults.TimeoutAfterCommitRate > 0 && dice.NextDouble() < faults.TimeoutAfterCommitRate
                ? TimeSpan.FromMilliseconds(faults.TimeoutAfterCommitMs)
                : null;
        }
    }
}
