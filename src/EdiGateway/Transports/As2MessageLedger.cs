using System.Text.Json;
using EdiGateway.Storage;
using EdiGateway.Storage.Entities;
using EdiGateway.Transports.As2;
using EdiGateway.Transports.Mime;
using Microsoft.EntityFrameworkCore;

namespace EdiGateway.Transports;

/// <summary>
/// The AS2 duplicate guard in the database: a claim is a row under the unique (AS2-From, AS2-To, Message-ID)
/// index, completed with the MDN to replay. A claim left by a crash is taken over after <see cref="StaleAfter"/>.
/// </summary>
public sealed class As2MessageLedger(IDbContextFactory<GatewayDbContext> factory, IAs2PartnerDirectory partners, TimeProvider clock) : IAs2MessageStore
{
    private const string Claimed = "claimed";
    private const string Completed = "completed";

    /// <summary>How long an unfinished claim blocks a resend before the resend is processed instead.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(10);

    public async ValueTask<As2Claim> TryClaimAsync(As2MessageKey key, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        db.Set<As2MessageRecord>().Add(new As2MessageRecord
        {
            PartnerId = partners.Find(key.As2From, key.As2To)?.PartnerId ?? "?",
            SenderId = key.As2From,
            ReceiverId = key.As2To,
            MessageId = key.MessageId,
            State = Claimed,
            ClaimedAt = now,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new As2Claim(true, null);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
        }

        await using var read = await factory.CreateDbContextAsync(cancellationToken);
        var existing = await Rows(read, key).AsNoTracking().SingleAsync(cancellationToken);
        if (existing.State == Completed && existing.MdnBody is not null)
        {
            var headers = JsonSerializer.Deserialize<string[][]>(existing.MdnHeaders ?? "[]") ?? [];
            return new As2Claim(false, new As2BuiltMdn(existing.MdnMessageId ?? string.Empty, [.. headers.Select(h => new MimeHeader(h[0], h[1]))], existing.MdnBody));
        }

        var stale = now - StaleAfter;
        var taken = existing.State == Claimed && existing.ClaimedAt < stale
            && await Rows(read, key).Where(r => r.State == Claimed && r.ClaimedAt == existing.ClaimedAt)
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.ClaimedAt, now), cancellationToken) == 1;
        return new As2Claim(taken, null);
    }

    public async ValueTask CompleteAsync(As2MessageKey key, string storedId, As2BuiltMdn mdn, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var headers = JsonSerializer.Serialize(mdn.Headers.Select(h => new[] { h.Name, h.Value }));
        var now = clock.GetUtcNow();
        await Rows(db, key).ExecuteUpdateAsync(
            u => u.SetProperty(r => r.State, Completed).SetProperty(r => r.StoredId, storedId).SetProperty(r => r.MdnMessageId, mdn.MessageId)
                .SetProperty(r => r.MdnHeaders, headers).SetProperty(r => r.MdnBody, mdn.Body).SetProperty(r => r.CompletedAt, now),
            cancellationToken);
    }

    public async ValueTask ReleaseAsync(As2MessageKey key, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await Rows(db, key).Where(r => r.State == Claimed).ExecuteDeleteAsync(cancellationToken);
    }

    private static IQueryable<As2MessageRecord> Rows(GatewayDbContext db, As2MessageKey key) =>
        db.Set<As2MessageRecord>().Where(r => r.SenderId == key.As2From && r.ReceiverId == key.As2To && r.MessageId == key.MessageId);
}
