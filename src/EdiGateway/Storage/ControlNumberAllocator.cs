using System.Data.Common;
using System.Globalization;
using EdiGateway.Hosting;
using EdiGateway.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace EdiGateway.Storage;

/// <summary>
/// Hands out X12 control numbers per partner, direction and kind that never repeat, survive restarts and hold
/// under concurrent writers: one atomic <c>UPDATE ... RETURNING</c> per number, and a unique index on every
/// number issued. Wrap rule: after <see cref="MaxValue"/> (999999999, the largest nine-digit ISA13) comes 1,
/// and the counter's cycle goes up by one; a number repeats only after a billion have been sent.
/// </summary>
public sealed class ControlNumberAllocator(IDbContextFactory<GatewayDbContext> factory, DatabaseTarget target, TimeProvider clock)
{
    public const long MaxValue = 999_999_999;

    private const string Next = """
        INSERT INTO control_number_counters (partner_id, direction, kind, last_value, cycle) VALUES (@p, @d, @k, 0, 0)
            ON CONFLICT (partner_id, direction, kind) DO NOTHING;
        UPDATE control_number_counters
           SET cycle = CASE WHEN last_value >= @max THEN cycle + 1 ELSE cycle END,
               last_value = CASE WHEN last_value >= @max THEN 1 ELSE last_value + 1 END
         WHERE partner_id = @p AND direction = @d AND kind = @k
        RETURNING last_value, cycle;
        """;

    public async Task<ControlNumber> NextAsync(string partnerId, Direction direction, ControlNumberKind kind, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await NextOnceAsync(partnerId, direction, kind, ct);
            }
            catch (Exception ex) when (attempt < 5 && IsSerializationConflict(ex))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(10 * attempt), clock, ct);
            }
        }
    }

    /// <summary>
    /// Sets where a partner's numbering continues (onboarding a partner that traded through another system).
    /// The next number issued is <paramref name="lastValue"/> + 1.
    /// </summary>
    public async Task SeedAsync(string partnerId, Direction direction, ControlNumberKind kind, long lastValue, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(lastValue);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lastValue, MaxValue);
        await using var db = await factory.CreateDbContextAsync(ct);
        var counter = await db.ControlNumberCounters.FindAsync([partnerId, direction, kind], ct);
        if (counter is null)
        {
            db.ControlNumberCounters.Add(new ControlNumberCounter { PartnerId = partnerId, Direction = direction, Kind = kind, LastValue = lastValue });
        }
        else
        {
            counter.LastValue = lastValue;
        }

        await db.SaveChangesAsync(ct);
    }

    private async Task<ControlNumber> NextOnceAsync(string partnerId, Direction direction, ControlNumberKind kind, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        long value;
        long cycle;
        await using (var cmd = db.Database.GetDbConnection().CreateCommand())
        {
            cmd.Transaction = tx.GetDbTransaction();
            cmd.CommandText = Next;
            Add(cmd, "@p", partnerId);
            Add(cmd, "@d", (int)direction);
            Add(cmd, "@k", (int)kind);
            Add(cmd, "@max", MaxValue);
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (!reader.HasRows || reader.FieldCount < 2)
            {
                if (!await reader.NextResultAsync(ct))
                {
                    throw new InvalidOperationException("The control number update returned no row.");
                }
            }

            await reader.ReadAsync(ct);
            value = Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture);
            cycle = Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture);
        }

        db.IssuedControlNumbers.Add(new IssuedControlNumber
        {
            PartnerId = partnerId,
            Direction = direction,
            Kind = kind,
            Cycle = cycle,
            Value = value,
            IssuedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new ControlNumber(kind, value, cycle);
    }

    private bool IsSerializationConflict(Exception ex) =>
        target.Provider == DatabaseProvider.PostgreSql && ex.GetBaseException() is Npgsql.PostgresException { SqlState: "40001" or "40P01" };

    private static void Add(DbCommand cmd, string name, object value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        cmd.Parameters.Add(p);
    }
}

/// <summary>An issued control number, formatted the way its X12 element wants it.</summary>
public sealed record ControlNumber(ControlNumberKind Kind, long Value, long Cycle)
{
    /// <summary>ISA13 is exactly nine digits; GS06 is written plain (1-9 digits); ST02 at least four.</summary>
    public override string ToString() => Kind switch
    {
        ControlNumberKind.Interchange => Value.ToString("D9", CultureInfo.InvariantCulture),
        ControlNumberKind.TransactionSet => Value.ToString("D4", CultureInfo.InvariantCulture),
        _ => Value.ToString(CultureInfo.InvariantCulture),
    };
}
