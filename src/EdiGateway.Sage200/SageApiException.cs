using System.Net;

namespace EdiGateway.Sage200;

/// <summary>What went wrong at the Sage boundary; retry policies read this, never message text.</summary>
public enum SageErrorKind
{
    /// <summary>A record is open in the desktop (or otherwise locked); retry later.</summary>
    RecordLocked,

    /// <summary>5xx, connection failure or a transient 400 text; the request did not commit (reads) or may be retried.</summary>
    Transient,

    /// <summary>A read did not answer in time.</summary>
    Timeout,

    /// <summary>Sage refused the data (400) or the connector refused it before sending.</summary>
    Validation,

    /// <summary>404 (resource or record).</summary>
    NotFound,

    /// <summary>401/403 or a failed token refresh: re-authorise Sage.</summary>
    Auth,

    /// <summary>A write timed out or failed after it may have committed: look up before any retry.</summary>
    UnknownOutcome,
}

/// <summary>The one exception type of the Sage 200 boundary (client and posting engine).</summary>
public sealed class SageApiException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SageApiException(SageErrorKind kind, string message, HttpStatusCode? statusCode = null, string? sageMessage = null, string? lockedRecord = null, Exception? inner = null)
        : base(message, inner)
    {
        Kind = kind;
        StatusCode = statusCode;
        SageMessage = sageMessage;
        LockedRecord = lockedRecord;
    }

    /// <summary>Creates an exception with a message only (serialisation-style constructor).</summary>
    public SageApiException() : this(SageErrorKind.Transient, "Sage 200 call failed") { }

    /// <summary>Creates an exception with a message only.</summary>
    public SageApiException(string message) : this(SageErrorKind.Transient, message) { }

    /// <summary>Creates an exception with a message and cause.</summary>
    public SageApiException(string message, Exception inner) : this(SageErrorKind.Transient, message, inner: inner) { }

    /// <summary>Classification of the failure.</summary>
    public SageErrorKind Kind { get; }

    /// <summary>HTTP status when Sage answered.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>Sage's message text (from the body), for the operator; may contain record names, never tokens.</summary>
    public string? SageMessage { get; }

    /// <summary>The locked record named by Sage, when the lock pattern captured one.</summary>
    public string? LockedRecord { get; }

    /// <summary>True when a later retry may succeed.</summary>
    public bool IsTransient => Kind is SageErrorKind.RecordLocked or SageErrorKind.Transient or SageErrorKind.Timeout or SageErrorKind.UnknownOutcome;
}
