using EdiGateway.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EdiGateway.Storage;

/// <summary>Registers the database, the migrator, the document store and the stores built on them.</summary>
public static class StorageRegistration
{
    public static IServiceCollection AddGatewayStorage(this IServiceCollection services)
    {
        services.AddSingleton<DatabaseTarget>(sp => DatabaseTarget.From(
            sp.GetRequiredService<IOptions<DatabaseOptions>>().Value,
            sp.GetRequiredService<GatewayHome>(),
            sp.GetRequiredService<IOptions<GatewayOptions>>().Value));
        services.AddDbContextFactory<GatewayDbContext>((sp, builder) => sp.GetRequiredService<DatabaseTarget>().Configure(builder));
        services.AddSingleton<SchemaMigrator>();
        services.AddSingleton<IDocumentStore>(sp => new FileSystemDocumentStore(
            Path.Combine(sp.GetRequiredService<GatewayHome>().Resolve(sp.GetRequiredService<IOptions<GatewayOptions>>().Value.DataDirectory), "documents"),
            sp.GetRequiredService<IDbContextFactory<GatewayDbContext>>(),
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<InterchangeRegistry>();
        services.AddSingleton<ControlNumberAllocator>();
        services.AddSingleton<LineageLog>();
        services.AddSingleton<ExceptionQueue>();
        return services;
    }
}

/// <summary>The resolved database: provider plus a full connection string, with secrets kept out of messages.</summary>
public sealed record DatabaseTarget(DatabaseProvider Provider, string ConnectionString, int CommandTimeoutSeconds)
{
    public static DatabaseTarget From(DatabaseOptions options, GatewayHome home, GatewayOptions gateway)
    {
        var provider = options.EffectiveProvider;
        if (provider == DatabaseProvider.Sqlite)
        {
            var builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(options.ConnectionString)
                ? $"Data Source={Path.Combine(home.Resolve(gateway.DataDirectory), "edigateway.db")}"
                : options.ConnectionString)
            {
                ForeignKeys = true,
                DefaultTimeout = options.CommandTimeoutSeconds,
                Pooling = true,
            };
            if (!Path.IsPathRooted(builder.DataSource) && builder.DataSource != ":memory:")
            {
                builder.DataSource = home.Resolve(builder.DataSource);
            }

            return new DatabaseTarget(provider, builder.ToString(), options.CommandTimeoutSeconds);
        }

        return new DatabaseTarget(provider, options.ConnectionString!, options.CommandTimeoutSeconds);
    }

    /// <summary>Where the database is, for messages: the SQLite file, or PostgreSQL host, port and database (never the password).</summary>
    public string Describe() => Provider == DatabaseProvider.Sqlite
        ? $"SQLite file '{new SqliteConnectionStringBuilder(ConnectionString).DataSource}'"
        : DescribePostgres();

    private string DescribePostgres()
    {
        var b = new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString);
        return $"PostgreSQL database '{b.Database}' on {b.Host}:{b.Port} as '{b.Username}'";
    }

    public void Configure(DbContextOptionsBuilder builder)
    {
        // Unique-index violations are how duplicates are detected; callers handle them, so EF need not log them as errors.
        builder.ConfigureWarnings(w => w.Ignore(Microsoft.EntityFrameworkCore.Diagnostics.CoreEventId.SaveChangesFailed));
        if (Provider == DatabaseProvider.Sqlite)
        {
            builder.UseSqlite(ConnectionString, o => o.CommandTimeout(CommandTimeoutSeconds));
            builder.AddInterceptors(SqliteDurability.Instance);
        }
        else
        {
            builder.UseNpgsql(ConnectionString, o => o.CommandTimeout(CommandTimeoutSeconds));
        }
    }
}
