using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;

namespace EdiGateway.Tests.Transports;

/// <summary>Certificates, ports, tools and profile edits for the transport tests (a minimal copy of what the transports tests use).</summary>
internal static partial class TransportTestKit
{
    public static X509Certificate2 CreateCertificate(string cn, TimeSpan? validFor = null)
    {
        using var rsa = RSA.Create(2048);
        var req = new CertificateRequest("CN=" + cn, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        req.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, false));
        req.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(req.PublicKey, false));
        var now = DateTimeOffset.UtcNow;
        using var cert = req.CreateSelfSigned(now.AddDays(-1), now + (validFor ?? TimeSpan.FromDays(365)));
        return X509CertificateLoader.LoadPkcs12(cert.Export(X509ContentType.Pkcs12, "t"), "t", X509KeyStorageFlags.Exportable);
    }

    /// <summary>Certificate and private key as one PEM file, the way an operator drops a key pair into a folder.</summary>
    public static string KeyPairPem(X509Certificate2 certificate) =>
        certificate.ExportCertificatePem() + "\n" + certificate.GetRSAPrivateKey()!.ExportPkcs8PrivateKeyPem() + "\n";

    public static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    public static string Require(string file, string installHint)
    {
        if (Path.IsPathRooted(file))
        {
            return File.Exists(file) ? file : throw new InvalidOperationException($"{file} not found: run `{installHint}`");
        }

        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':').Concat(["/usr/sbin", "/sbin"]))
        {
            if (File.Exists(Path.Combine(dir, file)))
            {
                return Path.Combine(dir, file);
            }
        }

        throw new InvalidOperationException($"{file} not found: run `{installHint}`");
    }

    public static async Task RunAsync(string file, string installHint, params string[] args)
    {
        var psi = new ProcessStartInfo(Require(file, installHint)) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi)!;
        var error = p.StandardError.ReadToEndAsync();
        await p.StandardOutput.ReadToEndAsync();
        await p.WaitForExitAsync();
        Assert.True(p.ExitCode == 0, $"{file} failed: {await error}");
    }

    /// <summary>Replaces the <c>transport:</c> block of a partner.yaml with <paramref name="transportYaml"/>.</summary>
    public static void SetTransport(string partnerFolder, string transportYaml)
    {
        var file = Path.Combine(partnerFolder, "partner.yaml");
        var text = File.ReadAllText(file);
        text = TransportBlock().Replace(text, transportYaml.TrimEnd() + "\n");
        File.WriteAllText(file, text);
    }

    public static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting for " + what);
            await Task.Delay(50);
        }
    }

    [GeneratedRegex(@"^transport:\n(?:[ ].*\n)*", RegexOptions.Multiline)]
    private static partial Regex TransportBlock();
}
