using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace EdiGateway.Transports.Tests.Support;

/// <summary>Test certificates generated once per run with CertificateRequest, plus PEM files for openssl and libas2.</summary>
public static class TestPki
{
    private static readonly Lazy<X509Certificate2> LazyA = new(() => Create("partner-a"));
    private static readonly Lazy<X509Certificate2> LazyB = new(() => Create("edigw-b"));
    private static readonly Lazy<X509Certificate2> LazyC = new(() => Create("intruder-c"));
    private static readonly Lazy<string> LazyDir = new(WritePems);

    /// <summary>The partner's certificate (client side in loopback tests).</summary>
    public static X509Certificate2 A => LazyA.Value;

    /// <summary>Our certificate (server side in loopback tests).</summary>
    public static X509Certificate2 B => LazyB.Value;

    /// <summary>A certificate nobody pinned.</summary>
    public static X509Certificate2 C => LazyC.Value;

    /// <summary>Directory holding a.crt a.key b.crt b.key c.crt c.key.</summary>
    public static string PemDirectory => LazyDir.Value;

    private static X509Certificate2 Create(string cn)
    {
        using var rsa = RSA.Create(2048);
        var req = new CertificateRequest("CN=" + cn, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        req.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, false));
        req.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(req.PublicKey, false));
        using var cert = req.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        return X509CertificateLoader.LoadPkcs12(cert.Export(X509ContentType.Pkcs12, "t"), "t", X509KeyStorageFlags.Exportable);
    }

    private static string WritePems()
    {
        var dir = Path.Combine(Path.GetTempPath(), "edigw-pki-" + Environment.ProcessId);
        Directory.CreateDirectory(dir);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(dir, true);
        foreach (var (name, cert) in new[] { ("a", A), ("b", B), ("c", C) })
        {
            File.WriteAllText(Path.Combine(dir, name + ".crt"), cert.ExportCertificatePem());
            File.WriteAllText(Path.Combine(dir, name + ".key"), cert.GetRSAPrivateKey()!.ExportPkcs8PrivateKeyPem());
        }

        return dir;
    }
}
