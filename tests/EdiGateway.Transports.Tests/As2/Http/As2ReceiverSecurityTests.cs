using System.Text;
using EdiGateway.Transports.As2;
using EdiGateway.Transports.Mime;
using EdiGateway.Transports.Tests.Support;

namespace EdiGateway.Transports.Tests.As2.Http;

/// <summary>Refusals with the right disposition and nothing stored: tampering, bad or foreign signatures, wrong envelope, replay.</summary>
public sealed class As2ReceiverSecurityTests : IAsyncLifetime
{
    private As2Host _host = null!;

    public async Task InitializeAsync() =>
        _host = await As2Host.StartAsync(new StaticDirectory(Profiles.Inbound(), Profiles.Inbound() with { PartnerAs2Id = "STRICT", RequireSignedInbound = true, RequireEncryptedInbound = true }));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private As2PartnerOptions Signed => Profiles.Outbound(_host.Url) with { Encryption = null };

    [Fact]
    public async Task Receive_TamperedPayload_IntegrityCheckFailedAndNothingStored()
    {
        var built = RawAs2.Build(Signed);
        var body = RawAs2.Replace(built.Body, Encoding.ASCII.GetBytes("PO123"), Encoding.ASCII.GetBytes("PO999"));

        var mdn = await RawAs2.PostForMdnAsync(_host.Url, built.Headers, body);

        Assert.Equal(As2Disposition.Error(As2Disposition.IntegrityCheckFailed), mdn.Disposition);
        Assert.True(mdn.SignatureValid);
        Assert.Null(mdn.ReceivedMic);
        Assert.Empty(_host.Sink.Stored);
    }

    [Fact]
    public async Task Receive_CorruptSignatureValue_AuthenticationFailed()
    {
        var built = RawAs2.Build(Signed);
        var text = Encoding.ASCII.GetString(built.Body);
        var start = text.IndexOf("filename=\"smime.p7s\"\r\n\r\n", StringComparison.Ordinal) + 24;
        var end = text.IndexOf("\r\n--", start, StringComparison.Ordinal);
        var der = Convert.FromBase64String(text[start..end]);
        der[^20] ^= 0xFF;
        var body = Encoding.ASCII.GetBytes(text[..start] + Convert.ToBase64String(der, Base64FormattingOptions.InsertLineBreaks) + text[end..]);

        var mdn = await RawAs2.PostForMdnAsync(_host.Url, built.Headers, body);

        Assert.Equal(As2Disposition.Error(As2Disposition.AuthenticationFailed), mdn.Disposition);
        Assert.Empty(_host.Sink.Stored);
    }

    [Fact]
    public async Task Receive_SignedWithUnpinnedCertificate_AuthenticationFailed()
    {
        var built = RawAs2.Build(Signed with { LocalCertificate = TestPki.C });

        var mdn = await RawAs2.PostForMdnAsync(_host.Url, built.Headers, built.Body);

        Assert.Equal(As2Disposition.Error(As2Disposition.AuthenticationFailed), mdn.Disposition);
        Assert.Empty(_host.Sink.Stored);
    }

    [Fact]
    public async Task Receive_EncryptedForAnotherCertificate_DecryptionFailed()
    {
        var built = RawAs2.Build(Profiles.Outbound(_host.Url) with { PartnerCertificates = [TestPki.C] });

        var mdn = await RawAs2.PostForMdnAsync(_host.Url, built.Headers, built.Body);

        Assert.Equal(As2Disposition.Error(As2Disposition.DecryptionFailed), mdn.Disposition);
        Assert.Empty(_host.Sink.Stored);
    }

    [Fact]
    public async Task Receive_UnsignedForStrictProfile_InsufficientMessageSecurity()
    {
        var built = RawAs2.Build(Profiles.Outbound(_host.Url) with { LocalAs2Id = "STRICT", Signing = null });

        var mdn = await RawAs2.PostForMdnAsync(_host.Url, built.Headers, built.Body);

        Assert.Equal(As2Disposition.Error(As2Disposition.InsufficientMessageSecurity), mdn.Disposition);
        Assert.Empty(_host.Sink.Stored);
    }

    [Fact]
    public async Task Receive_UnknownPartner_UnsignedAuthenticationFailedMdn()
    {
        var built = RawAs2.Build(Profiles.Outbound(_host.Url) with { LocalAs2Id = "NOBODY" });

        var mdn = await RawAs2.PostForMdnAsync(_host.Url, built.Headers, built.Body);

        Assert.False(mdn.Signed);
        Assert.Equal(As2Disposition.Error(As2Disposition.AuthenticationFailed), mdn.Disposition);
        Assert.Empty(_host.Sink.Stored);
    }

    [Fact]
    public async Task Receive_Replay_OriginalMdnReturnedAndStoredOnce()
    {
        var built = RawAs2.Build(Profiles.Outbound(_host.Url));

        var first = await RawAs2.PostAsync(_host.Url, built.Headers, built.Body);
        var second = await RawAs2.PostAsync(_host.Url, built.Headers, built.Body);

        Assert.Equal(first.Body, second.Body);
        Assert.Equal(As2Disposition.Processed, As2MdnReader.Read(second.Headers, second.Body, [TestPki.B]).Disposition);
        Assert.Single(_host.Sink.Stored);
    }

    [Fact]
    public async Task Receive_MissingAs2From_BadRequest()
    {
        var built = RawAs2.Build(Profiles.Outbound(_host.Url));
        var headers = built.Headers.Where(h => h.Name != "AS2-From").ToList();

        var (status, _, _) = await RawAs2.PostAsync(_host.Url, headers, built.Body);

        Assert.Equal(400, status);
    }

    [Fact]
    public async Task Receive_SinkTransientFailure_503ThenResendProcessed()
    {
        _host.Sink.FailNext = new TransportException("disk full", TransportFailureKind.Transient);
        var built = RawAs2.Build(Profiles.Outbound(_host.Url));

        var (status, _, _) = await RawAs2.PostAsync(_host.Url, built.Headers, built.Body);
        var mdn = await RawAs2.PostForMdnAsync(_host.Url, built.Headers, built.Body);

        Assert.Equal(503, status);
        Assert.Equal(As2Disposition.Processed, mdn.Disposition);
        Assert.Single(_host.Sink.Stored);
    }

    [Fact]
    public async Task Receive_GetRequest_MethodNotAllowed()
    {
        using var http = new HttpClient();
        var response = await http.GetAsync(_host.Url);
        Assert.Equal(405, (int)response.StatusCode);
    }

    [Fact]
    public async Task Receive_QuotedAs2NameWithSpace_MatchedCaseSensitively()
    {
        var built = RawAs2.Build(Profiles.Outbound(_host.Url));
        Assert.Contains(built.Headers, h => h.Name == "AS2-From" && h.Value == "\"PARTNER A\"");
        var lower = built.Headers.Select(h => h.Name == "AS2-From" ? new MimeHeader("As2-From", "\"partner a\"") : h).ToList();

        var mdn = await RawAs2.PostForMdnAsync(_host.Url, lower, built.Body);

        Assert.Equal(As2Disposition.Error(As2Disposition.AuthenticationFailed), mdn.Disposition);
    }
}
