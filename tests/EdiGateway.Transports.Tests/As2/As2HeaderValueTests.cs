using EdiGateway.Transports.As2;
using EdiGateway.Transports.Cms;
using EdiGateway.Transports.Files;
using EdiGateway.Transports.Tests.Support;

namespace EdiGateway.Transports.Tests.As2;

public sealed class As2HeaderValueTests
{
    [Theory]
    [InlineData("automatic-action/MDN-sent-automatically; processed", "processed", null, null)]
    [InlineData("automatic-action/MDN-sent-automatically;processed/Error: decryption-failed", "processed", "error", "decryption-failed")]
    [InlineData("Automatic-Action / MDN-Sent-Automatically ; Processed / warning : duplicate-document", "processed", "warning", "duplicate-document")]
    [InlineData("automatic-action/MDN-sent-automatically; failed/failure=RSA_PKCS1_PADDING is no longer supported", "failed", "failure", "RSA_PKCS1_PADDING is no longer supported")]
    public void DispositionTryParse_Variants_Read(string value, string type, string? kind, string? text)
    {
        var d = As2Disposition.TryParse(value);

        Assert.NotNull(d);
        Assert.Equal(new As2Disposition(type, kind, text), d);
    }

    [Fact]
    public void DispositionToString_Error_RfcShape() =>
        Assert.Equal("automatic-action/MDN-sent-automatically; processed/Error: integrity-check-failed", As2Disposition.Error(As2Disposition.IntegrityCheckFailed).ToString());

    [Fact]
    public void NotificationOptionsParse_LibAs2Style_Read()
    {
        var o = As2NotificationOptions.Parse("signed-receipt-protocol=required,pkcs7-signature; signed-receipt-micalg=required,SHA-256,sha1");

        Assert.True(o.SignedReceiptRequested);
        Assert.True(o.SignedReceiptRequired);
        Assert.Equal((MicAlgorithm.Sha256, "SHA-256"), o.FirstSupportedMic());
    }

    [Theory]
    [InlineData("PARTNERA", "PARTNERA")]
    [InlineData("PARTNER A", "\"PARTNER A\"")]
    [InlineData("A\"B", "\"A\\\"B\"")]
    public void As2NameFormat_QuotesOnlyWhenNeeded_RoundTrips(string name, string header)
    {
        Assert.Equal(header, As2Name.Format(name));
        Assert.Equal(name, As2Name.Parse(header));
    }

    [Fact]
    public void Build_AmazonPresetWithCompression_CompressionIgnored()
    {
        var profile = Profiles.Outbound(new Uri("http://127.0.0.1/")) with { Interop = As2InteropPreset.Amazon, Compression = As2Compression.BeforeSigning };

        var built = As2MessageBuilder.Build(profile, new As2OutboundMessage("po.x12", "application/edi-x12", Profiles.Payload), DateTimeOffset.UtcNow, "t");

        Assert.False(built.Compressed);
        Assert.Contains(built.Headers, h => h.Name == "AS2-Version" && h.Value == "1.2");
        Assert.True(As2InteropPreset.Named.ContainsKey("Amazon"));
    }

    [Fact]
    public void ListingParse_SftpAndVsftpdLines_RegularFilesOnly()
    {
        const string listing = "-rw-r--r--    ? root     root            3 Dec  2 06:19 /srv/in/a.x12\r\n"
            + "drwxr-xr-x    2 edi      edi          4096 Dec  2 06:19 /srv/in/sub\n"
            + "-rw-r--r--    1 0        0              12 Dec 02 06:10 b c.x12\n"
            + "sftp> ls -l\n";

        var files = ListingParser.Parse(listing, "/srv/in/");

        Assert.Equal([new RemoteFile("a.x12", "/srv/in/a.x12", 3, "Dec 2 06:19"), new RemoteFile("b c.x12", "/srv/in/b c.x12", 12, "Dec 02 06:10")], files);
    }
}
