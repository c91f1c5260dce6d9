using EdiGateway.Transports.Files;

namespace EdiGateway.Transports.Tests.Support;

/// <summary>Runs a prerequisite tool; a missing one fails the test with the install command.</summary>
public static class Tool
{
    public static async Task<ProcessResult> RunAsync(string file, string installHint, params string[] args)
    {
        var path = Which(file) ?? throw new InvalidOperationException(file + " not found: run `" + installHint + "`");
        return await ProcessRunner.RunAsync(path, args, null, TimeSpan.FromSeconds(60), CancellationToken.None, installHint);
    }

    public static async Task<ProcessResult> OpensslAsync(params string[] args)
    {
        var r = await RunAsync("openssl", "apt-get install -y openssl", args);
        return r;
    }

    public static string Require(string file, string installHint) =>
        Which(file) ?? throw new InvalidOperationException(file + " not found: run `" + installHint + "`");

    public static string? Which(string file)
    {
        if (Path.IsPathRooted(file))
        {
            return File.Exists(file) ? file : null;
        }

        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':').Concat(["/usr/sbin", "/sbin"]))
        {
            var candidate = Path.Combine(dir, file);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    public static string TempDir(string prefix)
    {
        var dir = Path.Combine(Path.GetTempPath(), prefix + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        return dir;
    }
}
