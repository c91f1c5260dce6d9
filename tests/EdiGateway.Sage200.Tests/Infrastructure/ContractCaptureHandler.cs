using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using EdiGateway.Sage200.Contract;

namespace EdiGateway.Sage200.Tests.Infrastructure;

/// <summary>Captures every request the connector sends and holds request and response bodies to the Sage contract.</summary>
public sealed class ContractCaptureHandler(string basePath) : DelegatingHandler
{
    public ConcurrentQueue<CapturedCall> Calls { get; } = new();

    public ConcurrentQueue<string> Violations { get; } = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsolutePath;
        var isApi = path.StartsWith(basePath, StringComparison.Ordinal);
        var resource = isApi ? path[basePath.Length..] : path;
        string? body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        if (isApi)
        {
            if (request.Headers.Authorization?.Scheme != "Bearer" || !request.Headers.Contains("X-Site") || !request.Headers.Contains("X-Company"))
            {
                Violations.Enqueue($"{request.Method} {resource}: Authorization Bearer, X-Site and X-Company are required");
            }

            if (!SageContract.Default.HasOperation(request.Method.Method, SageContract.ToTemplate(resource)))
            {
                Violations.Enqueue($"{request.Method} {resource}: not a published operation");
            }
            else if (body is not null)
            {
                foreach (var v in SageContract.Default.CheckRequest(request.Method.Method, resource, JsonNode.Parse(body)))
                {
                    Violations.Enqueue($"request {request.Method} {resource} {v.JsonPath}: {v.Rule} {v.Detail}");
                }
            }
        }

        var response = await base.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        var replacement = new StringContent(text, Encoding.UTF8, response.Content.Headers.ContentType?.MediaType ?? "application/json");
        response.Content = replacement;
        Calls.Enqueue(new CapturedCall(request.Method.Method, resource, request.RequestUri.Query, body, (int)response.StatusCode, text));
        if (isApi && response.IsSuccessStatusCode && SageContract.Default.HasOperation(request.Method.Method, SageContract.ToTemplate(resource)) && !string.IsNullOrWhiteSpace(text)
            && !request.RequestUri.Query.Contains("%24count", StringComparison.Ordinal))
        {
            foreach (var v in SageContract.Default.CheckResponse(request.Method.Method, resource, JsonNode.Parse(text)))
            {
                Violations.Enqueue($"response {request.Method} {resource} {v.JsonPath}: {v.Rule} {v.Detail}");
            }
        }

        return response;
    }
}

public sealed record CapturedCall(string Method, string Resource, string Query, string? RequestBody, int Status, string ResponseBody);
