using System.Security.Cryptography.X509Certificates;
using EdiGateway.Transports.As2;
using EdiGateway.Transports.Cms;
using EdiGateway.Transports.Files;

namespace EdiGateway.Partners;

/// <summary>
/// AS2 agreement settings from <c>transport.settings</c> (type as2), validated at load. Certificates are the
/// partner's public ones from the partner folder; our key pair is named by <see cref="OurKey"/> and lives encrypted under data/keys.
/// </summary>
public sealed record As2TransportSettings
{
    public required string PartnerAs2Id { get; init; }

    public required string OurAs2Id { get; init; }

    public required Uri PartnerUrl { get; init; }

    public MicAlgorithm? Signing { get; init; } = MicAlgorithm.Sha256;

    public ContentEncryption? Encryption { get; init; } = ContentEncryption.Aes256Cbc;

    public As2Compression Compression { get; init; } = As2Compression.None;

    public As2MdnMode MdnMode { get; init; } = As2MdnMode.Sync;

    public bool SignedMdn { get; init; } = true;

    /// <summary>Our URL for async MDNs (required when <see cref="MdnMode"/> is async).</summary>
    public Uri? AsyncMdnUrl { get; init; }

    public required As2InteropPreset Preset { get; init; }

    /// <summary>Pinned partner certificates in file order; the first encrypts what we send.</summary>
    public required IReadOnlyList<PartnerCertificate> PartnerCertificates { get; init; }

    /// <summary>Name of our key pair: data/keys/&lt;name&gt;.key.protected (default: the partner id).</summary>
    public required string OurKey { get; init; }

    /// <summary>Secret reference (env:NAME or file:PATH) for a password-protected PFX/PEM key being imported.</summary>
    public string? OurKeyPassword { get; init; }

    public bool RequireSignedInbound { get; init; } = true;

    public bool RequireEncryptedInbound { get; init; } = true;

    public TimeSpan MdnTimeout { get; init; } = TimeSpan.FromMinutes(2);

    public int Attempts { get; init; } = 2;

    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(10);
}

/// <summary>A public certificate read from the partner folder.</summary>
public sealed record PartnerCertificate(string File, X509Certificate2 Certificate);

/// <summary>
/// SFTP / FTP / FTPS settings from <c>transport.settings</c>, validated at load: server, credentials by
/// reference (never inline), pinned host key or certificate, remote folders and pickup behaviour.
/// </summary>
public sealed record RemoteTransportSettings
{
    public required string Host { get; init; }

    public required int Port { get; init; }

    public required string User { get; init; }

    /// <summary>SFTP: OpenSSH private key file (mode 0600), relative to the gateway home.</summary>
    public string? KeyFile { get; init; }

    /// <summary>FTP/FTPS: password secret reference (env:NAME or file:PATH).</summary>
    public string? PasswordSecret { get; init; }

    /// <summary>SFTP: the partner's host public key (.pub) in the partner folder, pinned (no trust on first use).</summary>
    public string? HostKeyFile { get; init; }

    /// <summary>FTPS: pinned server public key, sha256//base64.</summary>
    public string? CertificatePin { get; init; }

    /// <summary>FTPS: CA or self-signed server certificate (PEM) in the partner folder.</summary>
    public string? CaCertificateFile { get; init; }

    public FtpSecurity Security { get; init; } = FtpSecurity.ExplicitTls;

    /// <summary>Remote folder the partner leaves files in for us (their outbound).</summary>
    public required string Pickup { get; init; }

    /// <summary>Remote folder we leave files in for the partner (their inbound).</summary>
    public required string Drop { get; init; }

    /// <summary>Remote folder picked-up files move to; null deletes them after pickup.</summary>
    public string? Archive { get; init; }

    public TimeSpan? PollInterval { get; init; }
}
