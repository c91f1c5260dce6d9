namespace EdiGateway.Flows.Common;

/// <summary>A business-rule violation or warning in plain words: a value the caller queues or shows, never an exception.</summary>
/// <param name="Code">Stable machine code (rule id or short name, e.g. <c>AMZ-856-03</c>, <c>UnknownShipTo</c>).</param>
/// <param name="Message">What is wrong and why, in words a person can act on.</param>
/// <param name="Line">The PO line (PO101), carton, invoice or reference it concerns, when there is one.</param>
public sealed record FlowProblem(string Code, string Message, string? Line = null)
{
    /// <summary>One-line display.</summary>
    public override string ToString() => Line is null ? $"{Code}: {Message}" : $"{Code} [{Line}]: {Message}";
}

/// <summary>Either a value or the reasons it could not be produced. Bad partner data ends here, not in an exception.</summary>
/// <typeparam name="T">The value type.</typeparam>
public sealed record FlowResult<T>
    where T : class
{
    private FlowResult(T? value, IReadOnlyList<FlowProblem> problems)
    {
        Value = value;
        Problems = problems;
    }

    /// <summary>The value, or null when <see cref="Problems"/> explain why there is none.</summary>
    public T? Value { get; }

    /// <summary>Why there is no value (empty on success).</summary>
    public IReadOnlyList<FlowProblem> Problems { get; }

    /// <summary>True when a value was produced.</summary>
    public bool IsSuccess => Value is not null;

    /// <summary>A success.</summary>
    public static FlowResult<T> Ok(T value) => new(value ?? throw new ArgumentNullException(nameof(value)), []);

    /// <summary>A failure with its reasons (at least one).</summary>
    public static FlowResult<T> Fail(IReadOnlyList<FlowProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (problems.Count == 0) throw new ArgumentException("a failure needs at least one reason", nameof(problems));
        return new(null, problems);
    }

    /// <summary>A failure with one reason.</summary>
    public static FlowResult<T> Fail(string code, string message, string? line = null) => Fail([new FlowProblem(code, message, line)]);
}
