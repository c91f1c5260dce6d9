namespace EdiGateway.Edi.Reading;

/// <summary>Options of the streaming reader. The defaults are strict.</summary>
public sealed record X12ReaderOptions
{
    /// <summary>Skip spaces and tabs at the start of segments (indented files). Off by default: indentation is an error.</summary>
    public bool AllowIndentation { get; init; }
    /// <summary>Ignore ISA11 as a repetition separator (treat it as data). Off by default.</summary>
    public bool IgnoreRepetitionSeparator { get; init; }
    /// <summary>Largest single segment accepted, in bytes.</summary>
    public int MaxSegmentBytes { get; init; } = 1 << 20;
    /// <summary>Read buffer size in bytes.</summary>
    public int BufferSize { get; init; } = 1 << 16;
    /// <summary>Called with the number of bytes consumed so far, about every <see cref="ProgressIntervalBytes"/>.</summary>
    public Action<long>? Progress { get; init; }
    /// <summary>How often <see cref="Progress"/> is called.</summary>
    public long ProgressIntervalBytes { get; init; } = 16L << 20;
}
