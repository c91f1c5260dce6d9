using System.Text;
using EdiGateway.Transports.Cms;
using EdiGateway.Transports.Mime;

namespace EdiGateway.Transports.As2;

/// <summary>What unwrapping an inbound AS2 message gave: the payload and how it was protected, or the failing disposition.</summary>
public sealed record As2Unwrapped(
    As2Disposition Disposition,
    string Detail,
    byte[] Payload,
    string ContentType,
    string? FileName,
    bool Signed,
    bool Encrypted,
    bool Compressed,
    MicAlgorithm MicAlgorithm,
    string? Mic);

/// <summary>
/// Unwraps an inbound AS2 message layer by layer (decrypt, decompress, verify, in any order; RFC 4130 §4.2, RFC 5402 §3)
/// and computes the MIC per reference §1.4. Bad partner input is a disposition value, never an exception.
/// </summary>
public static class As2InboundReader
{
    private const int MaxLayers = 8;

    /// <summary>Unwraps the HTTP body with the message's own headers; <paramref name="requested"/> supplies the micalg preference.</summary>
    public static As2Unwrapped Read(IReadOnlyList<MimeHeader> httpHeaders, ReadOnlyMemory<byte> body, As2PartnerOptions partner, As2NotificationOptions requested)
    {
        var signed = false;
        var encrypted = false;
        var compressed = false;
        var micAlgorithm = requested.FirstSupportedMic()?.Algorithm ?? MicAlgorithm.Sha1;
        string? mic = null;
        if (!TryOuterEntity(httpHeaders, body, out var entity))
        {
            return Fail(As2Disposition.UnexpectedProcessingError, "outer body is not valid base64");
        }

        for (var layer = 0; layer < MaxLayers; layer++)
        {
            var media = entity.ContentType.MediaType;
            if (media is "application/pkcs7-mime" or "application/x-pkcs7-mime")
            {
                if (!entity.TryDecodeBody(out var der))
                {
                    return Fail(As2Disposition.DecryptionFailed, "pkcs7-mime body is not valid base64");
                }

                var smime = entity.ContentType["smime-type"]?.ToLowerInvariant();
                if (smime == "compressed-data" || (smime is null && CmsCompression.TryDecompress(der, out _, out _)))
                {
                    if (!CmsCompression.TryDecompress(der, out var inflated, out var cerr) || !MimeEntity.TryParse(inflated, out entity, out _))
                    {
                        return Fail(As2Disposition.DecompressionFailed, cerr);
                    }

                    compressed = true;
                    continue;
                }

                if (!CmsEnvelope.TryDecrypt(der, partner.DecryptionCertificates, out var plain, out var derr) || !MimeEntity.TryParse(plain, out entity, out _))
                {
                    return Fail(As2Disposition.DecryptionFailed, derr.Length > 0 ? derr : "decrypted content is not MIME");
                }

                encrypted = true;
                continue;
            }

            if (entity.ContentType.IsMultipartSigned)
            {
                if (!MimeMultipart.TrySplit(entity, out var parts, out var serr) || parts.Count < 2)
                {
                    return Fail(As2Disposition.IntegrityCheckFailed, serr.Length > 0 ? serr : "multipart/signed needs two parts");
                }

                if (!MimeEntity.TryParse(parts[1], out var sigEntity, out _) || !sigEntity.TryDecodeBody(out var sig))
                {
                    return Fail(As2Disposition.AuthenticationFailed, "signature part unreadable");
                }

                var isText = MimeEntity.TryParse(parts[0], out var p1, out _) && p1.ContentType.MediaType.StartsWith("text/", StringComparison.Ordinal);
                var check = CmsSignature.VerifyDetached(parts[0], TrimSignature(sig), partner.PartnerCertificates, isText);
                if (!check.IsValid)
                {
                    var error = check.Failure == SignatureFailure.IntegrityCheckFailed ? As2Disposition.IntegrityCheckFailed : As2Disposition.AuthenticationFailed;
                    return Fail(error, check.Detail);
                }

                signed = true;
                micAlgorithm = check.Algorithm;
                mic = check.Algorithm.Mic(check.SignedContent.Span);
                if (!MimeEntity.TryParse(check.SignedContent, out entity, out _))
                {
                    return Fail(As2Disposition.UnexpectedProcessingError, "signed content is not MIME");
                }

                continue;
            }

            return Payload(entity, partner, signed, encrypted, compressed, micAlgorithm, mic);
        }

        return Fail(As2Disposition.UnexpectedProcessingError, "too many nested layers");
    }

    private static As2Unwrapped Payload(MimeEntity entity, As2PartnerOptions partner, bool signed, bool encrypted, bool compressed, MicAlgorithm micAlgorithm, string? mic)
    {
        if ((partner.RequireSignedInbound && !signed) || (partner.RequireEncryptedInbound && !encrypted))
        {
            return Fail(As2Disposition.InsufficientMessageSecurity, "profile requires " + (partner.RequireSignedInbound && !signed ? "signed" : "encrypted") + " messages");
        }

        if (!entity.TryDecodeBody(out var payload))
        {
            return Fail(As2Disposition.UnexpectedProcessingError, "payload transfer encoding invalid");
        }

        mic ??= encrypted || compressed ? micAlgorithm.Mic(entity.Raw.Span) : micAlgorithm.Mic(payload);
        var fileName = MimeFileName.FromContentDisposition(entity["Content-Disposition"]);
        return new As2Unwrapped(As2Disposition.Processed, "processed", payload, entity.ContentType.MediaType, fileName, signed, encrypted, compressed, micAlgorithm, mic);
    }

    private static byte[] TrimSignature(byte[] sig)
    {
        // A binary signature part may carry the CRLF before the delimiter in its content: DER has an exact length.
        if (sig.Length > 4 && sig[0] == 0x30)
        {
            try
            {
                var reader = new System.Formats.Asn1.AsnReader(sig, System.Formats.Asn1.AsnEncodingRules.BER);
                var len = reader.PeekEncodedValue().Length;
                return len < sig.Length ? sig[..len] : sig;
            }
            catch (System.Formats.Asn1.AsnContentException)
            {
                return sig;
            }
        }

        return sig;
    }

    private static bool TryOuterEntity(IReadOnlyList<MimeHeader> httpHeaders, ReadOnlyMemory<byte> body, out MimeEntity entity)
    {
        var mimeHeaders = httpHeaders.Where(h => h.Name.StartsWith("Content-", StringComparison.OrdinalIgnoreCase) && !h.Name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)).ToList();
        var cte = mimeHeaders.FirstOrDefault(h => h.Name.Equals("Content-Transfer-Encoding", StringComparison.OrdinalIgnoreCase))?.Value.Trim();
        var bytes = body.ToArray();
        if (string.Equals(cte, "base64", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                bytes = Convert.FromBase64String(Encoding.ASCII.GetString(bytes));
            }
            catch (FormatException)
            {
                entity = null!;
                return false;
            }

            mimeHeaders.RemoveAll(h => h.Name.Equals("Content-Transfer-Encoding", StringComparison.OrdinalIgnoreCase));
        }

        return MimeEntity.TryParse(MimeWriter.Entity(mimeHeaders, bytes), out entity, out _);
    }

    private static As2Unwrapped Fail(string error, string detail) =>
        new(As2Disposition.Error(error), detail, [], string.Empty, null, false, false, false, MicAlgorithm.Sha256, null);
}
