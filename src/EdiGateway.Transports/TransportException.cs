namespace EdiGateway.Transports;

/// <summary>How a transport failure should be handled: retried, reported, or raised as a security alert.</summary>
public enum TransportFailureKind
{
    /// <summary>Network, timeout or server restart: retry with back-off.</summary>
    Transient,
    /// <summary>This item cannot succeed as is (missing file, rejected request).</summary>
    Permanent,
    /// <summary>Credentials, paths or settings are wrong: fix the profile.</summary>
    Configuration,
    /// <summary>Host key or certificate mismatch: never retried.</summary>
    Security,
}

/// <summary>The one infrastructure failure type of the transports boundary; retry policies read <see cref="IsTransient"/>.</summary>
public sealed class TransportException : Exception
{
    public TransportException()
        : this("Transport failure.", TransportFailureKind.Transient)
    {
    }

    public TransportException(string message)
        : this(message, TransportFailureKind.Transient)
    {
    }

    public TransportException(string message, Exception innerException)
        : this(message, TransportFailureKind.Transient, innerException)
    {
    }

    public TransportException(string message, TransportFailureKind kind, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
    }

    /// <summary>What kind of failure this is.</summary>
    public TransportFailureKind Kind { get; }

    /// <summary>True when the same operation may succeed if retried later.</summary>
    public bool IsTransient => Kind == TransportFailureKind.Transient;
}
