using System.Net.Http.Headers;
using EdiGateway.Transports.Mime;

namespace EdiGateway.Transports.As2.Http;

/// <summary>Turns AS2 header lists into buffered HttpClient requests (R12: always a Content-Length, never chunked).</summary>
internal static class As2HttpMessages
{
    public static HttpRequestMessage Post(Uri url, IReadOnlyList<MimeHeader> headers, byte[] body)
    {
        var content = new ByteArrayContent(body);
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        foreach (var h in headers)
        {
            if (h.Name.StartsWith("Content-", StringComparison.OrdinalIgnoreCase))
            {
                content.Headers.TryAddWithoutValidation(h.Name, h.Value);
            }
            else
            {
                request.Headers.TryAddWithoutValidation(h.Name, h.Value);
            }
        }

        content.Headers.ContentLength = body.Length;
        return request;
    }

    public static List<MimeHeader> Headers(HttpResponseMessage response)
    {
        var list = new List<MimeHeader>();
        Add(list, response.Headers);
        Add(list, response.Content.Headers);
        return list;
    }

    private static void Add(List<MimeHeader> list, HttpHeaders headers)
    {
        foreach (var h in headers.NonValidated)
        {
            list.Add(new MimeHeader(h.Key, string.Join(", ", h.Value)));
        }
    }
}
