using EdiGateway.Transports.As2;
using EdiGateway.Transports.As2.Http;
using EdiGateway.Transports.Cms;
using EdiGateway.Transports.Tests.Support;

namespace EdiGateway.Transports.Tests.As2.Http;

/// <summary>Our client to our server over real Kestrel for every signing x encryption x compression x MDN combination.</summary>
public sealed class As2LoopbackMatrixTests : IAsyncLifetime
{
    private As2Host _host = null!;

    public static TheoryData<MicAlgorithm?, ContentEncryption?, As2Compression, As2MdnMode, bool> Matrix()
    {
        var data = new TheoryData<MicAlgorithm?, ContentEncryption?, As2Compression, As2MdnMode, bool>();
        MicAlgorithm?[] signs = [null, MicAlgorithm.Sha256, MicAlgorithm.Sha1, MicAlgorithm.Sha384, MicAlgorithm.Sha512];
        ContentEncryption?[] encs = [null, ContentEncryption.Aes128Cbc, ContentEncryption.Aes192Cbc, ContentEncryption.Aes256Cbc, ContentEncryption.TripleDesCbc];
        var i = 0;
        foreach (var s in signs)
        {
            foreach (var e in encs)
            {
                foreach (var c in Enum.GetValues<As2Compression>())
                {
                    foreach (var m in Enum.GetValues<As2MdnMode>())
                    {
                        // Full cross product of sign x encrypt x compress x mdn for the main digests; rarer digests and ciphers sampled.
                        var main = s is null or MicAlgorithm.Sha256 && e is null or ContentEncryption.Aes256Cbc;
                        if (main || i++ % 7 == 0)
                        {
                            data.Add(s, e, c, m, i % 2 == 0);
                        }
                    }
                }
            }
        }

        return data;
    }

    public async Task InitializeAsync() => _host = await As2Host.StartAsync(new StaticDirectory(Profiles.Inbound()));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task SendAsync_EveryCombination_DeliveredStoredOnceWithMatchingMic(MicAlgorithm? sign, ContentEncryption? enc, As2Compression compression, As2MdnMode mdn, bool base64)
    {
        var profile = Profiles.Outbound(_host.Url) with
        {
            Signing = sign,
            Encryption = enc,
            Compression = compression,
            MdnMode = mdn,
            Interop = base64 ? As2InteropPreset.Default with { OuterEncoding = As2TransferEncoding.Base64 } : As2InteropPreset.Default,
        };
        var before = _host.Sink.Stored.Count;

        var result = await _host.Client.SendAsync(profile, new As2OutboundMessage("po.x12", "application/edi-x12", Profiles.Payload, "PO 123"), CancellationToken.None);

        Assert.Equal(As2SendStatus.Delivered, result.Status);
        var stored = _host.Sink.Stored.Skip(before).Single(s => s.Metadata["as2.message-id"] == result.MessageId);
        Assert.Equal(Profiles.Payload, stored.Content.ToArray());
        Assert.Equal("po.x12", stored.FileName);
        Assert.Equal(sign is not null ? "true" : "false", stored.Metadata["as2.signed"]);
        Assert.Equal(enc is not null ? "true" : "false", stored.Metadata["as2.encrypted"]);
        Assert.Equal(compression != As2Compression.None ? "true" : "false", stored.Metadata["as2.compressed"]);
        if (mdn != As2MdnMode.None)
        {
            Assert.True(result.Mdn!.SignatureValid);
            Assert.Equal(As2Disposition.Processed, result.Mdn.Disposition);
        }
    }
}
