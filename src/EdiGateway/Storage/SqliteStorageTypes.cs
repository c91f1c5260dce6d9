using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace EdiGateway.Storage;

/// <summary>
/// SQLite has no date or decimal type that sorts and compares in SQL: timestamps are stored as Unix
/// milliseconds (INTEGER) and decimals as canonical text, so filters and ordering still run in the database.
/// </summary>
internal static class SqliteStorageTypes
{
    private static readonly ValueConverter<DateTimeOffset, long> Timestamp =
        new(v => v.ToUnixTimeMilliseconds(), v => DateTimeOffset.FromUnixTimeMilliseconds(v));

    private static readonly ValueConverter<decimal, string> Money =
        new(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture),
            v => decimal.Parse(v, System.Globalization.CultureInfo.InvariantCulture));

    public static void Apply(ModelBuilder modelBuilder)
    {
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
            {
                var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
                if (type == typeof(DateTimeOffset))
                {
                    property.SetValueConverter(Timestamp);
                }
                else if (type == typeof(decimal))
                {
                    property.SetValueConverter(Money);
                }
            }
        }
    }
}
