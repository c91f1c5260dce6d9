using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using EdiGateway.Transports.Cms;
using EdiGateway.Transports.Mime;

namespace EdiGateway.Transports.As2;

/// <summary>Builds MDNs (RFC 4130 §7, RFC 3798): multipart/report with a disposition-notification part, signed when asked.</summary>
public static class As2MdnBuilder
{
    /// <summary>
    /// Builds the receipt. <paramref name="mic"/> is written only for successful dispositions; a signed receipt is
    /// produced whenever one was requested, error receipts included (§7.3.1).
    /// </summary>
    public static As2BuiltMdn Build(
        As2MdnRequest request,
        As2Disposition disposition,
        (string Mic, MicAlgorithm Algorithm)? mic,
        X509Certificate2? signer,
        As2InteropPreset preset,
        string reportingUa,
        string domain,
        DateTimeOffset now)
    {
        var boundary = MimeWriter.NewBoundary("mdn");
        var text = new StringBuilder()
            .Append("The AS2 message sent on ").Append(request.Date ?? "(no date)")
            .Append(" with subject ").Append(request.Subject ?? "(none)")
            .Append(" and Message-ID ").Append(request.OriginalMessageId).Append("\r\n")
            .Append(disposition.IsSuccess ? "was received and processed.\r\n" : "could not be processed: " + disposition.ModifierText + "\r\n")
            .ToString();
        var fields = new StringBuilder()
            .Append("Reporting-UA: ").Append(reportingUa).Append("\r\n")
            .Append("Original-Recipient: rfc822; ").Append(request.OriginalAs2To).Append("\r\n")
            .Append("Final-Recipient: rfc822; ").Append(request.OriginalAs2To).Append("\r\n")
            .Append("Original-Message-ID: ").Append(request.OriginalMessageId).Append("\r\n")
            .Append("Disposition: ").Append(disposition).Append("\r\n");
        if (mic is { } m && disposition.IsSuccess)
        {
            fields.Append("Received-content-MIC: ").Append(m.Mic).Append(", ").Append(MicSpelling(request.Options, preset, m.Algorithm)).Append("\r\n");
        }

        var report = MimeWriter.Entity(
            [new("Content-Type", "multipart/report; report-type=disposition-notification; boundary=\"" + boundary + "\"")],
            MimeWriter.MultipartBody(boundary,
            [
                MimeWriter.Entity([new("Content-Type", "text/plain"), new("Content-Transfer-Encoding", "7bit")], Encoding.ASCII.GetBytes(text)),
                MimeWriter.Entity([new("Content-Type", "message/disposition-notification"), new("Content-Transfer-Encoding", "7bit")], Encoding.ASCII.GetBytes(fields.ToString())),
            ]));

        var entity = report;
        if (request.Options.SignedReceiptRequested && signer is not null)
        {
            var alg = request.Options.FirstSupportedMic()?.Algorithm ?? MicAlgorithm.Sha256;
            var sig = CmsSignature.SignDetached(report, signer, alg, now);
            var outer = MimeWriter.NewBoundary("mdns");
            entity = MimeWriter.Entity(
                [new("Content-Type", "multipart/signed; protocol=\"application/pkcs7-signature\"; micalg=" + MicSpelling(request.Options, preset, alg) + "; boundary=\"" + outer + "\"")],
                MimeWriter.MultipartBody(outer,
                [
                    report,
                    MimeWriter.Entity(
                    [
                        new("Content-Type", "application/pkcs7-signature; name=\"smime.p7s\""),
                        new("Content-Transfer-Encoding", "base64"),
                        new("Content-Disposition", "attachment; filename=\"smime.p7s\""),
                    ], MimeWriter.Base64Lines(sig)),
                ]));
        }

        MimeEntity.TryParse(entity, out var parsed, out _);
        var messageId = As2MessageBuilder.NewMessageId(domain);
        var headers = new List<MimeHeader>
        {
            new("AS2-From", As2Name.Format(request.OriginalAs2To)),
            new("AS2-To", As2Name.Format(request.OriginalAs2From)),
            new("AS2-Version", preset.As2Version),
            new("Message-ID", messageId),
            new("Date", now.UtcDateTime.ToString("r", CultureInfo.InvariantCulture)),
            new("MIME-Version", "1.0"),
            new("Subject", "Message Disposition Notification"),
        };
        headers.AddRange(parsed.Headers);
        return new As2BuiltMdn(messageId, headers, parsed.Body.ToArray());
    }

    private static string MicSpelling(As2NotificationOptions options, As2InteropPreset preset, MicAlgorithm algorithm)
    {
        foreach (var requested in options.MicAlgorithms)
        {
            if (MicAlgorithms.TryParse(requested, out var a) && a == algorithm)
            {
                return requested;
            }
        }

        return preset.MicName(algorithm);
    }
}
