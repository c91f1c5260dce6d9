using System.Globalization;
using System.Security.Cryptography.X509Certificates;

namespace EdiGateway.Partners;

/// <summary>
/// Reads the partner's public certificates (PEM or DER) from the partner folder and checks them at load:
/// not expired, already valid, no private key beside them, and a chain without broken signatures or
/// constraints (self-signed and unknown roots are normal in AS2, RFC 4130 §8).
/// </summary>
internal static class PartnerCertificateFiles
{
    public static IReadOnlyList<PartnerCertificate> Read(string directory, string? list, TimeProvider clock, Action<string, string> problem)
    {
        const string key = "partnerCertificates";
        var files = (list ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (files.Length == 0)
        {
            problem(key, "is required: the partner's public certificate file(s) in the partner folder, comma-separated (.cer, .crt, .pem)");
            return [];
        }

        var now = clock.GetUtcNow();
        var result = new List<PartnerCertificate>();
        foreach (var file in files)
        {
            var path = Path.GetFullPath(Path.Combine(directory, file));
            if (!path.StartsWith(Path.GetFullPath(directory) + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(path))
            {
                problem(key, $"file '{file}' does not exist in the partner folder");
                continue;
            }

            var bytes = File.ReadAllBytes(path);
            var text = System.Text.Encoding.ASCII.GetString(bytes);
            if (text.Contains("PRIVATE KEY-----", StringComparison.Ordinal))
            {
                problem(key, $"'{file}' contains a private key; partner certificates are public parts only");
                continue;
            }

            X509Certificate2 certificate;
            try
            {
                certificate = text.Contains("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal)
                    ? X509Certificate2.CreateFromPem(text)
                    : X509CertificateLoader.LoadCertificate(bytes);
            }
            catch (System.Security.Cryptography.CryptographicException ex)
            {
                problem(key, $"'{file}' is not a readable certificate: {ex.Message}");
                continue;
            }

            if (certificate.NotAfter.ToUniversalTime() <= now.UtcDateTime)
            {
                problem(key, $"'{file}' ({certificate.Subject}) expired on {certificate.NotAfter.ToUniversalTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
                continue;
            }

            if (certificate.NotBefore.ToUniversalTime() > now.UtcDateTime)
            {
                problem(key, $"'{file}' ({certificate.Subject}) is not valid before {certificate.NotBefore.ToUniversalTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
                continue;
            }

            result.Add(new PartnerCertificate(file, certificate));
        }

        foreach (var pc in result)
        {
            if (ChainProblem(pc.Certificate, result, now) is { } reason)
            {
                problem(key, $"'{pc.File}' ({pc.Certificate.Subject}): {reason}");
            }
        }

        return result;
    }

    private static string? ChainProblem(X509Certificate2 certificate, IReadOnlyList<PartnerCertificate> others, DateTimeOffset now)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationFlags = X509VerificationFlags.AllowUnknownCertificateAuthority;
        chain.ChainPolicy.VerificationTime = now.UtcDateTime;
        chain.ChainPolicy.DisableCertificateDownloads = true;
        chain.ChainPolicy.ExtraStore.AddRange(others.Select(o => o.Certificate).ToArray());
        chain.Build(certificate);
        const X509ChainStatusFlags Broken = X509ChainStatusFlags.NotSignatureValid | X509ChainStatusFlags.InvalidBasicConstraints |
            X509ChainStatusFlags.Revoked | X509ChainStatusFlags.ExplicitDistrust | X509ChainStatusFlags.HasNotSupportedCriticalExtension |
            X509ChainStatusFlags.Cyclic;
        var bad = chain.ChainStatus.Where(st => (st.Status & Broken) != 0).ToList();
        return bad.Count == 0 ? null : "certificate chain is broken: " + string.Join("; ", bad.Select(b => b.StatusInformation.Trim()));
    }
}
