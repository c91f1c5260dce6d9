using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace EdiGateway.Tests.Support;

/// <summary>
/// A real PostgreSQL server from Debian's <c>postgresql</c> package, started on a free loopback port in a
/// temporary data folder for the test run and stopped at the end. Fails with the install command when the
/// server binaries are missing.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private string? binDirectory;
    private TempDirectory? root;

    public int Port { get; private set; }

    public string AdminConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Pooling=false;Timeout=15";

    public async Task InitializeAsync()
    {
        binDirectory = FindBinaries() ?? throw new InvalidOperationException(
            "PostgreSQL server binaries (initdb, pg_ctl) were not found under /usr/lib/postgresql/*/bin: run `sudo apt-get install -y postgresql`.");
        root = new TempDirectory("edigw-pg");
        var data = root.Combine("data");
        var socket = root.Combine("socket");
        Directory.CreateDirectory(socket);
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            await RunAsync("chown", ["-R", "postgres:postgres", root.Path]);
        }

        Port = FreePort();
        await RunPgAsync(asRoot, "initdb", ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync", "--locale=C"]);
        await RunPgAsync(asRoot, "pg_ctl", ["-D", data, "-l", root.Combine("server.log"), "-w", "-t", "60", "-o",
            $"-p {Port} -k {socket} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200", "start"]);
    }

    /// <summary>Creates a fresh empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"edigw_{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await cmd.ExecuteNonQueryAsync();
        return $"Host=127.0.0.1;Port={Port};Username=postgres;Database={name};Timeout=15";
    }

    public async Task DisposeAsync()
    {
        if (root is not null && binDirectory is not null)
        {
            try
            {
                await RunPgAsync(Environment.UserName == "root", "pg_ctl", ["-D", root.Combine("data"), "-m", "immediate", "-w", "stop"]);
            }
            catch (InvalidOperationException)
            {
            }

            root.Dispose();
        }
    }

    private Task RunPgAsync(bool asRoot, string tool, string[] args) => asRoot
        ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(binDirectory!, tool), .. args])
        : RunAsync(Path.Combine(binDirectory!, tool), args);

    private static async Task RunAsync(string file, string[] args)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({process.ExitCode}): {await stderr}{await stdout}");
        }
    }

    private static string? FindBinaries() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.EnumerateDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>One PostgreSQL server for every test class in the collection.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "postgres";
}
