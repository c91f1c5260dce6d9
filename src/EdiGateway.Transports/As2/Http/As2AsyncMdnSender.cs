using Microsoft.Extensions.Logging;

namespace EdiGateway.Transports.As2.Http;

/// <summary>
/// Posts async MDNs to the partner's Receipt-Delivery-Option URL on a new connection, with back-off retries.
/// In-process only: an MDN not delivered before shutdown is lost (the partner resends and gets the stored MDN).
/// </summary>
public sealed class As2AsyncMdnSender(HttpClient http, As2EndpointOptions options, TimeProvider time, ILogger<As2AsyncMdnSender> logger) : IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _pending = [];
    private readonly Lock _gate = new();

    /// <summary>Schedules delivery and returns at once.</summary>
    public void Enqueue(Uri url, string originalMessageId, As2BuiltMdn mdn)
    {
        var task = Task.Run(() => DeliverAsync(url, originalMessageId, mdn, _stopping.Token));
        lock (_gate)
        {
            _pending.RemoveAll(t => t.IsCompleted);
            _pending.Add(task);
        }
    }

    /// <summary>Waits for scheduled deliveries (tests, graceful shutdown).</summary>
    public Task DrainAsync()
    {
        lock (_gate)
        {
            return Task.WhenAll(_pending.ToArray());
        }
    }

    /// <summary>Posts one MDN with retries; returns false when every attempt failed.</summary>
    public async Task<bool> DeliverAsync(Uri url, string originalMessageId, As2BuiltMdn mdn, CancellationToken cancellationToken)
    {
        var delay = options.AsyncMdnRetryDelay;
        for (var attempt = 1; attempt <= options.AsyncMdnAttempts; attempt++)
        {
            try
            {
                using var request = As2HttpMessages.Post(url, mdn.Headers, mdn.Body);
                using var response = await http.SendAsync(request, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return true;
                }

                As2Log.AsyncMdnFailed(logger, originalMessageId, url.ToString(), attempt, "HTTP " + (int)response.StatusCode);
            }
            catch (HttpRequestException ex)
            {
                As2Log.AsyncMdnFailed(logger, originalMessageId, url.ToString(), attempt, ex.Message);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return false;
            }

            if (attempt < options.AsyncMdnAttempts)
            {
                await Task.Delay(delay, time, cancellationToken);
                delay *= 2;
            }
        }

        return false;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
    }
}
