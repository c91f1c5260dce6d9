using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using EdiGateway.Hosting;
using EdiGateway.Partners;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace EdiGateway.Transports;

/// <summary>
/// Our private keys, encrypted at rest with ASP.NET Core Data Protection under <c>data/keys/&lt;name&gt;.key.protected</c>.
/// A plaintext PFX/P12/PEM key an operator puts in the partner folder or in data/keys is imported on load:
/// protected, read back, and the plaintext file deleted. Key material is never logged.
/// </summary>
public sealed partial class PartnerKeyStore(GatewayHome home, IOptions<GatewayOptions> options, IDataProtectionProvider protection, ILogger<PartnerKeyStore> logger)
{
    /// <summary>Data Protection purpose of the key files; changing it makes every stored key unreadable.</summary>
    public const string Purpose = "EdiGateway.Transports.PrivateKeys.v1";

    private static readonly string[] PlainExtensions = [".pfx", ".p12", ".pem", ".key"];
    private readonly ConcurrentDictionary<string, (DateTime Stamp, X509Certificate2 Certificate)> cache = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    /// <summary>data/keys under the gateway home.</summary>
    public string KeysDirectory => Path.Combine(home.Resolve(options.Value.DataDirectory), "keys");

    /// <summary>Path of the protected file for key <paramref name="name"/>.</summary>
    public string ProtectedPath(string name) => Path.Combine(KeysDirectory, name + ".key.protected");

    /// <summary>Our certificate with its private key for the partner's AS2 agreement, importing a plaintext key first; null with a reason when there is none.</summary>
    public KeyLookup Find(PartnerProfile partner, As2TransportSettings as2)
    {
        lock (gate)
        {
            var path = ProtectedPath(as2.OurKey);
            try
            {
                if (PlainCandidates(partner, as2.OurKey).FirstOrDefault(File.Exists) is { } plain)
                {
                    Import(partner, as2, plain, path);
                }

                if (!File.Exists(path))
                {
                    return new KeyLookup(null, $"no key pair '{as2.OurKey}': put {as2.OurKey}.pfx (or .pem with certificate and key) in the partner folder or in data/keys; it is encrypted on load");
                }

                var stamp = File.GetLastWriteTimeUtc(path);
                if (cache.TryGetValue(as2.OurKey, out var hit) && hit.Stamp == stamp)
                {
                    return new KeyLookup(hit.Certificate, null);
                }

                var certificate = FromPem(Encoding.UTF8.GetString(Protector.Unprotect(File.ReadAllBytes(path))));
                cache[as2.OurKey] = (stamp, certificate);
                return new KeyLookup(certificate, null);
            }
            catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException)
            {
                LogKeyUnusable(logger, partner.Id, as2.OurKey, ex.GetType().Name);
                return new KeyLookup(null, $"key pair '{as2.OurKey}' could not be read ({ex.GetType().Name}); check the file and its password reference");
            }
        }
    }

    private IDataProtector Protector => protection.CreateProtector(Purpose);

    private IEnumerable<string> PlainCandidates(PartnerProfile partner, string name) =>
        from dir in new[] { partner.Directory, KeysDirectory }
        from ext in PlainExtensions
        select Path.Combine(dir, name + ext);

    private void Import(PartnerProfile partner, As2TransportSettings as2, string plain, string protectedPath)
    {
        var password = as2.OurKeyPassword is { } reference ? SecretReference.Resolve(reference, home.Resolve) : null;
        using var loaded = plain.EndsWith(".pfx", StringComparison.OrdinalIgnoreCase) || plain.EndsWith(".p12", StringComparison.OrdinalIgnoreCase)
            ? X509CertificateLoader.LoadPkcs12FromFile(plain, password, X509KeyStorageFlags.Exportable | X509KeyStorageFlags.EphemeralKeySet)
            : LoadPem(File.ReadAllText(plain), password);
        using var rsa = loaded.GetRSAPrivateKey() ?? throw new CryptographicException("the file holds no RSA private key with its certificate");
        var pem = loaded.ExportCertificatePem() + "\n" + ExportKeyPem(rsa);
        Directory.CreateDirectory(KeysDirectory);
        var temp = protectedPath + ".tmp";
        File.WriteAllBytes(temp, Protector.Protect(Encoding.UTF8.GetBytes(pem)));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        using (FromPem(Encoding.UTF8.GetString(Protector.Unprotect(File.ReadAllBytes(temp)))))
        {
            // Read back before the plaintext goes.
        }

        File.Move(temp, protectedPath, overwrite: true);
        File.Delete(plain);
        cache.TryRemove(as2.OurKey, out _);
        LogImported(logger, partner.Id, as2.OurKey, Path.GetFileName(plain));
    }

    private static string ExportKeyPem(RSA rsa)
    {
        // Keys from PFX files may refuse plain export; an encrypted export round trip always works.
        var pass = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var pbe = new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 10_000);
        using var copy = RSA.Create();
        copy.ImportEncryptedPkcs8PrivateKey(pass, rsa.ExportEncryptedPkcs8PrivateKey(pass, pbe), out _);
        return copy.ExportPkcs8PrivateKeyPem();
    }

    private static X509Certificate2 LoadPem(string text, string? password) =>
        password is null ? X509Certificate2.CreateFromPem(text, text) : X509Certificate2.CreateFromEncryptedPem(text, text, password);

    private static X509Certificate2 FromPem(string pem)
    {
        using var ephemeral = X509Certificate2.CreateFromPem(pem, pem);
        return X509CertificateLoader.LoadPkcs12(ephemeral.Export(X509ContentType.Pkcs12), null, X509KeyStorageFlags.EphemeralKeySet);
    }

    [LoggerMessage(EventId = 400, Level = LogLevel.Information, Message = "Partner {PartnerId}: private key '{KeyName}' imported from {FileName}, encrypted under data/keys; the plaintext file was removed")]
    private static partial void LogImported(ILogger logger, string partnerId, string keyName, string fileName);

    [LoggerMessage(EventId = 401, Level = LogLevel.Warning, Message = "Partner {PartnerId}: private key '{KeyName}' is unusable ({Error})")]
    private static partial void LogKeyUnusable(ILogger logger, string partnerId, string keyName, string error);
}

/// <summary>Our certificate with its private key, or why there is none.</summary>
public sealed record KeyLookup(X509Certificate2? Certificate, string? Problem);
