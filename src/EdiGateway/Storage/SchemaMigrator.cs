using System.Data.Common;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using EdiGateway.Hosting;
using Microsoft.EntityFrameworkCore;

namespace EdiGateway.Storage;

/// <summary>
/// Brings the schema up to date from the versioned SQL scripts embedded for each provider
/// (<c>Storage/Migrations/{Sqlite|PostgreSql}/NNNN_name.sql</c>). Each script runs in its own transaction
/// with its row in <c>schema_migrations</c>, so a crash leaves the schema at a whole version. A changed
/// script that was already applied, or a database newer than this build, stops the start.
/// </summary>
public sealed class SchemaMigrator(IDbContextFactory<GatewayDbContext> factory, DatabaseTarget target, TimeProvider clock)
{
    private const long PostgresLockKey = 0x4544_4947_5731; // "EDIGW1"

    public IReadOnlyList<Migration> Migrations { get; } = LoadMigrations(target.Provider);

    public int LatestVersion => Migrations.Count == 0 ? 0 : Migrations[^1].Version;

    /// <summary>Applies every pending script; returns the versions applied.</summary>
    public async Task<IReadOnlyList<int>> MigrateAsync(CancellationToken ct)
    {
        await using var db = await OpenAsync(ct);
        var connection = db.Database.GetDbConnection();
        if (target.Provider == DatabaseProvider.Sqlite)
        {
            await ExecuteAsync(connection, null, "PRAGMA journal_mode=WAL;", ct);
        }

        await ExecuteAsync(connection, null, target.Provider == DatabaseProvider.Sqlite
            ? "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL);"
            : "CREATE TABLE IF NOT EXISTS schema_migrations (version integer NOT NULL PRIMARY KEY, name text NOT NULL, checksum text NOT NULL, applied_at text NOT NULL);", ct);

        var applied = new List<int>();
        foreach (var migration in Migrations)
        {
            await using var tx = await connection.BeginTransactionAsync(ct);
            if (target.Provider == DatabaseProvider.PostgreSql)
            {
                await ExecuteAsync(connection, tx, $"SELECT pg_advisory_xact_lock({PostgresLockKey});", ct);
            }

            var existing = await AppliedAsync(connection, tx, ct);
            ThrowIfDiverged(existing);
            if (existing.ContainsKey(migration.Version))
            {
                await tx.RollbackAsync(ct);
                continue;
            }

            await ExecuteAsync(connection, tx, migration.Sql, ct);
            await using (var insert = connection.CreateCommand())
            {
                insert.Transaction = tx;
                insert.CommandText = "INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (@v, @n, @c, @a);";
                AddParameter(insert, "@v", migration.Version);
                AddParameter(insert, "@n", migration.Name);
                AddParameter(insert, "@c", migration.Checksum);
                AddParameter(insert, "@a", clock.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture));
                await insert.ExecuteNonQueryAsync(ct);
            }

            await tx.CommitAsync(ct);
            applied.Add(migration.Version);
        }

        return applied;
    }

    /// <summary>The version the database is at, 0 if it has no schema yet. Throws <see cref="StartupProblem"/> when unreachable.</summary>
    public async Task<SchemaStatus> GetStatusAsync(CancellationToken ct)
    {
        await using var db = await OpenAsync(ct);
        var connection = db.Database.GetDbConnection();
        var exists = target.Provider == DatabaseProvider.Sqlite
            ? "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations';"
            : "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_migrations' AND table_schema = current_schema();";
        await using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = exists;
            if (Convert.ToInt64(await cmd.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture) == 0)
            {
                return new SchemaStatus(0, LatestVersion);
            }
        }

        var applied = await AppliedAsync(connection, null, ct);
        return new SchemaStatus(applied.Count == 0 ? 0 : applied.Keys.Max(), LatestVersion);
    }

    private async Task<GatewayDbContext> OpenAsync(CancellationToken ct)
    {
        var db = await factory.CreateDbContextAsync(ct);
        try
        {
            await db.Database.OpenConnectionAsync(ct);
            return db;
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException or TimeoutException or System.Net.Sockets.SocketException)
        {
            await db.DisposeAsync();
            throw new StartupProblem($"Cannot reach the database ({target.Describe()}; setting Database:ConnectionString): {ex.GetBaseException().Message}", ex);
        }
    }

    private void ThrowIfDiverged(IReadOnlyDictionary<int, string> applied)
    {
        foreach (var (version, checksum) in applied)
        {
            var known = Migrations.FirstOrDefault(m => m.Version == version);
            if (known is null)
            {
                throw new StartupProblem($"The database ({target.Describe()}) is at schema version {version}, newer than this edigw knows ({LatestVersion}). Upgrade edigw or restore a matching backup.");
            }

            if (!string.Equals(known.Checksum, checksum, StringComparison.Ordinal))
            {
                throw new StartupProblem($"Schema migration {version} ({known.Name}) in the database differs from the one in this build (checksum {checksum} vs {known.Checksum}). Applied migrations must never change.");
            }
        }
    }

    private static async Task<Dictionary<int, string>> AppliedAsync(DbConnection connection, DbTransaction? tx, CancellationToken ct)
    {
        var result = new Dictionary<int, string>();
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "SELECT version, checksum FROM schema_migrations ORDER BY version;";
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            result[Convert.ToInt32(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)] = reader.GetString(1);
        }

        return result;
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? tx, string sql, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
    }

    private static List<Migration> LoadMigrations(DatabaseProvider provider)
    {
        var prefix = $"migrations/{provider}/";
        var assembly = Assembly.GetExecutingAssembly();
        var list = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var sql = reader.ReadToEnd();
            var file = Path.GetFileNameWithoutExtension(resource[prefix.Length..]);
            var version = int.Parse(file[..4], System.Globalization.CultureInfo.InvariantCulture);
            var checksum = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sql.ReplaceLineEndings("\n"))));
            list.Add(new Migration(version, file[5..], sql, checksum));
        }

        return list;
    }
}

/// <summary>One versioned schema script.</summary>
public sealed record Migration(int Version, string Name, string Sql, string Checksum);

/// <summary>Where the database schema stands against this build.</summary>
public sealed record SchemaStatus(int CurrentVersion, int LatestVersion)
{
    public bool IsCurrent => CurrentVersion == LatestVersion;
}
