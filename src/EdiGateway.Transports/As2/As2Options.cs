using System.Security.Cryptography.X509Certificates;
using EdiGateway.Transports.Cms;

namespace EdiGateway.Transports.As2;

/// <summary>Where compression sits relative to signing (RFC 5402 §3); receivers accept all six layerings.</summary>
public enum As2Compression
{
    None,
    /// <summary>compress, then sign, then encrypt (our default when compression is on, R6).</summary>
    BeforeSigning,
    /// <summary>sign, then compress, then encrypt.</summary>
    AfterSigning,
}

/// <summary>Whether and how a receipt is requested.</summary>
public enum As2MdnMode
{
    None,
    Sync,
    Async,
}

/// <summary>Body encoding for application/pkcs7-mime bodies and payload parts.</summary>
public enum As2TransferEncoding
{
    Binary,
    Base64,
}

/// <summary>
/// Named bundle of interop switches for a partner's AS2 stack (reference §2 vendor presets): transfer encodings,
/// key transport, AS2-Version, filename quoting, MIC algorithm spelling.
/// </summary>
public sealed record As2InteropPreset(
    string Name,
    As2TransferEncoding OuterEncoding,
    As2TransferEncoding PayloadEncoding,
    KeyTransport KeyTransport,
    string As2Version,
    bool QuoteFileName,
    bool CompressionAllowed,
    bool MicNameWithoutDash)
{
    /// <summary>RFC defaults: binary bodies, PKCS#1 v1.5, AS2-Version 1.1, sha-256 spellings.</summary>
    public static As2InteropPreset Default { get; } = new("default", As2TransferEncoding.Binary, As2TransferEncoding.Binary, KeyTransport.Pkcs1, "1.1", true, true, false);

    /// <summary>Amazon Vendor Central (community reports): no compression, raw-byte MIC, RSA 4096 certificates, binary bodies.</summary>
    public static As2InteropPreset Amazon { get; } = new("amazon", As2TransferEncoding.Binary, As2TransferEncoding.Binary, KeyTransport.Pkcs1, "1.2", true, false, false);

    /// <summary>libas2 (node): base64 bodies with Content-Disposition, OAEP envelopes, no compression.</summary>
    public static As2InteropPreset LibAs2 { get; } = new("libas2", As2TransferEncoding.Base64, As2TransferEncoding.Base64, KeyTransport.OaepSha256, "1.1", true, false, false);

    /// <summary>All built-in presets by name.</summary>
    public static IReadOnlyDictionary<string, As2InteropPreset> Named { get; } = new Dictionary<string, As2InteropPreset>(StringComparer.OrdinalIgnoreCase)
    {
        ["default"] = Default,
        ["amazon"] = Amazon,
        ["libas2"] = LibAs2,
    };

    /// <summary>The micalg spelling this preset emits.</summary>
    public string MicName(MicAlgorithm algorithm) =>
        MicNameWithoutDash ? algorithm.ToRfc5751Name().Replace("-", string.Empty, StringComparison.Ordinal) : algorithm.ToRfc5751Name();
}

/// <summary>One trading partner's AS2 agreement: identities, certificates, security and receipt settings, retries.</summary>
public sealed record As2PartnerOptions
{
    /// <summary>The appliance's partner id (passed to the sink).</summary>
    public required string PartnerId { get; init; }

    /// <summary>Our AS2 name for this partner (AS2-From on what we send).</summary>
    public required string LocalAs2Id { get; init; }

    /// <summary>The partner's AS2 name (AS2-To on what we send).</summary>
    public required string PartnerAs2Id { get; init; }

    /// <summary>The partner's AS2 URL for outbound messages.</summary>
    public Uri? PartnerUrl { get; init; }

    /// <summary>Our certificate with private key: signs what we send, decrypts what we receive.</summary>
    public required X509Certificate2 LocalCertificate { get; init; }

    /// <summary>Older or newer certificates of ours still accepted for decryption (rollover).</summary>
    public IReadOnlyList<X509Certificate2> AdditionalDecryptionCertificates { get; init; } = [];

    /// <summary>Pinned partner certificates (rollovers overlap); the first encrypts what we send.</summary>
    public required IReadOnlyList<X509Certificate2> PartnerCertificates { get; init; }

    /// <summary>Digest for signing outbound messages; null sends unsigned.</summary>
    public MicAlgorithm? Signing { get; init; } = MicAlgorithm.Sha256;

    /// <summary>Content encryption for outbound messages; null sends unencrypted.</summary>
    public ContentEncryption? Encryption { get; init; } = ContentEncryption.Aes256Cbc;

    /// <summary>Outbound compression position.</summary>
    public As2Compression Compression { get; init; } = As2Compression.None;

    /// <summary>Receipt mode for outbound messages.</summary>
    public As2MdnMode MdnMode { get; init; } = As2MdnMode.Sync;

    /// <summary>Ask for a signed receipt.</summary>
    public bool RequestSignedMdn { get; init; } = true;

    /// <summary>Our URL where the partner POSTs async MDNs (Receipt-Delivery-Option).</summary>
    public Uri? AsyncMdnUrl { get; init; }

    /// <summary>URL prefixes we will POST async MDNs to for this partner (no SSRF).</summary>
    public IReadOnlyList<string> AllowedAsyncMdnUrlPrefixes { get; init; } = [];

    /// <summary>Reject inbound messages that are not signed (insufficient-message-security).</summary>
    public bool RequireSignedInbound { get; init; }

    /// <summary>Reject inbound messages that are not encrypted (insufficient-message-security).</summary>
    public bool RequireEncryptedInbound { get; init; }

    /// <summary>How long to wait for a sync response or an async MDN per attempt.</summary>
    public TimeSpan MdnTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Attempts including the first; resends are byte-identical with the same Message-ID.</summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>First back-off delay; doubles per attempt.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Treat an MDN whose MIC is missing or different as failed (default) rather than delivered.</summary>
    public bool MicMismatchIsFailure { get; init; } = true;

    /// <summary>Interop switches for the partner's stack.</summary>
    public As2InteropPreset Interop { get; init; } = As2InteropPreset.Default;

    /// <summary>All certificates of ours usable for decryption.</summary>
    public IReadOnlyList<X509Certificate2> DecryptionCertificates => [LocalCertificate, .. AdditionalDecryptionCertificates];
}
