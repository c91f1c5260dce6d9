using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace EdiGateway.Storage;

/// <summary>Recognises a unique-index violation on either provider: the signal that something was already done.</summary>
internal static class UniqueViolation
{
    public static bool Is(Exception? ex) => ex switch
    {
        null => false,
        DbUpdateException update => Is(update.InnerException),
        SqliteException sqlite => sqlite.SqliteErrorCode == 19 && sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };
}
