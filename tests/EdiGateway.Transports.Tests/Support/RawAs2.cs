using EdiGateway.Transports.As2;
using EdiGateway.Transports.As2.Http;
using EdiGateway.Transports.Mime;

namespace EdiGateway.Transports.Tests.Support;

/// <summary>Posts hand-built or tampered AS2 requests and reads the MDN that comes back.</summary>
public static class RawAs2
{
    private static readonly HttpClient Http = new();

    public static As2BuiltMessage Build(As2PartnerOptions outbound, byte[]? payload = null) =>
        As2MessageBuilder.Build(outbound, new As2OutboundMessage("po.x12", "application/edi-x12", payload ?? Profiles.Payload), DateTimeOffset.UtcNow, "test.local");

    public static async Task<(int Status, List<MimeHeader> Headers, byte[] Body)> PostAsync(Uri url, IReadOnlyList<MimeHeader> headers, byte[] body)
    {
        using var request = As2HttpMessages.Post(url, headers, body);
        using var response = await Http.SendAsync(request);
        return ((int)response.StatusCode, As2HttpMessages.Headers(response), await response.Content.ReadAsByteArrayAsync());
    }

    public static async Task<As2ReceivedMdn> PostForMdnAsync(Uri url, IReadOnlyList<MimeHeader> headers, byte[] body)
    {
        var (status, h, b) = await PostAsync(url, headers, body);
        Assert.Equal(200, status);
        return As2MdnReader.Read(h, b, [TestPki.B]);
    }

    public static byte[] Replace(byte[] haystack, byte[] needle, byte[] replacement)
    {
        var idx = haystack.AsSpan().IndexOf(needle);
        Assert.True(idx >= 0, "needle not found");
        return [.. haystack[..idx], .. replacement, .. haystack[(idx + needle.Length)..]];
    }
}
