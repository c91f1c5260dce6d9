using Microsoft.Extensions.Logging;

namespace EdiGateway.Actors;

/// <summary>Source-generated log events of the actor runtime (event ids 1000-1099); never message payloads.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Warning,
        Message = "Restarting {ActorPath} after {ExceptionType} (restart {Attempt} in window, backoff {BackoffMs} ms)")]
    public static partial void RestartScheduled(ILogger logger, string actorPath, string exceptionType, int attempt, long backoffMs, Exception exception);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Restarted {ActorPath} (restart {RestartCount} since start)")]
    public static partial void Restarted(ILogger logger, string actorPath, long restartCount);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Resuming {ActorPath} after {ExceptionType}")]
    public static partial void Resuming(ILogger logger, string actorPath, string exceptionType, Exception exception);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "Stopping {ActorPath} after {ExceptionType}")]
    public static partial void StoppingAfterFailure(ILogger logger, string actorPath, string exceptionType, Exception exception);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning, Message = "Escalating {ExceptionType} of {ActorPath} to the parent of {ParentPath}")]
    public static partial void Escalating(ILogger logger, string actorPath, string parentPath, string exceptionType);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Error,
        Message = "{ActorPath} used up {MaxRetries} restarts within {RetryWindow}; {Directive}")]
    public static partial void RetriesExhausted(ILogger logger, string actorPath, int maxRetries, TimeSpan retryWindow, Directive directive);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Error, Message = "Failure of {ActorPath} escalated to the guardian; stopping it")]
    public static partial void EscalatedToGuardian(ILogger logger, string actorPath, Exception exception);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Error, Message = "{Hook} of {ActorPath} threw {ExceptionType}")]
    public static partial void HookFailed(ILogger logger, string hook, string actorPath, string exceptionType, Exception exception);

    [LoggerMessage(EventId = 1008, Level = LogLevel.Debug, Message = "Dead letter {MessageType} from {Sender} to {Recipient} ({Reason})")]
    public static partial void DeadLetter(ILogger logger, string messageType, string sender, string recipient, DeadLetterReason reason);

    [LoggerMessage(EventId = 1009, Level = LogLevel.Debug, Message = "{ActorPath} stopped")]
    public static partial void Stopped(ILogger logger, string actorPath);

    [LoggerMessage(EventId = 1010, Level = LogLevel.Information, Message = "Actor system {SystemName} started")]
    public static partial void SystemStarted(ILogger logger, string systemName);

    [LoggerMessage(EventId = 1011, Level = LogLevel.Information, Message = "Actor system {SystemName} terminating ({Mode})")]
    public static partial void SystemTerminating(ILogger logger, string systemName, TerminationMode mode);

    [LoggerMessage(EventId = 1012, Level = LogLevel.Information, Message = "Actor system {SystemName} terminated")]
    public static partial void SystemTerminated(ILogger logger, string systemName);

    [LoggerMessage(EventId = 1013, Level = LogLevel.Critical, Message = "Message loop of {ActorPath} crashed; the actor is stopped")]
    public static partial void LoopCrashed(ILogger logger, string actorPath, Exception exception);

    [LoggerMessage(EventId = 1014, Level = LogLevel.Error, Message = "{ActorPath} failed with {ExceptionType}")]
    public static partial void ActorFailed(ILogger logger, string actorPath, string exceptionType, Exception exception);
}
