using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;

namespace EdiGateway.Transports.Cms;

/// <summary>Why a detached signature was not accepted.</summary>
public enum SignatureFailure
{
    None,
    /// <summary>The content does not match the signed digest (tampered or re-encoded).</summary>
    IntegrityCheckFailed,
    /// <summary>The signer is not a pinned partner certificate, or the signature value is invalid.</summary>
    AuthenticationFailed,
}

/// <summary>Outcome of verifying a detached signature: which content variant (R2) matched and with which digest.</summary>
public sealed record SignatureCheck(
    SignatureFailure Failure,
    MicAlgorithm Algorithm,
    ReadOnlyMemory<byte> SignedContent,
    string Variant,
    string Detail)
{
    /// <summary>True when the signature verified against a pinned certificate.</summary>
    public bool IsValid => Failure == SignatureFailure.None;
}

/// <summary>Detached CMS signatures for AS2 (R9, R10): signed attributes, end certificate only, pinned signer.</summary>
public static class CmsSignature
{
    /// <summary>Signs content detached with contentType, messageDigest and signingTime attributes; returns DER.</summary>
    public static byte[] SignDetached(ReadOnlySpan<byte> content, X509Certificate2 signer, MicAlgorithm algorithm, DateTimeOffset signingTime, bool wholeChain = false)
    {
        var cms = new SignedCms(new ContentInfo(content.ToArray()), detached: true);
        var cmsSigner = new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, signer)
        {
            DigestAlgorithm = new Oid(algorithm.ToOid()),
            IncludeOption = wholeChain ? X509IncludeOption.WholeChain : X509IncludeOption.EndCertOnly,
        };
        cmsSigner.SignedAttributes.Add(new Pkcs9SigningTime(signingTime.UtcDateTime));
        cms.ComputeSignature(cmsSigner, silent: true);
        return cms.Encode();
    }

    /// <summary>
    /// Verifies a detached signature against pinned partner certificates, trying the R2 content variants in order:
    /// raw, minus one trailing CRLF, plus one CRLF, LF to CRLF (text only).
    /// </summary>
    public static SignatureCheck VerifyDetached(ReadOnlyMemory<byte> content, ReadOnlySpan<byte> signatureDer, IReadOnlyList<X509Certificate2> pinned, bool isText)
    {
        SignedCms probe;
        try
        {
            probe = new SignedCms(new ContentInfo(content.ToArray()), detached: true);
            probe.Decode(signatureDer);
        }
        catch (CryptographicException ex)
        {
            return Fail(SignatureFailure.AuthenticationFailed, "signature is not a CMS SignedData: " + ex.Message);
        }

        if (probe.SignerInfos.Count == 0)
        {
            return Fail(SignatureFailure.AuthenticationFailed, "signature has no signer");
        }

        var info = probe.SignerInfos[0];
        var signer = FindPinned(info, pinned, probe.Certificates);
        if (signer is null)
        {
            return Fail(SignatureFailure.AuthenticationFailed, "signer is not a pinned partner certificate");
        }

        if (!MicAlgorithms.TryFromOid(info.DigestAlgorithm.Value, out var algorithm))
        {
            return Fail(SignatureFailure.AuthenticationFailed, "unsupported digest algorithm " + info.DigestAlgorithm.Value);
        }

        var signedDigest = info.SignedAttributes.Cast<CryptographicAttributeObject>()
            .Where(a => a.Oid.Value == "1.2.840.113549.1.9.4")
            .SelectMany(a => a.Values.Cast<AsnEncodedData>())
            .Select(v => new System.Formats.Asn1.AsnReader(v.RawData, System.Formats.Asn1.AsnEncodingRules.BER).ReadOctetString())
            .FirstOrDefault();

        foreach (var (variant, bytes) in Variants(content, isText))
        {
            if (signedDigest is not null && !algorithm.Hash(bytes.Span).AsSpan().SequenceEqual(signedDigest))
            {
                continue;
            }

            try
            {
                var cms = new SignedCms(new ContentInfo(bytes.ToArray()), detached: true);
                cms.Decode(signatureDer);
                var si = cms.SignerInfos[0];
                si.CheckSignature([signer], verifySignatureOnly: true);
                var used = si.Certificate ?? signer;
                if (!string.Equals(used.Thumbprint, signer.Thumbprint, StringComparison.OrdinalIgnoreCase))
                {
                    return Fail(SignatureFailure.AuthenticationFailed, "signature made with a certificate that is not pinned");
                }

                return new SignatureCheck(SignatureFailure.None, algorithm, bytes, variant, "verified");
            }
            catch (CryptographicException ex)
            {
                if (signedDigest is not null)
                {
                    return Fail(SignatureFailure.AuthenticationFailed, "signature value invalid: " + ex.Message);
                }
            }
        }

        return Fail(SignatureFailure.IntegrityCheckFailed, "content does not match the signed digest");
    }

    private static X509Certificate2? FindPinned(SignerInfo info, IReadOnlyList<X509Certificate2> pinned, X509Certificate2Collection embedded)
    {
        foreach (var cert in pinned)
        {
            if (Matches(info.SignerIdentifier, cert))
            {
                return cert;
            }
        }

        // Some signers identify by an embedded certificate we pinned under another identifier form.
        foreach (var e in embedded)
        {
            if (Matches(info.SignerIdentifier, e) && pinned.Any(p => string.Equals(p.Thumbprint, e.Thumbprint, StringComparison.OrdinalIgnoreCase)))
            {
                return pinned.First(p => string.Equals(p.Thumbprint, e.Thumbprint, StringComparison.OrdinalIgnoreCase));
            }
        }

        return null;
    }

    private static bool Matches(SubjectIdentifier id, X509Certificate2 cert)
    {
        switch (id.Type)
        {
            case SubjectIdentifierType.IssuerAndSerialNumber when id.Value is System.Security.Cryptography.Xml.X509IssuerSerial serial:
                return string.Equals(serial.IssuerName, cert.Issuer, StringComparison.Ordinal)
                    && string.Equals(serial.SerialNumber.TrimStart('0'), cert.SerialNumber.TrimStart('0'), StringComparison.OrdinalIgnoreCase);
            case SubjectIdentifierType.SubjectKeyIdentifier when id.Value is string ski:
                var ext = cert.Extensions.OfType<X509SubjectKeyIdentifierExtension>().FirstOrDefault();
                return ext is not null && string.Equals(ext.SubjectKeyIdentifier, ski, StringComparison.OrdinalIgnoreCase);
            default:
                return false;
        }
    }

    private static IEnumerable<(string Name, ReadOnlyMemory<byte> Bytes)> Variants(ReadOnlyMemory<byte> content, bool isText)
    {
        yield return ("raw", content);
        if (content.Span.EndsWith("\r\n"u8))
        {
            yield return ("minus-crlf", content[..^2]);
        }

        var plus = new byte[content.Length + 2];
        content.Span.CopyTo(plus);
        plus[^2] = (byte)'\r';
        plus[^1] = (byte)'\n';
        yield return ("plus-crlf", plus);
        if (isText)
        {
            yield return ("lf-to-crlf", LfToCrlf(content.Span));
        }
    }

    private static byte[] LfToCrlf(ReadOnlySpan<byte> data)
    {
        var list = new List<byte>(data.Length + 64);
        for (var i = 0; i < data.Length; i++)
        {
            if (data[i] == (byte)'\n' && (i == 0 || data[i - 1] != (byte)'\r'))
            {
                list.Add((byte)'\r');
            }

            list.Add(data[i]);
        }

        return [.. list];
    }

    private static SignatureCheck Fail(SignatureFailure failure, string detail) =>
        new(failure, MicAlgorithm.Sha256, ReadOnlyMemory<byte>.Empty, string.Empty, detail);
}
