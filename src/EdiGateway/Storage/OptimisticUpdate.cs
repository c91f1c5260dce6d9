using Microsoft.EntityFrameworkCore;

namespace EdiGateway.Storage;

/// <summary>
/// Read-change-save of one row keyed by <c>Id</c> under optimistic concurrency (the row's version column): a write that
/// lost to a concurrent one is read again and re-applied, up to five times.
/// </summary>
public static class OptimisticUpdate
{
    /// <summary>Applies <paramref name="change"/> and then <paramref name="touch"/> (e.g. updated_at) to row <paramref name="id"/> and saves it.</summary>
    public static async Task<T> ApplyAsync<T>(IDbContextFactory<GatewayDbContext> factory, long id, Action<T> change, Action<T> touch, CancellationToken ct)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(touch);
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            var row = await db.Set<T>().SingleAsync(r => EF.Property<long>(r, "Id") == id, ct);
            change(row);
            touch(row);
            try
            {
                await db.SaveChangesAsync(ct);
                return row;
            }
            catch (DbUpdateConcurrencyException) when (attempt < 5)
            {
            }
        }
    }
}
