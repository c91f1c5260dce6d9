using System.Globalization;

namespace EdiGateway.Partners;

/// <summary>Typed setting values with the loader's problem reporting.</summary>
internal static partial class PartnerTransportReader
{
    private static string? Required(IReadOnlyDictionary<string, string> s, string key, Action<string, string> problem)
    {
        if (s.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v))
        {
            return v.Trim();
        }

        problem(key, "is required");
        return null;
    }

    private static string? PartnerFile(string directory, IReadOnlyDictionary<string, string> s, string key, bool required, Action<string, string> problem)
    {
        if (!s.TryGetValue(key, out var relative) || string.IsNullOrWhiteSpace(relative))
        {
            if (required)
            {
                problem(key, "is required (a file in the partner folder)");
            }

            return null;
        }

        var path = Path.GetFullPath(Path.Combine(directory, relative));
        if (!path.StartsWith(Path.GetFullPath(directory) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            problem(key, $"'{relative}' must stay inside the partner folder");
            return null;
        }

        if (!File.Exists(path))
        {
            problem(key, $"file '{relative}' does not exist");
            return null;
        }

        return path;
    }

    private static Uri? Url(IReadOnlyDictionary<string, string> s, string key, bool required, Action<string, string> problem)
    {
        if (!s.TryGetValue(key, out var v))
        {
            if (required)
            {
                problem(key, "is required (http:// or https:// URL)");
            }

            return null;
        }

        if (Uri.TryCreate(v, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
        {
            return uri;
        }

        problem(key, $"'{v}' must be an absolute http:// or https:// URL");
        return null;
    }

    private static bool Bool(IReadOnlyDictionary<string, string> s, string key, bool fallback, Action<string, string> problem)
    {
        if (!s.TryGetValue(key, out var v))
        {
            return fallback;
        }

        if (bool.TryParse(v, out var b))
        {
            return b;
        }

        problem(key, $"'{v}' must be true or false");
        return fallback;
    }

    private static int Number(IReadOnlyDictionary<string, string> s, string key, int fallback, int min, int max, Action<string, string> problem)
    {
        if (!s.TryGetValue(key, out var v))
        {
            return fallback;
        }

        if (int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max)
        {
            return n;
        }

        problem(key, $"'{v}' must be a whole number from {min} to {max}");
        return fallback;
    }

    private static TimeSpan Seconds(IReadOnlyDictionary<string, string> s, string key, int fallback, Action<string, string> problem) =>
        TimeSpan.FromSeconds(Number(s, key, fallback, 1, 86_400, problem));

    private static T Fail<T>(Action<string, string> problem, string key, string reason)
    {
        problem(key, reason);
        return default!;
    }
}
