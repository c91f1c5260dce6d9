using System.Globalization;
using EdiGateway.Transports.Cms;
using EdiGateway.Transports.Mime;

namespace EdiGateway.Transports.As2;

/// <summary>A payload to send to a partner over AS2.</summary>
/// <param name="FileName">Sent in Content-Disposition of the payload part.</param>
/// <param name="ContentType">application/edi-x12, application/EDIFACT, application/xml...</param>
/// <param name="Content">The payload bytes.</param>
/// <param name="Subject">Optional Subject header.</param>
/// <param name="MessageId">Set only to resend a message the appliance already sent; otherwise a new id is made.</param>
public sealed record As2OutboundMessage(string FileName, string ContentType, ReadOnlyMemory<byte> Content, string? Subject = null, string? MessageId = null);

/// <summary>An AS2 request ready to POST (byte-identical on resend), with the MICs we expect back.</summary>
public sealed record As2BuiltMessage(
    string MessageId,
    IReadOnlyList<MimeHeader> Headers,
    byte[] Body,
    IReadOnlyDictionary<MicAlgorithm, string> ExpectedMics,
    bool Signed,
    bool Encrypted,
    bool Compressed);

/// <summary>Builds outbound AS2 messages: payload entity, optional compression, detached signature, envelope (RFC 4130 §5, RFC 5402).</summary>
public static class As2MessageBuilder
{
    /// <summary>Builds the message for a partner; <paramref name="domain"/> goes into new Message-IDs.</summary>
    public static As2BuiltMessage Build(As2PartnerOptions partner, As2OutboundMessage message, DateTimeOffset now, string domain)
    {
        var preset = partner.Interop;
        var compress = preset.CompressionAllowed ? partner.Compression : As2Compression.None;
        var payloadHeaders = new List<MimeHeader>
        {
            new("Content-Type", message.ContentType),
            new("Content-Disposition", "attachment; filename=" + (preset.QuoteFileName ? MimeContentType.Quote(message.FileName) : message.FileName)),
        };
        byte[] payloadBody = message.Content.ToArray();
        if (preset.PayloadEncoding == As2TransferEncoding.Base64)
        {
            payloadHeaders.Add(new MimeHeader("Content-Transfer-Encoding", "base64"));
            payloadBody = MimeWriter.Base64Lines(payloadBody);
        }
        else
        {
            payloadHeaders.Add(new MimeHeader("Content-Transfer-Encoding", "binary"));
        }

        var payloadEntity = MimeWriter.Entity(payloadHeaders, payloadBody);
        var entity = payloadEntity;
        if (compress == As2Compression.BeforeSigning)
        {
            entity = CompressedEntity(entity, preset);
        }

        byte[] micInput;
        var signed = partner.Signing is not null;
        var micAlgorithms = Enum.GetValues<MicAlgorithm>();
        if (partner.Signing is { } signAlg)
        {
            micInput = entity;
            micAlgorithms = [signAlg];
            entity = SignedEntity(entity, partner.LocalCertificate, signAlg, preset.MicName(signAlg), now);
        }
        else
        {
            micInput = partner.Encryption is not null || compress != As2Compression.None ? payloadEntity : message.Content.ToArray();
        }

        if (compress == As2Compression.AfterSigning)
        {
            entity = CompressedEntity(entity, preset);
        }

        var headers = new List<MimeHeader>();
        byte[] body;
        if (partner.Encryption is { } enc)
        {
            var der = CmsEnvelope.Encrypt(entity, partner.PartnerCertificates[0], enc, preset.KeyTransport);
            headers.Add(new MimeHeader("Content-Type", "application/pkcs7-mime; smime-type=enveloped-data; name=\"smime.p7m\""));
            headers.Add(new MimeHeader("Content-Disposition", "attachment; filename=\"smime.p7m\""));
            body = EncodeOuter(der, preset, headers);
        }
        else
        {
            if (!MimeEntity.TryParse(entity, out var e, out _))
            {
                throw new InvalidOperationException("built entity is not MIME");
            }

            headers.AddRange(e.Headers);
            body = e.Body.ToArray();
        }

        var messageId = message.MessageId ?? NewMessageId(domain);
        headers.InsertRange(0,
        [
            new("AS2-From", As2Name.Format(partner.LocalAs2Id)),
            new("AS2-To", As2Name.Format(partner.PartnerAs2Id)),
            new("AS2-Version", preset.As2Version),
            new("Message-ID", messageId),
            new("Date", now.UtcDateTime.ToString("r", CultureInfo.InvariantCulture)),
            new("MIME-Version", "1.0"),
        ]);
        if (message.Subject is not null)
        {
            headers.Add(new MimeHeader("Subject", message.Subject));
        }

        AddReceiptHeaders(partner, headers);
        var mics = micAlgorithms.ToDictionary(a => a, a => a.Mic(micInput));
        return new As2BuiltMessage(messageId, headers, body, mics, signed, partner.Encryption is not null, compress != As2Compression.None);
    }

