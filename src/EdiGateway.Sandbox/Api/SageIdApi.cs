using EdiGateway.Sandbox.Sage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EdiGateway.Sandbox.Api;

/// <summary>Sage ID stand-in: /authorize (auto-consent) and /oauth/token (code and refresh grants).</summary>
public static class SageIdApi
{
    public static IEndpointRouteBuilder MapSageIdApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/authorize", Authorize);
        app.MapPost("/oauth/token", TokenAsync).DisableAntiforgery();
        return app;
    }

    private static Results<RedirectHttpResult, BadRequest<string>> Authorize(HttpRequest request, SandboxAuth auth, SandboxOptions options)
    {
        var q = request.Query;
        if (q["response_type"] != "code" || q["client_id"] != options.ClientId || string.IsNullOrEmpty(q["redirect_uri"]))
        {
            return TypedResults.BadRequest("SANDBOX Sage ID: response_type=code, client_id and redirect_uri are required");
        }

        var offline = q["scope"].ToString().Split(' ').Contains("offline_access", StringComparer.Ordinal);
        var code = auth.IssueCode(offline);
        var target = q["redirect_uri"] + (q["redirect_uri"].ToString().Contains('?', StringComparison.Ordinal) ? "&" : "?")
            + "code=" + Uri.EscapeDataString(code) + "&state=" + Uri.EscapeDataString(q["state"].ToString());
        return TypedResults.Redirect(target);
    }

    private static async Task<IResult> TokenAsync(HttpRequest request, SandboxAuth auth, SandboxOptions options)
    {
        var form = await request.ReadFormAsync(request.HttpContext.RequestAborted).ConfigureAwait(false);
        if (form["client_id"] != options.ClientId || (!string.IsNullOrEmpty(options.ClientSecret) && form["client_secret"] != options.ClientSecret))
        {
            return TypedResults.Json(new { error = "access_denied", error_description = "Unauthorized" }, statusCode: StatusCodes.Status401Unauthorized);
        }

        SandboxAuth.TokenPair? pair;
        switch (form["grant_type"].ToString())
        {
            case "authorization_code":
                pair = auth.Exchange(form["code"].ToString());
                if (pair is null)
                {
                    return Error("invalid_grant", "Invalid authorization code");
                }

                break;
            case "refresh_token":
                var (refreshed, error) = auth.Refresh(form["refresh_token"].ToString());
                if (refreshed is null)
                {
                    return error == "invalid_grant" ? Error("invalid_grant", "Unknown or already used refresh token") : Error("invalid_request", error!);
                }

                pair = refreshed;
                break;
            default:
                return Error("unsupported_grant_type", "grant_type must be authorization_code or refresh_token");
        }

        return TypedResults.Json(new Dictionary<string, object?>
        {
            ["access_token"] = pair.AccessToken,
            ["refresh_token"] = pair.RefreshToken,
            ["expires_in"] = pair.ExpiresIn,
            ["token_type"] = "Bearer",
            ["scope"] = "openid profile email offline_access",
        });
    }

    private static JsonHttpResult<object> Error(string code, string description) =>
        TypedResults.Json<object>(new { error = code, error_description = description }, statusCode: StatusCodes.Status400BadRequest);
}
