namespace EdiGateway.Hosting;

/// <summary>
/// The appliance's home folder: where appsettings.json, partners/ and edi-specs/ are, and relative paths start.
/// Chosen from <c>--home</c>, then <c>EDIGW_HOME</c>, then the current folder if it holds appsettings.json,
/// then the nearest parent of the executable that does; else the current folder with embedded defaults.
/// </summary>
public sealed record GatewayHome(string Path)
{
    public string Resolve(string relativeOrAbsolute) =>
        System.IO.Path.GetFullPath(System.IO.Path.IsPathRooted(relativeOrAbsolute)
            ? relativeOrAbsolute
            : System.IO.Path.Combine(Path, relativeOrAbsolute));

    public static GatewayHome Locate(string? explicitHome)
    {
        if (!string.IsNullOrWhiteSpace(explicitHome))
        {
            return new GatewayHome(System.IO.Path.GetFullPath(explicitHome));
        }

        var fromEnv = Environment.GetEnvironmentVariable("EDIGW_HOME");
        if (!string.IsNullOrWhiteSpace(fromEnv))
        {
            return new GatewayHome(System.IO.Path.GetFullPath(fromEnv));
        }

        var cwd = Directory.GetCurrentDirectory();
        if (File.Exists(System.IO.Path.Combine(cwd, "appsettings.json")))
        {
            return new GatewayHome(cwd);
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "appsettings.json")) && Directory.Exists(System.IO.Path.Combine(dir.FullName, "partners")))
            {
                return new GatewayHome(dir.FullName);
            }
        }

        return new GatewayHome(cwd);
    }
}