    /// <summary>A new Message-ID: &lt;guid@domain&gt;, ASCII, well under 255 characters.</summary>
    public static string NewMessageId(string domain) => "<" + Guid.NewGuid().ToString("N") + "@" + domain + ">";

    private static void AddReceiptHeaders(As2PartnerOptions partner, List<MimeHeader> headers)
    {
        if (partner.MdnMode == As2MdnMode.None)
        {
            return;
        }

        headers.Add(new MimeHeader("Disposition-Notification-To", partner.LocalAs2Id));
        if (partner.RequestSignedMdn)
        {
            headers.Add(new MimeHeader("Disposition-Notification-Options", As2NotificationOptions.Format(partner.Interop.MicName(partner.Signing ?? MicAlgorithm.Sha256))));
        }

        if (partner.MdnMode == As2MdnMode.Async)
        {
            var url = partner.AsyncMdnUrl ?? throw new TransportException("async MDN requested but AsyncMdnUrl is not set for " + partner.PartnerId, TransportFailureKind.Configuration);
            headers.Add(new MimeHeader("Receipt-Delivery-Option", url.ToString()));
        }
    }

    private static byte[] EncodeOuter(byte[] der, As2InteropPreset preset, List<MimeHeader> headers)
    {
        if (preset.OuterEncoding == As2TransferEncoding.Base64)
        {
            headers.Add(new MimeHeader("Content-Transfer-Encoding", "base64"));
            if (!headers.Any(h => h.Name.Equals("Content-Disposition", StringComparison.OrdinalIgnoreCase)))
            {
                headers.Add(new MimeHeader("Content-Disposition", "attachment; filename=\"smime.p7m\""));
            }

            return MimeWriter.Base64Lines(der);
        }

        return der;
    }

    private static byte[] CompressedEntity(byte[] entity, As2InteropPreset preset)
    {
        var der = CmsCompression.Compress(entity);
        return MimeWriter.Entity(
        [
            new("Content-Type", "application/pkcs7-mime; smime-type=compressed-data; name=\"smime.p7z\""),
            new("Content-Transfer-Encoding", "base64"),
            new("Content-Disposition", "attachment; filename=\"smime.p7z\""),
        ], MimeWriter.Base64Lines(der));
    }

    private static byte[] SignedEntity(byte[] entity, System.Security.Cryptography.X509Certificates.X509Certificate2 signer, MicAlgorithm algorithm, string micName, DateTimeOffset now)
    {
        var signature = CmsSignature.SignDetached(entity, signer, algorithm, now);
        var sigPart = MimeWriter.Entity(
        [
            new("Content-Type", "application/pkcs7-signature; name=\"smime.p7s\""),
            new("Content-Transfer-Encoding", "base64"),
            new("Content-Disposition", "attachment; filename=\"smime.p7s\""),
        ], MimeWriter.Base64Lines(signature));
        var boundary = MimeWriter.NewBoundary("as2");
        return MimeWriter.Entity(
        [
            new("Content-Type", "multipart/signed; protocol=\"application/pkcs7-signature\"; micalg=" + micName + "; boundary=\"" + boundary + "\""),
        ], MimeWriter.MultipartBody(boundary, [entity, sigPart]));
    }
}
