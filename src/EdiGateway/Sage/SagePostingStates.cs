using System.Globalization;
using EdiGateway.Sage200.Posting;

namespace EdiGateway.Sage;

/// <summary>The lineage state (and error text) each posting event stands for; pure.</summary>
public static class SagePostingStates
{
    public const string Attempting = "attempting";
    public const string Locked = "locked";
    public const string Retrying = "retrying";
    public const string Parked = "parked";
    public const string Posted = "posted";
    public const string AlreadyPosted = "already-posted";
    public const string Failed = "failed";

    /// <summary>State and plain-words error of an event.</summary>
    public static (string State, string? Error) Of(SagePostingEvent postingEvent) => postingEvent switch
    {
        SagePostingAttempted => (Attempting, null),
        SagePostingLocked l => (Locked, $"Sage record '{l.LockedRecord ?? "unknown"}' is locked"),
        SagePostingRetrying r => (Retrying, string.Create(CultureInfo.InvariantCulture, $"retry {r.Attempt} after {r.Kind} in {r.Delay.TotalMilliseconds:0} ms")),
        SagePostingParked p => (Parked, $"parked ({Describe(p.Reason)}); next attempt {p.NextAttemptAt.ToString("O", CultureInfo.InvariantCulture)}"),
        SagePostingPosted => (Posted, null),
        SagePostingAlreadyPosted => (AlreadyPosted, null),
        SagePostingFailed f => (Failed, f.Reason),
        _ => (postingEvent.GetType().Name, null),
    };

    public static string Describe(SageParkReason reason) => reason switch
    {
        SageParkReason.RecordLocked => "a Sage record stayed locked",
        SageParkReason.Transient => "Sage kept failing",
        SageParkReason.CircuitOpen => "Sage is failing; circuit open",
        SageParkReason.Auth => "Sage ID refused the token: re-authorise Sage",
        _ => reason.ToString(),
    };
}
