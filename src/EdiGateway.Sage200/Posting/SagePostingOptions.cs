using System.ComponentModel.DataAnnotations;

namespace EdiGateway.Sage200.Posting;

/// <summary>Resilience, parking and throughput settings of the posting engine (section "Sage200:Posting").</summary>
public sealed class SagePostingOptions
{
    /// <summary>Bound on one Sage call (a write that times out is an unknown outcome: looked up before retry).</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>First retry delay; grows exponentially with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Ceiling of one retry delay.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Jitter on retry delays (off only for deterministic tests).</summary>
    public bool UseJitter { get; set; } = true;

    /// <summary>Attempts for transient failures (5xx, timeouts, unknown outcomes) before the posting is parked.</summary>
    [Range(1, 100)]
    public int MaxTransientAttempts { get; set; } = 6;

    /// <summary>A posting still locked this long after its first lock is parked (users leave screens open for minutes).</summary>
    public TimeSpan ParkLockedAfter { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>When a parked posting is next tried automatically.</summary>
    public TimeSpan ParkedRetryInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Circuit breaker: failure ratio that opens the circuit.</summary>
    [Range(0.01, 1.0)]
    public double CircuitFailureRatio { get; set; } = 0.5;

    /// <summary>Circuit breaker: calls in the sampling window before the ratio counts.</summary>
    [Range(2, 10000)]
    public int CircuitMinimumThroughput { get; set; } = 10;

    /// <summary>Circuit breaker: sampling window.</summary>
    public TimeSpan CircuitSamplingDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Circuit breaker: how long it stays open.</summary>
    public TimeSpan CircuitBreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Postings taken from a batch at a time (larger batches are worked in chunks).</summary>
    [Range(1, 10000)]
    public int MaxBatchSize { get; set; } = 100;

    /// <summary>Postings in flight at once against this company.</summary>
    [Range(1, 64)]
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>Ceiling of Sage calls per second from this engine (0 = unlimited).</summary>
    [Range(0, 10000)]
    public double MaxRequestsPerSecond { get; set; } = 10;

    /// <summary>How often in-flight leftovers and due parked postings are resumed automatically (null = caller drives).</summary>
    public TimeSpan? AutoResumeInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// document_type_id of a sales order in /sop_order_return_views (the view also holds quotes and returns).
    /// ⚠ The numeric value is not published; null accepts any type. Default 0 (the sandbox uses 0).
    /// </summary>
    public long? SalesOrderDocumentTypeId { get; set; }
}
