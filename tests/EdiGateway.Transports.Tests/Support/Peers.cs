namespace EdiGateway.Transports.Tests.Support;

/// <summary>Locates tests/peers (libas2) and fails with the install command when node_modules is missing.</summary>
public static class Peers
{
    public static string Directory
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "tests", "peers", "package.json")))
            {
                dir = dir.Parent;
            }

            if (dir is null)
            {
                throw new InvalidOperationException("tests/peers/package.json not found above " + AppContext.BaseDirectory);
            }

            var peers = Path.Combine(dir.FullName, "tests", "peers");
            if (!System.IO.Directory.Exists(Path.Combine(peers, "node_modules", "libas2")))
            {
                throw new InvalidOperationException("libas2 not installed: run `npm ci --prefix " + peers + "`");
            }

            return peers;
        }
    }

    public static string Node => Tool.Require("node", "apt-get install -y nodejs npm");
}
