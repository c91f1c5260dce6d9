namespace EdiGateway.Edi.Writing;

/// <summary>Supplies control numbers for outbound envelopes (ISA13, GS06, ST02). The appliance backs it with its
/// store so numbers survive restarts; the engine never invents them.</summary>
public interface IControlNumberSource
{
    /// <summary>Next interchange control number (1..999999999).</summary>
    long NextInterchange();
    /// <summary>Next group control number (1..999999999).</summary>
    long NextGroup();
    /// <summary>Next transaction set control number (1..999999999).</summary>
    long NextSet();
}

/// <summary>In-memory counters, for tests and one-off tools.</summary>
public sealed class SequentialControlNumbers(long interchange = 1, long group = 1, long set = 1) : IControlNumberSource
{
    private long _isa = interchange - 1;
    private long _gs = group - 1;
    private long _st = set - 1;

    /// <inheritdoc />
    public long NextInterchange() => Interlocked.Increment(ref _isa);
    /// <inheritdoc />
    public long NextGroup() => Interlocked.Increment(ref _gs);
    /// <inheritdoc />
    public long NextSet() => Interlocked.Increment(ref _st);
}
