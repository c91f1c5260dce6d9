using System.Text;
using EdiGateway.Transports.Cms;
using EdiGateway.Transports.Tests.Support;

namespace EdiGateway.Transports.Tests.Cms;

public sealed class CmsTests
{
    [Theory]
    [InlineData("sha1", MicAlgorithm.Sha1)]
    [InlineData("sha-1", MicAlgorithm.Sha1)]
    [InlineData("rsa-sha1", MicAlgorithm.Sha1)]
    [InlineData("SHA-256", MicAlgorithm.Sha256)]
    [InlineData("sha256", MicAlgorithm.Sha256)]
    [InlineData("sha2_256", MicAlgorithm.Sha256)]
    [InlineData("sha_256", MicAlgorithm.Sha256)]
    [InlineData("\"sha-384\"", MicAlgorithm.Sha384)]
    [InlineData("SHA512", MicAlgorithm.Sha512)]
    public void TryParse_SeenSpellings_Normalised(string name, MicAlgorithm expected)
    {
        Assert.True(MicAlgorithms.TryParse(name, out var a));
        Assert.Equal(expected, a);
    }

    [Theory]
    [InlineData("md5")]
    [InlineData("unknown")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParse_Unknown_FalseNoThrow(string? name) => Assert.False(MicAlgorithms.TryParse(name, out _));

    [Fact]
    public void Compression_RoundTrip_SameBytes()
    {
        var data = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("ISA*00*~", 500)));

        var der = CmsCompression.Compress(data);

        Assert.True(der.Length < data.Length);
        Assert.True(CmsCompression.TryDecompress(der, out var back, out _));
        Assert.Equal(data, back);
    }

    [Fact]
    public void Decompress_Garbage_FalseNoThrow()
    {
        Assert.False(CmsCompression.TryDecompress(new byte[] { 0x30, 0x03, 0x02, 0x01, 0x00 }, out _, out var error));
        Assert.NotEmpty(error);
    }

    [Fact]
    public void Verify_Variants_MinusCrlfSignatureAccepted()
    {
        var content = Encoding.ASCII.GetBytes("Content-Type: text/plain\r\n\r\nreport");
        var sig = CmsSignature.SignDetached(content, TestPki.A, MicAlgorithm.Sha256, DateTimeOffset.UtcNow);

        var check = CmsSignature.VerifyDetached(content.Concat("\r\n"u8.ToArray()).ToArray(), sig, [TestPki.A], isText: false);

        Assert.True(check.IsValid);
        Assert.Equal("minus-crlf", check.Variant);
    }

    [Fact]
    public void Verify_UnpinnedSigner_AuthenticationFailed()
    {
        var content = "x"u8.ToArray();
        var sig = CmsSignature.SignDetached(content, TestPki.C, MicAlgorithm.Sha256, DateTimeOffset.UtcNow);

        Assert.Equal(SignatureFailure.AuthenticationFailed, CmsSignature.VerifyDetached(content, sig, [TestPki.A], false).Failure);
    }

    [Fact]
    public void Envelope_WrongRecipient_FalseNoThrow()
    {
        var der = CmsEnvelope.Encrypt("secret"u8, TestPki.A, ContentEncryption.Aes256Cbc, KeyTransport.OaepSha256);

        Assert.False(CmsEnvelope.TryDecrypt(der, [TestPki.B], out _, out _));
        Assert.True(CmsEnvelope.TryDecrypt(der, [TestPki.A], out var plain, out _));
        Assert.Equal("secret"u8.ToArray(), plain);
    }
}
