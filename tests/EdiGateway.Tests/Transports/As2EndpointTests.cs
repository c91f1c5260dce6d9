using System.Net.Sockets;
using System.Text;
using EdiGateway.Tests.Support;

namespace EdiGateway.Tests.Transports;

/// <summary>The appliance's /as2 listener: legacy folded headers are unfolded before Kestrel parses them.</summary>
public sealed class As2EndpointTests
{
    [Fact]
    public async Task Post_FoldedContentTypeFromUnknownPartner_AcceptedAndAnsweredWithMdn()
    {
        await using var host = await GatewayHost.StartAsync();
        var uri = host.Client.BaseAddress!;
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(uri.Host, uri.Port);
        var request = "POST /as2 HTTP/1.1\r\nHost: x\r\n" +
            "Content-Type: multipart/signed; protocol=\"application/pkcs7-signature\";\r\n micalg=sha-256; boundary=\"xyz\"\r\n" +
            "AS2-From: STRANGER\r\nAS2-To: ACME\r\nMessage-ID: <probe@stranger>\r\nDisposition-Notification-To: x\r\n" +
            "Content-Length: 3\r\nConnection: close\r\n\r\nabc";
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.ASCII);
        var response = await reader.ReadToEndAsync();

        Assert.StartsWith("HTTP/1.1 200", response, StringComparison.Ordinal);
        Assert.Contains("authentication-failed", response, StringComparison.Ordinal);
    }
}
