using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using EdiGateway.Sage200.Auth;
using EdiGateway.Sage200.Contract;
using EdiGateway.Sage200.OData;
using EdiGateway.Sage200.Validation;
using Microsoft.Extensions.Logging;

namespace EdiGateway.Sage200.Client;

/// <summary>
/// Typed client for the published Sage 200 API of one company: Bearer token from Sage ID, X-Site/X-Company,
/// OData paging, field limits enforced before sending, errors classified into <see cref="SageApiException"/>.
/// The <see cref="HttpClient"/> should have an infinite timeout; callers (the posting engine) bound each call.
/// </summary>
public sealed partial class Sage200Client
{
    private readonly HttpClient http;
    private readonly Sage200Options options;
    private readonly SageTokenManager tokens;
    private readonly SageContract contract;
    private readonly SageErrorClassifier classifier;
    private readonly ILogger logger;
    private readonly Uri baseUrl;

    /// <summary>Creates the client.</summary>
    public Sage200Client(HttpClient http, Sage200Options options, SageTokenManager tokens, ILogger<Sage200Client> logger)
    {
        this.http = http;
        this.options = options;
        this.tokens = tokens;
        this.logger = logger;
        contract = SageContract.Default;
        classifier = new SageErrorClassifier(options.LockDetection);
        baseUrl = options.ResolveBaseUrl();
    }

    /// <summary>Reads one page (a bare JSON array in Sage).</summary>
    public async Task<IReadOnlyList<T>> GetPageAsync<T>(string resourcePath, ODataQuery? query, CancellationToken cancellationToken)
    {
        var node = await SendAsync(HttpMethod.Get, resourcePath + (query?.ToQueryString() ?? ""), null, isWrite: false, cancellationToken).ConfigureAwait(false);
        return node.Deserialize<List<T>>(SageJson.Options) ?? [];
    }

    /// <summary>
    /// Walks every page with <c>$orderby</c> + <c>$top</c> + <c>$skip</c> and stops on a short page (Sage sends no
    /// next link or total).
    /// </summary>
    public async IAsyncEnumerable<T> GetAllAsync<T>(string resourcePath, ODataQuery? query, int pageSize = ODataQuery.DefaultTop,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, ODataQuery.MaxTop);
        var baseQuery = (query ?? new ODataQuery()) with { Top = pageSize };
        if (string.IsNullOrEmpty(baseQuery.OrderBy))
        {
            baseQuery = baseQuery with { OrderBy = "id asc" };
        }

        for (var skip = 0; ; skip += pageSize)
        {
            var page = await GetPageAsync<T>(resourcePath, baseQuery with { Skip = skip }, cancellationToken).ConfigureAwait(false);
            foreach (var item in page)
            {
                yield return item;
            }

            if (page.Count < pageSize)
            {
                yield break;
            }
        }
    }

    /// <summary>Reads one record by id; null when Sage answers 404.</summary>
    public async Task<T?> GetByIdAsync<T>(string resourcePath, long id, ODataQuery? query, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            var node = await SendAsync(HttpMethod.Get, string.Create(CultureInfo.InvariantCulture, $"{resourcePath}/{id}") + (query?.ToQueryString() ?? ""), null, false, cancellationToken).ConfigureAwait(false);
            return node.Deserialize<T>(SageJson.Options);
        }
        catch (SageApiException ex) when (ex.Kind == SageErrorKind.NotFound)
        {
            return null;
        }
    }

    /// <summary>Sends a write after enforcing the published field limits; a refusal comes back as a value.</summary>
    public async Task<SageWriteResult<TResponse>> WriteAsync<TRequest, TResponse>(HttpMethod method, string resourcePath, TRequest body, CancellationToken cancellationToken)
        where TResponse : class
    {
        var node = JsonSerializer.SerializeToNode(body, SageJson.Options);
        var prepared = SageFieldRules.Prepare(contract, method.Method, resourcePath, node);
        if (prepared.IsRefused)
        {
            LogRefused(logger, method.Method, SageContract.ToTemplate(resourcePath), prepared.Refusals.Length);
            return new SageWriteResult<TResponse>(null, prepared.Warnings, prepared.Refusals);
        }

        if (!prepared.Warnings.IsEmpty)
        {
            LogTrimmed(logger, method.Method, SageContract.ToTemplate(resourcePath), prepared.Warnings.Length);
        }

        var answer = await SendAsync(method, resourcePath, prepared.Body, isWrite: true, cancellationToken).ConfigureAwait(false);
        return new SageWriteResult<TResponse>(answer.Deserialize<TResponse>(SageJson.Options), prepared.Warnings, []);
    }

    private async Task<JsonNode?> SendAsync(HttpMethod method, string pathAndQuery, JsonNode? body, bool isWrite, CancellationToken cancellationToken)
    {
        var operation = method.Method + " " + SageContract.ToTemplate(pathAndQuery.Split('?')[0]);
        var payload = body?.ToJsonString();
        var token = await tokens.GetAccessTokenAsync(cancellationToken).ConfigureAwait(false);
        for (var attempt = 0; ; attempt++)
        {
            using var request = new HttpRequestMessage(method, new Uri(baseUrl, pathAndQuery.TrimStart('/')));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            request.Headers.Add("X-Site", options.SiteId);
            request.Headers.Add("X-Company", options.CompanyId.ToString(CultureInfo.InvariantCulture));
            if (!string.IsNullOrEmpty(options.SubscriptionKey))
            {
                request.Headers.Add("ocp-apim-subscription-key", options.SubscriptionKey);
            }

            if (payload is not null)
            {
                request.Content = new StringContent(payload, Encoding.UTF8, "application/json");
            }

            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or IOException)
            {
                LogCallFailed(logger, operation, ex.GetType().Name);
                var kind = isWrite ? SageErrorKind.UnknownOutcome : (ex is TaskCanceledException ? SageErrorKind.Timeout : SageErrorKind.Transient);
                throw new SageApiException(kind, $"{operation}: no answer from Sage", inner: ex);
            }

            using (response)
            {
                var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text);
                }

                if (response.StatusCode == HttpStatusCode.Unauthorized && attempt == 0)
                {
                    token = await tokens.RefreshAfterRejectionAsync(token, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                var error = classifier.Classify(response.StatusCode, text, isWrite, operation);
                LogSageError(logger, operation, (int)response.StatusCode, error.Kind);
                throw error;
            }
        }
    }

    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning, Message = "Sage {Operation} answered {Status} ({Kind})")]
    private static partial void LogSageError(ILogger logger, string operation, int status, SageErrorKind kind);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "Sage {Operation} got no answer ({ExceptionType})")]
    private static partial void LogCallFailed(ILogger logger, string operation, string exceptionType);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "Refused {Method} {Resource} before sending: {Count} field(s) over Sage's limits")]
    private static partial void LogRefused(ILogger logger, string method, string resource, int count);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Information, Message = "Trimmed {Count} field(s) of {Method} {Resource} to Sage's limits")]
    private static partial void LogTrimmed(ILogger logger, string method, string resource, int count);
}
