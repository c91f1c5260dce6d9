using System.Text;
using EdiGateway.Transports.Mime;

namespace EdiGateway.Transports.Tests.Mime;

public sealed class MimeEntityTests
{
    private static byte[] B(string s) => Encoding.ASCII.GetBytes(s);

    [Fact]
    public void TryParse_FoldedContentType_UnfoldedAndParametersRead()
    {
        var raw = B("Content-Type: multipart/signed; protocol=\"application/pkcs7-signature\";\r\n micalg=sha-256;\r\n\tboundary=\"----LibAs2-x\"\r\n\r\nbody");

        Assert.True(MimeEntity.TryParse(raw, out var e, out _));

        Assert.Equal("multipart/signed", e.ContentType.MediaType);
        Assert.Equal("sha-256", e.ContentType["micalg"]);
        Assert.Equal("----LibAs2-x", e.ContentType["boundary"]);
        Assert.Equal("body", Encoding.ASCII.GetString(e.Body.Span));
    }

    [Fact]
    public void TryParse_LfOnlyAndNoHeaders_BodyFound()
    {
        Assert.True(MimeEntity.TryParse(B("Content-Type: text/plain\n\nhello"), out var lf, out _));
        Assert.True(MimeEntity.TryParse(B("\r\nraw"), out var none, out _));

        Assert.Equal("hello", Encoding.ASCII.GetString(lf.Body.Span));
        Assert.Equal("raw", Encoding.ASCII.GetString(none.Body.Span));
        Assert.Equal("text/plain", none.ContentType.MediaType);
    }

    [Fact]
    public void TryParse_NoBlankLine_ErrorValue()
    {
        Assert.False(MimeEntity.TryParse(B("Content-Type: text/plain"), out _, out var error));
        Assert.Contains("blank line", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryDecodeBody_Base64WithLineBreaks_Decoded()
    {
        Assert.True(MimeEntity.TryParse(B("Content-Transfer-Encoding: base64\r\n\r\naGVs\r\nbG8=\r\n"), out var e, out _));

        Assert.True(e.TryDecodeBody(out var body));
        Assert.Equal("hello", Encoding.ASCII.GetString(body));
    }

    [Theory]
    [InlineData("application/pkcs7-signature; micalg=\"sha-256\"", "sha-256")]
    [InlineData("application/pkcs7-signature; micalg=sha-256;", "sha-256")]
    [InlineData("application/pkcs7-signature;MICALG = SHA1 ", "SHA1")]
    public void ContentTypeParse_QuotedOrBare_SameValue(string value, string expected) =>
        Assert.Equal(expected, MimeContentType.Parse(value)["micalg"]);

    [Fact]
    public void MultipartSplit_Part1_ExcludesCrlfBeforeDelimiterAndPreamble()
    {
        var raw = B("Content-Type: multipart/signed; boundary=\"--b1\"\r\n\r\npreamble\r\n----b1\r\nContent-Type: text/plain\r\n\r\nline\r\n\r\n----b1\r\n\r\nsig\r\n----b1--\r\n");
        Assert.True(MimeEntity.TryParse(raw, out var e, out _));

        Assert.True(MimeMultipart.TrySplit(e, out var parts, out _));

        Assert.Equal(2, parts.Count);
        Assert.Equal("Content-Type: text/plain\r\n\r\nline\r\n", Encoding.ASCII.GetString(parts[0].Span));
        Assert.Equal("\r\nsig", Encoding.ASCII.GetString(parts[1].Span));
    }

    [Fact]
    public void MultipartSplit_NotClosed_ErrorValue()
    {
        Assert.True(MimeEntity.TryParse(B("Content-Type: multipart/mixed; boundary=x\r\n\r\n--x\r\n\r\npart"), out var e, out _));
        Assert.False(MimeMultipart.TrySplit(e, out _, out var error));
        Assert.NotEmpty(error);
    }

    [Fact]
    public void Writer_Entity_UsesCrlfOnly()
    {
        var bytes = MimeWriter.Entity([new MimeHeader("Content-Type", "text/plain")], B("x"));
        Assert.Equal("Content-Type: text/plain\r\n\r\nx", Encoding.ASCII.GetString(bytes));
    }

    [Theory]
    [InlineData("attachment; filename=\"../../etc/passwd\"", "passwd")]
    [InlineData("attachment; filename=\"C:\\\\temp\\\\po.x12\"", "po.x12")]
    [InlineData("attachment; filename*=UTF-8''p%C3%B6.x12", "pö.x12")]
    [InlineData("attachment; filename=\"=?UTF-8?Q?p=C3=B6_1.x12?=\"", "pö 1.x12")]
    [InlineData("attachment; filename=\"a<b>|c?.x12\"", "a_b__c_.x12")]
    [InlineData("attachment", null)]
    public void FileName_FromContentDisposition_Sanitised(string value, string? expected) =>
        Assert.Equal(expected, MimeFileName.FromContentDisposition(value));
}
