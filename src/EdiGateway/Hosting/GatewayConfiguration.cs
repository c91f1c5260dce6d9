using System.Text.Json;

namespace EdiGateway.Hosting;

/// <summary>
/// Configuration sources in order: embedded defaults, <c>appsettings.json</c> in the home folder,
/// <c>appsettings.{Environment}.json</c>, then <c>EDIGW__</c> environment variables (<c>EDIGW__Database__Provider</c>).
/// </summary>
public static class GatewayConfiguration
{
    public const string EnvironmentPrefix = "EDIGW__";

    /// <summary>The environment name (Production unless ASPNETCORE_ENVIRONMENT or DOTNET_ENVIRONMENT says otherwise).</summary>
    public static string EnvironmentName =>
        Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? "Production";

    /// <summary>Throws <see cref="StartupProblem"/> naming the file, line and column if a settings file is not valid JSON.</summary>
    public static void CheckFiles(GatewayHome home, string environmentName)
    {
        foreach (var path in SettingsFiles(home, environmentName))
        {
            CheckJson(path);
        }
    }

    public static void AddGatewaySources(IConfigurationBuilder builder, GatewayHome home, string environmentName)
    {
        builder.Sources.Clear();
        foreach (var path in SettingsFiles(home, environmentName))
        {
            CheckJson(path);
            builder.AddJsonFile(path, optional: true, reloadOnChange: false);
        }

        builder.AddEnvironmentVariables(EnvironmentPrefix);
    }

    private static IEnumerable<string> SettingsFiles(GatewayHome home, string environmentName) =>
        new[] { "appsettings.json", $"appsettings.{environmentName}.json" }
            .Select(f => System.IO.Path.Combine(home.Path, f))
            .Where(File.Exists);

    /// <summary>Reads the file once to report a JSON error with its line and column, instead of the host's generic failure.</summary>
    private static void CheckJson(string path)
    {
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions
            {
                CommentHandling = JsonCommentHandling.Skip,
                AllowTrailingCommas = true,
            });
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new StartupProblem($"Configuration file '{path}' must hold a JSON object at the top level, not {doc.RootElement.ValueKind}.");
            }
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" at line {line + 1}, column {(ex.BytePositionInLine ?? 0) + 1}" : string.Empty;
            throw new StartupProblem($"Configuration file '{path}' is not valid JSON{where}: {FirstSentence(ex.Message)}", ex);
        }
        catch (IOException ex)
        {
            throw new StartupProblem($"Configuration file '{path}' cannot be read: {ex.Message}", ex);
        }
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
