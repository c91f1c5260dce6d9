using EdiGateway.Sage200.Auth;
using EdiGateway.Storage;
using EdiGateway.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace EdiGateway.Sage;

/// <summary>
/// <see cref="ITokenStore"/> on erp_tokens, one row per token key. Sage ID refresh tokens rotate, so a write is
/// committed durably (SQLite synchronous=FULL) before it returns.
/// </summary>
public sealed class SageTokenStore(IDbContextFactory<GatewayDbContext> factory, TimeProvider clock) : ITokenStore
{
    public async ValueTask<string?> ReadAsync(string key, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.ErpTokens.AsNoTracking().Where(t => t.TokenKey == key).Select(t => t.ProtectedValue).FirstOrDefaultAsync(cancellationToken);
    }

    public async ValueTask WriteAsync(string key, string protectedValue, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            var sqlite = db.Database.IsSqlite();
            if (sqlite)
            {
                await db.Database.OpenConnectionAsync(cancellationToken);
                await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous=FULL;", cancellationToken);
            }

            try
            {
                var now = clock.GetUtcNow();
                var updated = await db.ErpTokens.Where(t => t.TokenKey == key)
                    .ExecuteUpdateAsync(u => u.SetProperty(t => t.ProtectedValue, protectedValue).SetProperty(t => t.UpdatedAt, now), cancellationToken);
                if (updated == 1)
                {
                    return;
                }

                db.ErpTokens.Add(new ErpToken { TokenKey = key, ProtectedValue = protectedValue, UpdatedAt = now });
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateException ex) when (attempt == 0 && UniqueViolation.Is(ex))
            {
                // another writer inserted the row between our update and insert: update it on the next pass
            }
            finally
            {
                if (sqlite)
                {
                    await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous=NORMAL;", CancellationToken.None);
                }
            }
        }
    }
}
