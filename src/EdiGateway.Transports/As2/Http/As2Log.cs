using Microsoft.Extensions.Logging;

namespace EdiGateway.Transports.As2.Http;

/// <summary>AS2 log messages (event ids 4100-4199); never payloads or keys.</summary>
internal static partial class As2Log
{
    [LoggerMessage(4100, LogLevel.Information, "AS2 message {MessageId} from {As2From} to {As2To}: {Disposition}")]
    public static partial void Received(ILogger logger, string messageId, string as2From, string as2To, string disposition);

    [LoggerMessage(4101, LogLevel.Warning, "AS2 message {MessageId} from {As2From} refused: {Detail}")]
    public static partial void Refused(ILogger logger, string messageId, string as2From, string detail);

    [LoggerMessage(4102, LogLevel.Information, "AS2 duplicate {MessageId} from {As2From}: original MDN replayed={Replayed}")]
    public static partial void Duplicate(ILogger logger, string messageId, string as2From, bool replayed);

    [LoggerMessage(4103, LogLevel.Error, "AS2 message {MessageId}: payload could not be stored")]
    public static partial void StoreFailed(ILogger logger, string messageId, Exception exception);

    [LoggerMessage(4104, LogLevel.Warning, "Async MDN for {MessageId} to {Url} attempt {Attempt} failed: {Detail}")]
    public static partial void AsyncMdnFailed(ILogger logger, string messageId, string url, int attempt, string detail);

    [LoggerMessage(4105, LogLevel.Warning, "Async MDN URL {Url} for {MessageId} is not allowed for partner {PartnerId}")]
    public static partial void AsyncMdnUrlRefused(ILogger logger, string url, string messageId, string partnerId);

    [LoggerMessage(4110, LogLevel.Information, "AS2 send {MessageId} to {PartnerId} attempt {Attempt}: {Outcome}")]
    public static partial void SendAttempt(ILogger logger, string messageId, string partnerId, int attempt, string outcome);
}
