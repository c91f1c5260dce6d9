using System.Security.Cryptography;

namespace EdiGateway.Sandbox.Sage;

/// <summary>
/// Sage ID stand-in: authorization codes, access tokens with expires_in, refresh tokens that rotate (the old one
/// is rejected once used), and the "Rate limit exceeded: access_token not expired" refusal for a refresh of a
/// token issued moments ago (⚠ threshold chosen by the sandbox).
/// </summary>
public sealed class SandboxAuth(SandboxOptions options, TimeProvider time)
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, bool> codes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> accessTokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Access, DateTimeOffset IssuedAt)> refreshTokens = new(StringComparer.Ordinal);

    /// <summary>Refresh refused while the current access token is younger than this.</summary>
    public TimeSpan RefreshRateLimit { get; set; } = TimeSpan.FromSeconds(5);

    public sealed record TokenPair(string AccessToken, string? RefreshToken, int ExpiresIn);

    public string IssueCode(bool offlineAccess)
    {
        var code = NewToken("code");
        lock (gate)
        {
            codes[code] = offlineAccess;
        }

        return code;
    }

    public TokenPair? Exchange(string code)
    {
        lock (gate)
        {
            if (!codes.Remove(code, out var offline))
            {
                return null;
            }

            return Issue(offline);
        }
    }

    /// <summary>Rotates: the presented refresh token dies, a new pair is issued. Null = invalid_grant; "" = not expired.</summary>
    public (TokenPair? Pair, string? Error) Refresh(string refreshToken)
    {
        lock (gate)
        {
            if (!refreshTokens.TryGetValue(refreshToken, out var chain))
            {
                return (null, "invalid_grant");
            }

            var now = time.GetUtcNow();
            if (accessTokens.TryGetValue(chain.Access, out var expires) && expires > now && now - chain.IssuedAt < RefreshRateLimit)
            {
                return (null, "Rate limit exceeded: access_token not expired");
            }

            refreshTokens.Remove(refreshToken);
            return (Issue(offline: true), null);
        }
    }

    public bool IsValid(string accessToken)
    {
        lock (gate)
        {
            return accessTokens.TryGetValue(accessToken, out var expires) && expires > time.GetUtcNow();
        }
    }

    /// <summary>Fault injection: every access token expires now (the next API call answers 401).</summary>
    public void ExpireAll()
    {
        lock (gate)
        {
            foreach (var key in accessTokens.Keys.ToList())
            {
                accessTokens[key] = DateTimeOffset.MinValue;
            }
        }
    }

    private TokenPair Issue(bool offline)
    {
        var access = NewToken("sbx-at");
        accessTokens[access] = time.GetUtcNow().AddSeconds(options.AccessTokenLifetimeSeconds);
        string? refresh = null;
        if (offline)
        {
            refresh = NewToken("sbx-rt");
            refreshTokens[refresh] = (access, time.GetUtcNow());
        }

        return new TokenPair(access, refresh, options.AccessTokenLifetimeSeconds);
    }

    private static string NewToken(string prefix) => prefix + "-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
}
