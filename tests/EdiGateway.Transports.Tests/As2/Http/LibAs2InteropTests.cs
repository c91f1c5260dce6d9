using System.Text;
using System.Text.Json;
using EdiGateway.Transports.As2;
using EdiGateway.Transports.As2.Http;
using EdiGateway.Transports.Files;
using EdiGateway.Transports.Mime;
using EdiGateway.Transports.Tests.Support;

namespace EdiGateway.Transports.Tests.As2.Http;

/// <summary>libas2 0.8.2 (npm, pinned in tests/peers) as a partner in both directions.</summary>
public sealed class LibAs2InteropTests
{
    [Fact]
    public async Task Receive_FromLibAs2SignedEncrypted_StoredAndSignedMdnProcessed()
    {
        var inbound = Profiles.Inbound() with { PartnerAs2Id = "LIBAS2A", Interop = As2InteropPreset.LibAs2 };
        await using var host = await As2Host.StartAsync(new StaticDirectory(inbound));
        var dir = Tool.TempDir("edigw-libas2");
        var payload = Path.Combine(dir, "po.x12");
        await File.WriteAllBytesAsync(payload, Profiles.Payload);

        var run = await ProcessRunner.RunAsync(Peers.Node, [Path.Combine(Peers.Directory, "libas2-send.js")], null, TimeSpan.FromSeconds(60), CancellationToken.None,
            environment: new Dictionary<string, string> { ["URL"] = host.Url.ToString(), ["PKI"] = TestPki.PemDirectory, ["PAYLOAD"] = payload });

        Assert.True(run.ExitCode == 0, run.StandardOutput + run.StandardError);
        using var json = JsonDocument.Parse(run.StandardOutput.Trim().Split('\n').Last());
        var root = json.RootElement;
        Assert.Equal(200, root.GetProperty("status").GetInt32());
        var libas2View = root.GetProperty("libas2Verified");
        Assert.False(libas2View.TryGetProperty("error", out _), libas2View.GetRawText());
        Assert.True(libas2View.GetProperty("disposition").GetProperty("processed").GetBoolean());
        var raw = root.GetProperty("headers").EnumerateArray().Select(e => e.GetString()!).ToList();
        var headers = Enumerable.Range(0, raw.Count / 2).Select(i => new MimeHeader(raw[2 * i], raw[(2 * i) + 1])).ToList();
        var mdn = As2MdnReader.Read(headers, Convert.FromBase64String(root.GetProperty("body").GetString()!), [TestPki.B]);
        Assert.Equal(As2Disposition.Processed, mdn.Disposition);
        Assert.True(mdn.SignatureValid);
        Assert.NotNull(mdn.ReceivedMic);
        var stored = host.Sink.Stored.Single();
        Assert.Equal(Profiles.Payload, stored.Content.ToArray());
        Assert.Equal("true", stored.Metadata["as2.signed"]);
        Assert.Equal("true", stored.Metadata["as2.encrypted"]);
        Assert.Equal(stored.Metadata["as2.mic"].Split(',')[0], libas2View.GetProperty("receivedContentMic").GetProperty("mic").GetString());
        Directory.Delete(dir, true);
    }

    [Fact]
    public async Task Send_ToLibAs2Server_DeliveredWithVerifiedMdnAndMic()
    {
        var dir = Tool.TempDir("edigw-libas2");
        var outFile = Path.Combine(dir, "received.bin");
        await using var peer = PeerProcess.Start(Peers.Node, [Path.Combine(Peers.Directory, "libas2-server.js")],
            new Dictionary<string, string> { ["PORT"] = "0", ["PKI"] = TestPki.PemDirectory, ["OUT"] = outFile });
        var ready = await peer.WaitForAsync("ready ", TimeSpan.FromSeconds(30));
        var url = new Uri("http://127.0.0.1:" + ready.Split(' ')[1].Trim() + "/as2");
        var profile = Profiles.Outbound(url) with { LocalAs2Id = "PARTNERA", PartnerAs2Id = "LIBAS2B", Interop = As2InteropPreset.LibAs2, MaxAttempts = 1 };
        using var http = new HttpClient();
        var client = new As2Client(http, new As2MdnInbox(), new As2EndpointOptions(), TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<As2Client>.Instance);

        var result = await client.SendAsync(profile, new As2OutboundMessage("po.x12", "application/edi-x12", Profiles.Payload), CancellationToken.None);

        Assert.True(result.Status == As2SendStatus.Delivered, result.Status + " " + result.Failure?.Message + " " + result.Mdn + " " + peer.Output);
        Assert.Contains(Encoding.ASCII.GetString(Profiles.Payload), Encoding.ASCII.GetString(Decode(await File.ReadAllBytesAsync(outFile))), StringComparison.Ordinal);
        Directory.Delete(dir, true);
    }

    private static byte[] Decode(byte[] entity)
    {
        Assert.True(MimeEntity.TryParse(entity, out var e, out _));
        Assert.True(e.TryDecodeBody(out var body));
        return body;
    }
}
