using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;

namespace EdiGateway.Transports.Cms;

/// <summary>CMS EnvelopedData for AS2 (R11): encrypt to a partner certificate, decrypt with any of our certificates.</summary>
public static class CmsEnvelope
{
    /// <summary>Encrypts content for the recipient; returns DER ContentInfo{envelopedData}.</summary>
    public static byte[] Encrypt(ReadOnlySpan<byte> content, X509Certificate2 recipient, ContentEncryption algorithm, KeyTransport keyTransport)
    {
        var env = new EnvelopedCms(new ContentInfo(content.ToArray()), new AlgorithmIdentifier(new Oid(algorithm.ToOid())));
        var padding = keyTransport == KeyTransport.OaepSha256 ? RSAEncryptionPadding.OaepSHA256 : RSAEncryptionPadding.Pkcs1;
        env.Encrypt(new CmsRecipient(SubjectIdentifierType.IssuerAndSerialNumber, recipient, padding));
        return env.Encode();
    }

    /// <summary>Decrypts with whichever of our certificates (with private keys) is a recipient; failure is a false result.</summary>
    public static bool TryDecrypt(ReadOnlySpan<byte> der, IReadOnlyList<X509Certificate2> ours, out byte[] content, out string error)
    {
        content = [];
        try
        {
            var env = new EnvelopedCms();
            env.Decode(der);
            env.Decrypt([.. ours]);
            content = env.ContentInfo.Content;
            error = string.Empty;
            return true;
        }
        catch (CryptographicException ex)
        {
            error = "decryption failed: " + ex.Message;
            return false;
        }
    }
}
