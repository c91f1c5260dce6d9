using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;

namespace EdiGateway.Sage200.Auth;

/// <summary>
/// Sage ID OAuth (authorization-code grant with rotating refresh tokens) for one company. The new refresh token
/// is persisted (encrypted) before it is used, because the old one stops working at once.
/// </summary>
public sealed partial class SageTokenManager : IDisposable
{
    private readonly HttpClient http;
    private readonly Sage200Options options;
    private readonly ITokenStore store;
    private readonly ITokenProtector protector;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly SemaphoreSlim gate = new(1, 1);
    private SageToken? current;

    /// <summary>Creates the manager; <paramref name="http"/> reaches the Sage ID token endpoint.</summary>
    public SageTokenManager(HttpClient http, Sage200Options options, ITokenStore store, ITokenProtector protector, TimeProvider time, ILogger<SageTokenManager> logger)
    {
        this.http = http;
        this.options = options;
        this.store = store;
        this.protector = protector;
        this.time = time;
        this.logger = logger;
    }

    /// <summary>The browser URL where a person consents once (offline_access gives the refresh token).</summary>
    public Uri BuildAuthorizeUrl(Uri redirectUri, string state) => new(
        options.AuthorizeEndpoint + "?audience=s200ukipd/sage200&response_type=code&client_id=" + Uri.EscapeDataString(options.ClientId)
        + "&scope=" + Uri.EscapeDataString("openid profile email offline_access")
        + "&redirect_uri=" + Uri.EscapeDataString(redirectUri.ToString()) + "&state=" + Uri.EscapeDataString(state));

    /// <summary>Exchanges the code from the consent redirect for the first token pair and stores it.</summary>
    public async Task ExchangeCodeAsync(string code, Uri redirectUri, CancellationToken cancellationToken)
    {
        var form = Form(("grant_type", "authorization_code"), ("code", code), ("redirect_uri", redirectUri.ToString()));
        var token = await RequestAsync(form, cancellationToken).ConfigureAwait(false)
            ?? throw new SageApiException(SageErrorKind.Auth, "Sage ID refused the authorization code");
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await SaveAsync(token, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>A valid access token, refreshed ~<see cref="Sage200Options.RefreshSkew"/> before expiry.</summary>
    public async ValueTask<string> GetAccessTokenAsync(CancellationToken cancellationToken)
    {
        var token = current;
        if (token is not null && token.ExpiresAt - options.RefreshSkew > time.GetUtcNow())
        {
            return token.AccessToken;
        }

        return await RefreshAsync(rejected: null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Called after a 401: refreshes unless another caller already replaced <paramref name="rejectedAccessToken"/>.</summary>
    public ValueTask<string> RefreshAfterRejectionAsync(string rejectedAccessToken, CancellationToken cancellationToken) =>
        new(RefreshAsync(rejectedAccessToken, cancellationToken));

    private async Task<string> RefreshAsync(string? rejected, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            current ??= await LoadAsync(cancellationToken).ConfigureAwait(false)
                ?? throw new SageApiException(SageErrorKind.Auth, "No Sage ID token stored: authorise Sage first");
            var token = current;
            var stillFresh = token.ExpiresAt - options.RefreshSkew > time.GetUtcNow();
            if (rejected is null ? stillFresh : !string.Equals(rejected, token.AccessToken, StringComparison.Ordinal))
            {
                return token.AccessToken;
            }

            var form = Form(("grant_type", "refresh_token"), ("refresh_token", token.RefreshToken));
            var refreshed = await RequestAsync(form, cancellationToken).ConfigureAwait(false);
            if (refreshed is null)
            {
                // "Rate limit exceeded: access_token not expired": keep using the current token.
                return token.AccessToken;
            }

            await SaveAsync(refreshed, cancellationToken).ConfigureAwait(false);
            LogRefreshed(logger, options.CompanyId, refreshed.ExpiresAt);
            return refreshed.AccessToken;
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<SageToken?> LoadAsync(CancellationToken cancellationToken)
    {
        var blob = await store.ReadAsync(options.TokenKey, cancellationToken).ConfigureAwait(false);
        return blob is null ? null : JsonSerializer.Deserialize<SageToken>(protector.Unprotect(blob));
    }

    private async Task SaveAsync(SageToken token, CancellationToken cancellationToken)
    {
        await store.WriteAsync(options.TokenKey, protector.Protect(JsonSerializer.Serialize(token)), cancellationToken).ConfigureAwait(false);
        current = token;
    }

    private FormUrlEncodedContent Form(params (string Key, string Value)[] fields)
    {
        var all = fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)).ToList();
        all.Add(new("client_id", options.ClientId));
        if (!string.IsNullOrEmpty(options.ClientSecret))
        {
            all.Add(new("client_secret", options.ClientSecret));
        }

        return new FormUrlEncodedContent(all);
    }

    /// <summary>Posts to the token endpoint; null means "not expired yet, keep the current token".</summary>
    private async Task<SageToken?> RequestAsync(FormUrlEncodedContent form, CancellationToken cancellationToken)
    {
        using (form)
        {
            HttpResponseMessage response;
            try
            {
                response = await http.PostAsync(options.TokenEndpoint, form, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException ex)
            {
                throw new SageApiException(SageErrorKind.Transient, "Sage ID token endpoint unreachable", inner: ex);
            }

            using (response)
            {
                var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    var t = JsonSerializer.Deserialize<TokenResponse>(body)
                        ?? throw new SageApiException(SageErrorKind.Auth, "Empty Sage ID token response");
                    var expires = time.GetUtcNow().AddSeconds(t.ExpiresIn);
                    return new SageToken(t.AccessToken, t.RefreshToken ?? "", expires);
                }

                if (body.Contains("access_token not expired", StringComparison.OrdinalIgnoreCase))
                {
                    return null;
                }

                LogRefreshFailed(logger, options.CompanyId, (int)response.StatusCode);
                var kind = response.StatusCode >= HttpStatusCode.InternalServerError ? SageErrorKind.Transient : SageErrorKind.Auth;
                throw new SageApiException(kind, string.Create(CultureInfo.InvariantCulture, $"Sage ID token request failed ({(int)response.StatusCode}): re-authorise Sage"), response.StatusCode);
            }
        }
    }

    /// <inheritdoc />
    public void Dispose() => gate.Dispose();

    private sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string AccessToken,
        [property: JsonPropertyName("refresh_token")] string? RefreshToken,
        [property: JsonPropertyName("expires_in")] int ExpiresIn);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Sage ID token refreshed for company {CompanyId}; expires {ExpiresAt}")]
    private static partial void LogRefreshed(ILogger logger, int companyId, DateTimeOffset expiresAt);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Error, Message = "Sage ID token request failed for company {CompanyId} with status {Status}: re-authorise Sage")]
    private static partial void LogRefreshFailed(ILogger logger, int companyId, int status);
}
