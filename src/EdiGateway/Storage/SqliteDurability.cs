using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EdiGateway.Storage;

/// <summary>
/// SQLite runs in WAL mode (set once by the migrator). Connections commit with <c>synchronous=NORMAL</c>,
/// which survives a process crash and keeps the database consistent after a power cut; the commits that
/// acknowledge something to the outside world (a received document, a person's action) are made with
/// <c>synchronous=FULL</c> explicitly (see <c>LineageLog.AddAsync</c> with durable), which also makes every earlier commit durable.
/// </summary>
internal sealed class SqliteDurability : DbConnectionInterceptor
{
    public static readonly SqliteDurability Instance = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    // A pooled connection may come back with FULL from a durable commit; every open resets it to NORMAL.

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous=NORMAL;";
        command.ExecuteNonQuery();
    }
}
