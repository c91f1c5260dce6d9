namespace EdiGateway.Transports.Cms;

/// <summary>Content-encryption algorithms for AS2 EnvelopedData (3DES only for legacy partners).</summary>
public enum ContentEncryption
{
    Aes128Cbc,
    Aes192Cbc,
    Aes256Cbc,
    TripleDesCbc,
}

/// <summary>RSA key transport padding for the recipient's content-encryption key.</summary>
public enum KeyTransport
{
    /// <summary>PKCS#1 v1.5, the interoperable default (R11).</summary>
    Pkcs1,
    /// <summary>RSAES-OAEP with SHA-256.</summary>
    OaepSha256,
}

/// <summary>OIDs for the content-encryption algorithms.</summary>
public static class ContentEncryptions
{
    /// <summary>The algorithm OID.</summary>
    public static string ToOid(this ContentEncryption algorithm) => algorithm switch
    {
        ContentEncryption.Aes128Cbc => "2.16.840.1.101.3.4.1.2",
        ContentEncryption.Aes192Cbc => "2.16.840.1.101.3.4.1.22",
        ContentEncryption.TripleDesCbc => "1.2.840.113549.3.7",
        _ => "2.16.840.1.101.3.4.1.42",
    };
}
