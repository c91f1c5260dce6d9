using System.Text;
using EdiGateway.Transports.As2;
using EdiGateway.Transports.Cms;
using EdiGateway.Transports.Mime;
using EdiGateway.Transports.Tests.Support;

namespace EdiGateway.Transports.Tests.As2.Http;

/// <summary>OpenSSL as an independent oracle: it signs and encrypts, we accept; we sign and encrypt, it verifies and decrypts.</summary>
public sealed class OpensslOracleTests : IAsyncLifetime
{
    private static readonly byte[] Entity = Encoding.ASCII.GetBytes("Content-Type: application/edi-x12\r\nContent-Disposition: attachment; filename=\"po.x12\"\r\n\r\n")
        .Concat(Profiles.Payload).ToArray();

    private As2Host _host = null!;
    private string _dir = null!;

    public async Task InitializeAsync()
    {
        _dir = Tool.TempDir("edigw-ossl");
        await File.WriteAllBytesAsync(Path.Combine(_dir, "entity.mime"), Entity);
        _host = await As2Host.StartAsync(new StaticDirectory(Profiles.Inbound()));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        Directory.Delete(_dir, true);
    }

    private string P(string name) => Path.Combine(_dir, name);

    private static string Pem(string name) => Path.Combine(TestPki.PemDirectory, name);

    private static async Task Ok(Task<EdiGateway.Transports.Files.ProcessResult> run)
    {
        var r = await run;
        Assert.True(r.ExitCode == 0, "openssl failed: " + r.StandardError);
    }

    private async Task<string> ExpectedMicAsync(string algorithm, string file)
    {
        var r = await Tool.OpensslAsync("dgst", "-" + algorithm, "-binary", "-out", P("dgst.bin"), file);
        Assert.Equal(0, r.ExitCode);
        return Convert.ToBase64String(await File.ReadAllBytesAsync(P("dgst.bin")));
    }

    private static List<MimeHeader> As2Headers(string contentType, string id) =>
    [
        new("AS2-From", "\"PARTNER A\""),
        new("AS2-To", "EDIGW-B"),
        new("AS2-Version", "1.2"),
        new("Message-ID", id),
        new("Content-Type", contentType),
        new("Disposition-Notification-To", "as2@partner-a.example"),
        new("Disposition-Notification-Options", "signed-receipt-protocol=required,pkcs7-signature; signed-receipt-micalg=required,SHA-256"),
    ];

    [Fact]
    public async Task Receive_OpensslSignedAndEncrypted_ProcessedWithOpensslMic()
    {
        await Ok(Tool.OpensslAsync("cms", "-sign", "-in", P("entity.mime"), "-signer", Pem("a.crt"), "-inkey", Pem("a.key"), "-md", "sha256", "-binary", "-crlfeol", "-out", P("signed.msg")));
        await Ok(Tool.OpensslAsync("cms", "-encrypt", "-in", P("signed.msg"), "-binary", "-aes-256-cbc", "-outform", "DER", "-out", P("e.der"), Pem("b.crt")));

        var mdn = await RawAs2.PostForMdnAsync(_host.Url, As2Headers("application/pkcs7-mime; smime-type=enveloped-data; name=\"smime.p7m\"", "<ossl-1@partner-a>"), await File.ReadAllBytesAsync(P("e.der")));

        Assert.Equal(As2Disposition.Processed, mdn.Disposition);
        Assert.True(mdn.SignatureValid);
        Assert.Equal(await ExpectedMicAsync("sha256", P("entity.mime")), mdn.ReceivedMic);
        Assert.Equal("SHA-256", mdn.ReceivedMicAlgorithm);
        Assert.Equal(Profiles.Payload, _host.Sink.Stored.Single().Content.ToArray());
    }

    [Fact]
    public async Task Receive_OpensslSignedOnlySha512_Processed()
    {
        await Ok(Tool.OpensslAsync("cms", "-sign", "-in", P("entity.mime"), "-signer", Pem("a.crt"), "-inkey", Pem("a.key"), "-md", "sha512", "-binary", "-crlfeol", "-out", P("signed.msg")));
        var msg = await File.ReadAllBytesAsync(P("signed.msg"));
        Assert.True(MimeEntity.TryParse(msg, out var e, out _));

        var mdn = await RawAs2.PostForMdnAsync(_host.Url, [.. As2Headers(e["Content-Type"]!, "<ossl-2@partner-a>").Where(h => h.Name != "Content-Type"), new("Content-Type", e["Content-Type"]!)], e.Body.ToArray());

        Assert.Equal(As2Disposition.Processed, mdn.Disposition);
        Assert.Equal(await ExpectedMicAsync("sha512", P("entity.mime")), mdn.ReceivedMic);
    }

