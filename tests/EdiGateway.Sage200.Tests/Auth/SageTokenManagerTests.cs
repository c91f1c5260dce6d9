using EdiGateway.Sage200.Tests.Infrastructure;

namespace EdiGateway.Sage200.Tests.Auth;

public sealed class SageTokenManagerTests : IAsyncLifetime
{
    private readonly SandboxHost host = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        var violations = host.ContractViolations;
        await host.DisposeAsync();
        Assert.True(violations.Count == 0, "requests/responses outside the Sage contract:\n" + string.Join("\n", violations));
    }

    [Fact]
    public async Task GetSitesAsync_AccessTokenExpired_RefreshesRotatesAndRetries()
    {
        var c = await host.ConnectAsync();
        var before = await c.Store.ReadAsync(SandboxHost.Options().TokenKey, default);
        host.Auth.RefreshRateLimit = TimeSpan.Zero;
        host.Auth.ExpireAll();

        var sites = await c.Client.GetSitesAsync(default);

        Assert.Single(sites);
        var after = await c.Store.ReadAsync(SandboxHost.Options().TokenKey, default);
        Assert.NotEqual(before, after);
        Assert.DoesNotContain("sbx-rt-", after, StringComparison.Ordinal); // encrypted at rest
        Assert.Equal(2, c.Capture.Calls.Count(x => x.Resource == "/sites")); // 401, then the retry
    }

    [Fact]
    public async Task TokenEndpoint_OldRefreshTokenAfterRotation_IsRejected()
    {
        using var http = host.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var consent = await http.GetAsync(new Uri("/authorize?response_type=code&client_id=sandbox-client&scope=openid%20offline_access&redirect_uri=http%3A%2F%2F127.0.0.1%2Fcb&state=s", UriKind.Relative));
        var code = System.Web.HttpUtility.ParseQueryString(consent.Headers.Location!.Query)["code"]!;
        var first = await TokenAsync(http, ("grant_type", "authorization_code"), ("code", code));
        host.Auth.RefreshRateLimit = TimeSpan.Zero;

        var second = await TokenAsync(http, ("grant_type", "refresh_token"), ("refresh_token", first["refresh_token"]!.GetValue<string>()));
        var reuse = await PostAsync(http, ("grant_type", "refresh_token"), ("refresh_token", first["refresh_token"]!.GetValue<string>()));

        Assert.NotEqual(first["refresh_token"]!.GetValue<string>(), second["refresh_token"]!.GetValue<string>());
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, reuse.StatusCode);
        Assert.Contains("invalid_grant", await reuse.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAccessTokenAsync_RefreshRefusedAsNotExpired_KeepsCurrentToken()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        var c = await host.ConnectAsync(clock);
        var before = await c.Store.ReadAsync(SandboxHost.Options().TokenKey, default);
        clock.Advance(TimeSpan.FromMinutes(14)); // the client thinks the token is about to expire; the sandbox issued it moments ago

        var sites = await c.Client.GetSitesAsync(default);

        Assert.Single(sites);
        Assert.Contains(c.Capture.Calls, x => x.Resource == "/oauth/token" && x.ResponseBody.Contains("access_token not expired", StringComparison.Ordinal));
        Assert.Equal(before, await c.Store.ReadAsync(SandboxHost.Options().TokenKey, default));
    }

    private static async Task<System.Text.Json.Nodes.JsonNode> TokenAsync(HttpClient http, params (string, string)[] fields)
    {
        using var response = await PostAsync(http, fields);
        response.EnsureSuccessStatusCode();
        return System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient http, params (string Key, string Value)[] fields) =>
        http.PostAsync(new Uri("/oauth/token", UriKind.Relative), new FormUrlEncodedContent(
            fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)).Append(new("client_id", "sandbox-client")).Append(new("client_secret", "sandbox-secret"))));
}
