using System.Security.Cryptography;

namespace EdiGateway.Transports.Cms;

/// <summary>Digest algorithms usable for AS2 signatures and MICs.</summary>
public enum MicAlgorithm
{
    Sha1,
    Sha256,
    Sha384,
    Sha512,
}

/// <summary>Algorithm name normalisation (reference §1.4): tolerant on input, canonical "sha-256" style on output.</summary>
public static class MicAlgorithms
{
    /// <summary>Normalises any seen spelling (SHA-256, sha256, sha2_256, rsa-sha1, sha_256...); unknown names give false.</summary>
    public static bool TryParse(string? name, out MicAlgorithm algorithm)
    {
        algorithm = MicAlgorithm.Sha256;
        if (string.IsNullOrWhiteSpace(name))
        {
            return false;
        }

        var n = name.Trim().Trim('"').ToLowerInvariant();
        if (n.StartsWith("rsa-", StringComparison.Ordinal))
        {
            n = n[4..];
        }

        n = n.Replace("-", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal);
        n = n switch
        {
            "sha2256" => "sha256",
            "sha2384" => "sha384",
            "sha2512" => "sha512",
            _ => n,
        };
        switch (n)
        {
            case "sha1":
                algorithm = MicAlgorithm.Sha1;
                return true;
            case "sha256":
                algorithm = MicAlgorithm.Sha256;
                return true;
            case "sha384":
                algorithm = MicAlgorithm.Sha384;
                return true;
            case "sha512":
                algorithm = MicAlgorithm.Sha512;
                return true;
            default:
                return false;
        }
    }

    /// <summary>The RFC 5751 name: sha-1, sha-256, sha-384, sha-512.</summary>
    public static string ToRfc5751Name(this MicAlgorithm algorithm) => algorithm switch
    {
        MicAlgorithm.Sha1 => "sha-1",
        MicAlgorithm.Sha384 => "sha-384",
        MicAlgorithm.Sha512 => "sha-512",
        _ => "sha-256",
    };

    /// <summary>The digest OID used in SignerInfo.</summary>
    public static string ToOid(this MicAlgorithm algorithm) => algorithm switch
    {
        MicAlgorithm.Sha1 => "1.3.14.3.2.26",
        MicAlgorithm.Sha384 => "2.16.840.1.101.3.4.2.2",
        MicAlgorithm.Sha512 => "2.16.840.1.101.3.4.2.3",
        _ => "2.16.840.1.101.3.4.2.1",
    };

    /// <summary>Maps a digest OID back; unknown OIDs give false.</summary>
    public static bool TryFromOid(string? oid, out MicAlgorithm algorithm)
    {
        foreach (var a in Enum.GetValues<MicAlgorithm>())
        {
            if (a.ToOid() == oid)
            {
                algorithm = a;
                return true;
            }
        }

        algorithm = MicAlgorithm.Sha256;
        return false;
    }

    /// <summary>The digest of data.</summary>
    public static byte[] Hash(this MicAlgorithm algorithm, ReadOnlySpan<byte> data) => algorithm switch
    {
        MicAlgorithm.Sha1 => SHA1.HashData(data),
        MicAlgorithm.Sha384 => SHA384.HashData(data),
        MicAlgorithm.Sha512 => SHA512.HashData(data),
        _ => SHA256.HashData(data),
    };

    /// <summary>The base64 MIC of data.</summary>
    public static string Mic(this MicAlgorithm algorithm, ReadOnlySpan<byte> data) => Convert.ToBase64String(algorithm.Hash(data));

    /// <summary>The .NET hash algorithm name.</summary>
    public static HashAlgorithmName ToHashAlgorithmName(this MicAlgorithm algorithm) => algorithm switch
    {
        MicAlgorithm.Sha1 => HashAlgorithmName.SHA1,
        MicAlgorithm.Sha384 => HashAlgorithmName.SHA384,
        MicAlgorithm.Sha512 => HashAlgorithmName.SHA512,
        _ => HashAlgorithmName.SHA256,
    };
}
