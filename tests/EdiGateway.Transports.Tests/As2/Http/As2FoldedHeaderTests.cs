using System.Net.Sockets;
using System.Text;
using EdiGateway.Transports.Tests.Support;

namespace EdiGateway.Transports.Tests.As2.Http;

/// <summary>Legacy senders fold headers; bare Kestrel answers 400, the unfolding listener lets them through (R7).</summary>
public sealed class As2FoldedHeaderTests
{
    private static async Task<string> SendRawAsync(int port, bool fold, int requests = 1)
    {
        var built = RawAs2.Build(Profiles.Outbound(new Uri("http://127.0.0.1/")) with { Encryption = null });
        var sb = new StringBuilder();
        foreach (var h in built.Headers)
        {
            var value = h.Value;
            if (fold && h.Name == "Content-Type")
            {
                value = value.Replace("; micalg", ";\r\n micalg", StringComparison.Ordinal).Replace("; boundary", ";\r\n\tboundary", StringComparison.Ordinal);
            }

            sb.Append(h.Name).Append(": ").Append(value).Append("\r\n");
        }

        using var tcp = new TcpClient();
        await tcp.ConnectAsync("127.0.0.1", port);
        var stream = tcp.GetStream();
        for (var i = 0; i < requests; i++)
        {
            var head = "POST /as2 HTTP/1.1\r\nHost: 127.0.0.1\r\n" + sb.ToString().Replace("Message-ID: <", "Message-ID: <" + i, StringComparison.Ordinal)
                + "Content-Length: " + built.Body.Length + "\r\n" + (i == requests - 1 ? "Connection: close\r\n" : string.Empty) + "\r\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
            await stream.WriteAsync(built.Body);
        }

        using var reader = new StreamReader(stream, Encoding.Latin1);
        return await reader.ReadToEndAsync();
    }

    [Fact]
    public async Task Receive_FoldedHeadersOnBareKestrel_400()
    {
        await using var host = await As2Host.StartAsync(new StaticDirectory(Profiles.Inbound()));

        var response = await SendRawAsync(host.Port, fold: true);

        Assert.StartsWith("HTTP/1.1 400", response, StringComparison.Ordinal);
        Assert.Empty(host.Sink.Stored);
    }

    [Fact]
    public async Task Receive_FoldedHeadersWithUnfolding_TwoKeepAliveRequestsProcessed()
    {
        await using var host = await As2Host.StartAsync(new StaticDirectory(Profiles.Inbound()), unfoldHeaders: true);

        var response = await SendRawAsync(host.Port, fold: true, requests: 2);

        Assert.StartsWith("HTTP/1.1 200", response, StringComparison.Ordinal);
        Assert.Equal(2, host.Sink.Stored.Count);
        Assert.All(host.Sink.Stored, s => Assert.Equal(Profiles.Payload, s.Content.ToArray()));
        Assert.Contains("processed", response, StringComparison.Ordinal);
    }
}
