using EdiGateway.Transports.Cms;
using EdiGateway.Transports.Mime;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace EdiGateway.Transports.As2.Http;

/// <summary>
/// The AS2 receive endpoint (RFC 4130): refuses unknown pairs, unwraps, stores through <see cref="IInboundSink"/>
/// BEFORE acknowledging, answers with a sync MDN or posts an async one; duplicates replay the original MDN.
/// </summary>
public sealed class As2Receiver(
    IAs2PartnerDirectory partners,
    IInboundSink sink,
    IAs2MessageStore messages,
    As2MdnInbox inbox,
    As2AsyncMdnSender asyncSender,
    As2EndpointOptions options,
    TimeProvider time,
    ILogger<As2Receiver> logger)
{
    /// <summary>Handles one POST; map it with <see cref="As2EndpointExtensions.MapAs2Receiver"/>.</summary>
    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        if (!HttpMethods.IsPost(request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }

        var headers = request.Headers.Select(h => new MimeHeader(h.Key, h.Value.ToString())).ToList();
        string? Header(string name) => request.Headers.TryGetValue(name, out var v) ? v.ToString() : null;
        var body = await ReadBodyAsync(context);
        if (body is null)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        if (As2MdnReader.IsMdn(headers, body))
        {
            var peek = As2MdnReader.Read(headers, body, []);
            await inbox.DeliverAsync(new As2RawMdn(peek.OriginalMessageId, headers, body), context.RequestAborted);
            context.Response.StatusCode = StatusCodes.Status200OK;
            return;
        }

        var from = As2Name.Parse(Header("AS2-From"));
        var to = As2Name.Parse(Header("AS2-To"));
        var messageId = Header("Message-ID")?.Trim();
        if (from.Length == 0 || to.Length == 0 || string.IsNullOrEmpty(messageId))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var mdnRequest = new As2MdnRequest(
            messageId, from, to, Header("Subject"), Header("Date"),
            As2NotificationOptions.Parse(Header("Disposition-Notification-Options")),
            Uri.TryCreate(Header("Receipt-Delivery-Option")?.Trim(), UriKind.Absolute, out var rdo) ? rdo : null);
        var wantsMdn = Header("Disposition-Notification-To") is not null;
        var partner = partners.Find(from, to);
        if (partner is null)
        {
            As2Log.Refused(logger, messageId, from, "unknown AS2-From/AS2-To pair");
            var refused = As2MdnBuilder.Build(mdnRequest with { Options = As2NotificationOptions.None }, As2Disposition.Error(As2Disposition.AuthenticationFailed), null, null, As2InteropPreset.Default, options.ReportingUa, options.MessageIdDomain, time.GetUtcNow());
            await WriteMdnAsync(context, refused, wantsMdn);
            return;
        }

        var key = new As2MessageKey(from, to, messageId);
        var claim = await messages.TryClaimAsync(key, context.RequestAborted);
        if (!claim.IsFirst)
        {
            As2Log.Duplicate(logger, messageId, from, claim.OriginalMdn is not null);
            var replay = claim.OriginalMdn ?? Mdn(partner, mdnRequest, As2Disposition.Warning(As2Disposition.DuplicateDocument), null);
            await RespondAsync(context, partner, mdnRequest, replay, wantsMdn);
            return;
        }

        var unwrapped = As2InboundReader.Read(headers, body, partner, mdnRequest.Options);
        if (!unwrapped.Disposition.IsSuccess)
        {
            await messages.ReleaseAsync(key, CancellationToken.None);
            As2Log.Refused(logger, messageId, from, unwrapped.Detail);
            await RespondAsync(context, partner, mdnRequest, Mdn(partner, mdnRequest, unwrapped.Disposition, null), wantsMdn);
            return;
        }

        string storedId;
        try
        {
            storedId = await sink.StoreAsync(ToInbound(partner, unwrapped, messageId, from, to), context.RequestAborted);
        }
        catch (Exception ex)
        {
            await messages.ReleaseAsync(key, CancellationToken.None);
            As2Log.StoreFailed(logger, messageId, ex);
            if (ex is TransportException { IsTransient: true } or OperationCanceledException)
            {
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                return;
            }

            await RespondAsync(context, partner, mdnRequest, Mdn(partner, mdnRequest, As2Disposition.Error(As2Disposition.UnexpectedProcessingError), null), wantsMdn);
            return;
        }

        var mdn = Mdn(partner, mdnRequest, As2Disposition.Processed, (unwrapped.Mic!, unwrapped.MicAlgorithm));
        await messages.CompleteAsync(key, storedId, mdn, CancellationToken.None);
        As2Log.Received(logger, messageId, from, to, "processed");
        await RespondAsync(context, partner, mdnRequest, mdn, wantsMdn);
    }

    private InboundMessage ToInbound(As2PartnerOptions partner, As2Unwrapped unwrapped, string messageId, string from, string to) =>
        new("as2", partner.PartnerId, unwrapped.FileName, unwrapped.ContentType, unwrapped.Payload,
            new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["as2.message-id"] = messageId,
                ["as2.from"] = from,
                ["as2.to"] = to,
                ["as2.signed"] = unwrapped.Signed ? "true" : "false",
                ["as2.encrypted"] = unwrapped.Encrypted ? "true" : "false",
                ["as2.compressed"] = unwrapped.Compressed ? "true" : "false",
                ["as2.mic"] = unwrapped.Mic + ", " + unwrapped.MicAlgorithm.ToRfc5751Name(),
            },
            time.GetUtcNow());

    private As2BuiltMdn Mdn(As2PartnerOptions partner, As2MdnRequest request, As2Disposition disposition, (string, MicAlgorithm)? mic) =>
        As2MdnBuilder.Build(request, disposition, mic, partner.LocalCertificate, partner.Interop, options.ReportingUa, options.MessageIdDomain, time.GetUtcNow());

    private async Task RespondAsync(HttpContext context, As2PartnerOptions partner, As2MdnRequest request, As2BuiltMdn mdn, bool wantsMdn)
    {
        if (wantsMdn && request.ReceiptDeliveryUrl is { } url)
        {
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentLength = 0;
            if (partner.AllowedAsyncMdnUrlPrefixes.Any(p => url.ToString().StartsWith(p, StringComparison.OrdinalIgnoreCase)))
            {
                asyncSender.Enqueue(url, request.OriginalMessageId, mdn);
            }
            else
            {
                As2Log.AsyncMdnUrlRefused(logger, url.ToString(), request.OriginalMessageId, partner.PartnerId);
            }

            return;
        }

        await WriteMdnAsync(context, mdn, wantsMdn);
    }

    private static async Task WriteMdnAsync(HttpContext context, As2BuiltMdn mdn, bool wantsMdn)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        if (!wantsMdn)
        {
            response.ContentLength = 0;
            return;
        }

        foreach (var h in mdn.Headers)
        {
            if (h.Name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                response.ContentType = h.Value;
            }
            else
            {
                response.Headers[h.Name] = h.Value;
            }
        }

        response.ContentLength = mdn.Body.Length;
        await response.Body.WriteAsync(mdn.Body, context.RequestAborted);
    }

    private async Task<byte[]?> ReadBodyAsync(HttpContext context)
    {
        var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false })
        {
            feature.MaxRequestBodySize = options.MaxBodyBytes;
        }

        if (context.Request.ContentLength > options.MaxBodyBytes)
        {
            return null;
        }

        using var ms = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        try
        {
            while ((read = await context.Request.Body.ReadAsync(buffer, context.RequestAborted)) > 0)
            {
                ms.Write(buffer, 0, read);
                if (ms.Length > options.MaxBodyBytes)
                {
                    return null;
                }
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }

        return ms.ToArray();
    }
}