    [Fact]
    public async Task Receive_OpensslEncryptedUnsignedBase64_ProcessedMicOverEntityWithHeaders()
    {
        await Ok(Tool.OpensslAsync("cms", "-encrypt", "-in", P("entity.mime"), "-binary", "-aes-128-cbc", "-outform", "DER", "-out", P("e.der"), Pem("b.crt")));
        var b64 = Encoding.ASCII.GetBytes(Convert.ToBase64String(await File.ReadAllBytesAsync(P("e.der")), Base64FormattingOptions.InsertLineBreaks));
        List<MimeHeader> headers = [.. As2Headers("application/pkcs7-mime; smime-type=enveloped-data; name=\"smime.p7m\"", "<ossl-3@partner-a>"), new("Content-Transfer-Encoding", "base64")];

        var mdn = await RawAs2.PostForMdnAsync(_host.Url, headers, b64);

        Assert.Equal(As2Disposition.Processed, mdn.Disposition);
        Assert.Equal(await ExpectedMicAsync("sha256", P("entity.mime")), mdn.ReceivedMic);
    }

    [Fact]
    public async Task Build_SignedEncrypted_OpensslDecryptsAndVerifiesAndMicMatches()
    {
        var profile = Profiles.Outbound(_host.Url);
        var built = RawAs2.Build(profile);
        await File.WriteAllBytesAsync(P("out.der"), built.Body);

        await Ok(Tool.OpensslAsync("cms", "-decrypt", "-inform", "DER", "-in", P("out.der"), "-recip", Pem("b.crt"), "-inkey", Pem("b.key"), "-binary", "-out", P("dec.mime")));
        var (part1, sig) = SplitSigned(await File.ReadAllBytesAsync(P("dec.mime")));
        await File.WriteAllBytesAsync(P("part1.bin"), part1);
        await File.WriteAllBytesAsync(P("sig.der"), sig);
        await Ok(Tool.OpensslAsync("cms", "-verify", "-inform", "DER", "-in", P("sig.der"), "-content", P("part1.bin"), "-binary", "-CAfile", Pem("a.crt"), "-purpose", "any", "-out", P("verified.bin")));
        var print = await Tool.OpensslAsync("cms", "-cmsout", "-print", "-inform", "DER", "-in", P("out.der"));

        Assert.Equal(built.ExpectedMics[MicAlgorithm.Sha256], await ExpectedMicAsync("sha256", P("part1.bin")));
        Assert.Contains("aes-256-cbc", print.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("rsaEncryption", print.StandardOutput, StringComparison.Ordinal);
        Assert.EndsWith(Encoding.ASCII.GetString(Profiles.Payload), Encoding.ASCII.GetString(part1), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mdn_SignedByUs_OpensslVerifies()
    {
        var built = RawAs2.Build(Profiles.Outbound(_host.Url));
        var (_, headers, body) = await RawAs2.PostAsync(_host.Url, built.Headers, built.Body);
        var ct = headers.Single(h => h.Name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)).Value;
        var (part1, sig) = SplitSigned([.. Encoding.ASCII.GetBytes("Content-Type: " + ct + "\r\n\r\n"), .. body]);
        await File.WriteAllBytesAsync(P("mdn1.bin"), part1);
        await File.WriteAllBytesAsync(P("mdnsig.der"), sig);

        await Ok(Tool.OpensslAsync("cms", "-verify", "-inform", "DER", "-in", P("mdnsig.der"), "-content", P("mdn1.bin"), "-binary", "-CAfile", Pem("b.crt"), "-purpose", "any", "-out", P("v.bin")));
        Assert.Contains("Disposition: automatic-action/MDN-sent-automatically; processed", Encoding.ASCII.GetString(part1), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compress_OurCompressedData_OpensslParsesStructure()
    {
        await File.WriteAllBytesAsync(P("c.p7z"), CmsCompression.Compress(Entity));

        var print = await Tool.OpensslAsync("cms", "-cmsout", "-print", "-inform", "DER", "-in", P("c.p7z"));

        Assert.Equal(0, print.ExitCode);
        Assert.Contains("id-smime-ct-compressedData", print.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("1.2.840.113549.1.9.16.3.8", print.StandardOutput + print.StandardError, StringComparison.Ordinal);
    }

    /// <summary>Independent split (not our MimeMultipart): part 1 ends before the CRLF that precedes the next delimiter.</summary>
    private static (byte[] Part1, byte[] Sig) SplitSigned(byte[] entity)
    {
        var text = Encoding.Latin1.GetString(entity);
        var headerEnd = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var header = text[..headerEnd].Replace("\r\n ", " ", StringComparison.Ordinal).Replace("\r\n\t", " ", StringComparison.Ordinal);
        var bIdx = header.IndexOf("boundary=", StringComparison.OrdinalIgnoreCase) + 9;
        var boundary = header[bIdx..].Split(';')[0].Trim().Trim('"');
        var d = "--" + boundary;
        var i = text.IndexOf(d, headerEnd, StringComparison.Ordinal);
        i = text.IndexOf('\n', i) + 1;
        var j = text.IndexOf("\r\n" + d, i, StringComparison.Ordinal);
        var part1 = entity[i..j];
        var k = text.IndexOf('\n', j + 2) + 1;
        var sigHeaderEnd = text.IndexOf("\r\n\r\n", k, StringComparison.Ordinal) + 4;
        var sigEnd = text.IndexOf("\r\n" + d, sigHeaderEnd, StringComparison.Ordinal);
        return (part1, Convert.FromBase64String(text[sigHeaderEnd..sigEnd]));
    }
}
