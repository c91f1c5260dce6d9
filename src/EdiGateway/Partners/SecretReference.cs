namespace EdiGateway.Partners;

/// <summary>
/// A secret named in a profile, never written in it: <c>env:NAME</c> (an environment variable) or
/// <c>file:PATH</c> (a file readable only by the gateway, relative to the home folder).
/// </summary>
public static class SecretReference
{
    /// <summary>Reports a malformed reference or an unset variable.</summary>
    internal static void Check(string reference, string key, Action<string, string> problem)
    {
        if (reference.StartsWith("env:", StringComparison.Ordinal) && reference.Length > 4)
        {
            if (Environment.GetEnvironmentVariable(reference[4..]) is null)
            {
                problem(key, $"environment variable '{reference[4..]}' is not set");
            }
        }
        else if (!(reference.StartsWith("file:", StringComparison.Ordinal) && reference.Length > 5))
        {
            problem(key, "must be a secret reference, env:NAME or file:PATH (never the secret itself)");
        }
    }

    /// <summary>The secret's value; <paramref name="resolvePath"/> resolves file: paths under the home folder.</summary>
    public static string Resolve(string reference, Func<string, string> resolvePath)
    {
        if (reference.StartsWith("env:", StringComparison.Ordinal))
        {
            return Environment.GetEnvironmentVariable(reference[4..]) ?? string.Empty;
        }

        return File.ReadAllText(resolvePath(reference[5..])).TrimEnd('\r', '\n');
    }
}
