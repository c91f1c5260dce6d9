using System.Formats.Asn1;
using System.IO.Compression;

namespace EdiGateway.Transports.Cms;

/// <summary>
/// CMS CompressedData with zlib (RFC 3274, RFC 5402), built and read with System.Formats.Asn1 because
/// System.Security.Cryptography.Pkcs has no CompressedData type.
/// </summary>
public static class CmsCompression
{
    private const string CompressedDataOid = "1.2.840.113549.1.9.16.1.9";
    private const string ZlibOid = "1.2.840.113549.1.9.16.3.8";
    private const string DataOid = "1.2.840.113549.1.7.1";

    /// <summary>Compresses content into a DER ContentInfo{compressedData}.</summary>
    public static byte[] Compress(ReadOnlySpan<byte> content)
    {
        byte[] zlib;
        using (var ms = new MemoryStream())
        {
            using (var z = new ZLibStream(ms, CompressionLevel.Optimal, leaveOpen: true))
            {
                z.Write(content);
            }

            zlib = ms.ToArray();
        }

        var w = new AsnWriter(AsnEncodingRules.DER);
        using (w.PushSequence())
        {
            w.WriteObjectIdentifier(CompressedDataOid);
            using (w.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 0, true)))
            using (w.PushSequence())
            {
                w.WriteInteger(0);
                using (w.PushSequence())
                {
                    w.WriteObjectIdentifier(ZlibOid);
                }

                using (w.PushSequence())
                {
                    w.WriteObjectIdentifier(DataOid);
                    using (w.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 0, true)))
                    {
                        w.WriteOctetString(zlib);
                    }
                }
            }
        }

        return w.Encode();
    }

    /// <summary>Reads a BER/DER ContentInfo{compressedData} and inflates it; malformed input is a false result.</summary>
    public static bool TryDecompress(ReadOnlyMemory<byte> der, out byte[] content, out string error)
    {
        content = [];
        try
        {
            var outer = new AsnReader(der, AsnEncodingRules.BER).ReadSequence();
            if (outer.ReadObjectIdentifier() != CompressedDataOid)
            {
                error = "not a CMS CompressedData";
                return false;
            }

            var cd = outer.ReadSequence(new Asn1Tag(TagClass.ContextSpecific, 0, true)).ReadSequence();
            _ = cd.ReadInteger();
            var alg = cd.ReadSequence();
            if (alg.ReadObjectIdentifier() != ZlibOid)
            {
                error = "unsupported compression algorithm";
                return false;
            }

            var encap = cd.ReadSequence();
            _ = encap.ReadObjectIdentifier();
            var explicitContent = encap.ReadSequence(new Asn1Tag(TagClass.ContextSpecific, 0, true));
            var zlib = explicitContent.ReadOctetString();
            using var input = new MemoryStream(zlib);
            using var z = new ZLibStream(input, CompressionMode.Decompress);
            using var output = new MemoryStream();
            z.CopyTo(output);
            content = output.ToArray();
            error = string.Empty;
            return true;
        }
        catch (Exception ex) when (ex is AsnContentException or InvalidDataException or InvalidOperationException)
        {
            error = "decompression failed: " + ex.GetType().Name;
            return false;
        }
    }
}
