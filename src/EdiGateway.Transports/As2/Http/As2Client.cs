using EdiGateway.Transports.Cms;
using Microsoft.Extensions.Logging;

namespace EdiGateway.Transports.As2.Http;

/// <summary>How an AS2 send ended.</summary>
public enum As2SendStatus
{
    /// <summary>Signed (if requested) MDN verified, disposition processed, MIC matched (or no MDN requested and 2xx).</summary>
    Delivered,
    /// <summary>Processed with a warning (e.g. duplicate-document).</summary>
    DeliveredWithWarning,
    /// <summary>The partner answered with an error disposition.</summary>
    Rejected,
    /// <summary>The MDN's MIC is missing or differs from what we sent.</summary>
    MicMismatch,
    /// <summary>No usable answer after all attempts; see <see cref="As2SendResult.Failure"/>.</summary>
    Failed,
}

/// <summary>The outcome of <see cref="As2Client.SendAsync"/>; Failed results carry a typed, IsTransient-bearing failure.</summary>
public sealed record As2SendResult(string MessageId, As2SendStatus Status, int Attempts, As2ReceivedMdn? Mdn, TransportException? Failure)
{
    /// <summary>True for Delivered and DeliveredWithWarning.</summary>
    public bool IsDelivered => Status is As2SendStatus.Delivered or As2SendStatus.DeliveredWithWarning;
}

/// <summary>
/// Sends AS2 messages and waits for their receipts (sync on the response, async through <see cref="As2MdnInbox"/>),
/// verifying MDN signature and MIC; resends byte-identical with the same Message-ID and back-off when no MDN comes.
/// </summary>
public sealed class As2Client(HttpClient http, As2MdnInbox inbox, As2EndpointOptions options, TimeProvider time, ILogger<As2Client> logger)
{
    /// <summary>Builds and sends a message to the partner's URL.</summary>
    public Task<As2SendResult> SendAsync(As2PartnerOptions partner, As2OutboundMessage message, CancellationToken cancellationToken)
    {
        var built = As2MessageBuilder.Build(partner, message, time.GetUtcNow(), options.MessageIdDomain);
        return SendBuiltAsync(partner, built, cancellationToken);
    }

    /// <summary>Sends an already built message (the appliance may keep the bytes for a later byte-identical resend).</summary>
    public async Task<As2SendResult> SendBuiltAsync(As2PartnerOptions partner, As2BuiltMessage built, CancellationToken cancellationToken)
    {
        var url = partner.PartnerUrl ?? throw new TransportException("PartnerUrl is not set for " + partner.PartnerId, TransportFailureKind.Configuration);
        var waiter = partner.MdnMode == As2MdnMode.Async ? inbox.Register(built.MessageId) : null;
        try
        {
            TransportException? last = null;
            var delay = partner.RetryDelay;
            for (var attempt = 1; attempt <= Math.Max(1, partner.MaxAttempts); attempt++)
            {
                if (attempt > 1)
                {
                    await Task.Delay(delay, time, cancellationToken);
                    delay *= 2;
                }

                var (result, failure) = await AttemptAsync(partner, url, built, waiter, attempt, cancellationToken);
                As2Log.SendAttempt(logger, built.MessageId, partner.PartnerId, attempt, result?.Status.ToString() ?? failure!.Message);
                if (result is not null)
                {
                    return result;
                }

                last = failure;
                if (!failure!.IsTransient)
                {
                    return new As2SendResult(built.MessageId, As2SendStatus.Failed, attempt, null, failure);
                }
            }

            return new As2SendResult(built.MessageId, As2SendStatus.Failed, partner.MaxAttempts, null, last);
        }
        finally
        {
            if (waiter is not null)
            {
                inbox.Unregister(built.MessageId);
            }
        }
    }

    private async Task<(As2SendResult? Result, TransportException? Failure)> AttemptAsync(
        As2PartnerOptions partner, Uri url, As2BuiltMessage built, Task<As2RawMdn>? waiter, int attempt, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(partner.MdnTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var request = As2HttpMessages.Post(url, built.Headers, built.Body);
            using var response = await http.SendAsync(request, linked.Token);
            var status = (int)response.StatusCode;
            if (status >= 500 || status is 408 or 429)
            {
                return (null, new TransportException("partner answered HTTP " + status, TransportFailureKind.Transient));
            }

            if (!response.IsSuccessStatusCode)
            {
                return (null, new TransportException("partner refused the request with HTTP " + status, TransportFailureKind.Permanent));
            }

            if (partner.MdnMode == As2MdnMode.None)
            {
                return (new As2SendResult(built.MessageId, As2SendStatus.Delivered, attempt, null, null), null);
            }

            As2RawMdn raw;
            if (waiter is null)
            {
                var body = await response.Content.ReadAsByteArrayAsync(linked.Token);
                raw = new As2RawMdn(null, As2HttpMessages.Headers(response), body);
            }
            else
            {
                raw = await waiter.WaitAsync(linked.Token);
            }

            return (Evaluate(partner, built, raw, attempt), null);
        }
        catch (HttpRequestException ex)
        {
            return (null, new TransportException("AS2 POST failed: " + ex.Message, TransportFailureKind.Transient, ex));
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, new TransportException("no MDN within " + partner.MdnTimeout, TransportFailureKind.Transient, ex));
        }
    }

    private static As2SendResult Evaluate(As2PartnerOptions partner, As2BuiltMessage built, As2RawMdn raw, int attempt)
    {
        var mdn = As2MdnReader.Read(raw.Headers, raw.Body, partner.PartnerCertificates);
        if (mdn.Disposition is null)
        {
            return new As2SendResult(built.MessageId, As2SendStatus.Failed, attempt, mdn, new TransportException("MDN unreadable: " + mdn.Detail, TransportFailureKind.Permanent));
        }

        if (partner.RequestSignedMdn && !(mdn.Signed && mdn.SignatureValid))
        {
            return new As2SendResult(built.MessageId, As2SendStatus.Failed, attempt, mdn, new TransportException("MDN signature not valid: " + mdn.Detail, TransportFailureKind.Security));
        }

        if (mdn.Disposition.IsError)
        {
            return new As2SendResult(built.MessageId, As2SendStatus.Rejected, attempt, mdn, null);
        }

        var micOk = mdn.ReceivedMic is not null
            && MicAlgorithms.TryParse(mdn.ReceivedMicAlgorithm, out var alg)
            && built.ExpectedMics.TryGetValue(alg, out var expected)
            && string.Equals(expected, mdn.ReceivedMic, StringComparison.Ordinal);
        if (!micOk && partner.MicMismatchIsFailure)
        {
            return new As2SendResult(built.MessageId, As2SendStatus.MicMismatch, attempt, mdn, null);
        }

        var status = mdn.Disposition.ModifierKind == "warning" || !micOk ? As2SendStatus.DeliveredWithWarning : As2SendStatus.Delivered;
        return new As2SendResult(built.MessageId, status, attempt, mdn, null);
    }
}
