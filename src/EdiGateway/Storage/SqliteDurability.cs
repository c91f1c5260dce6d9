using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EdiGateway.Storage;

/// <summary>
/// Every SQLite connection commits with <c>synchronous=FULL</c>: a stored document's row survives a power cut,
/// not only a process crash (the migrator puts the file in WAL mode once).
/// </summary>
internal sealed class SqliteDurability : DbConnectionInterceptor
{
    public static readonly SqliteDurability Instance = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous=FULL;";
        command.ExecuteNonQuery();
    }
}
