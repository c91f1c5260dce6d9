using EdiGateway.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace EdiGateway.Storage;

/// <summary>
/// Records each inbound interchange once. The unique index on (ISA05, ISA06, ISA07, ISA08, ISA13) decides:
/// the first arrival gets a lineage row, any later one is reported as a duplicate of it.
/// </summary>
public sealed class InterchangeRegistry(IDbContextFactory<GatewayDbContext> factory, TimeProvider clock)
{
    public async Task<InterchangeRegistration> RegisterAsync(InterchangeEnvelopeKey key, string documentSha256, string? partnerId, CancellationToken ct, long? parentId = null, int? ordinal = null)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow();
        var entry = new LineageEntry
        {
            Kind = LineageKind.Interchange,
            ParentId = parentId,
            Ordinal = ordinal,
            Direction = Direction.Inbound,
            PartnerId = partnerId,
            State = LineageStates.Received,
            DocumentSha256 = documentSha256,
            SenderQualifier = key.SenderQualifier,
            SenderId = key.SenderId,
            ReceiverQualifier = key.ReceiverQualifier,
            ReceiverId = key.ReceiverId,
            InterchangeControlNumber = key.ControlNumber,
            CreatedAt = now,
            UpdatedAt = now,
        };
        try
        {
            db.Lineage.Add(entry);
            await db.SaveChangesAsync(ct);
            db.InterchangeReceipts.Add(new InterchangeReceipt
            {
                SenderQualifier = key.SenderQualifier,
                SenderId = key.SenderId,
                ReceiverQualifier = key.ReceiverQualifier,
                ReceiverId = key.ReceiverId,
                ControlNumber = key.ControlNumber,
                DocumentSha256 = documentSha256,
                LineageEntryId = entry.Id,
                ReceivedAt = now,
            });
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return new InterchangeRegistration(entry.Id, IsDuplicate: false, OriginalDocumentSha256: documentSha256);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            await tx.RollbackAsync(ct);
        }

        if (parentId is not null)
        {
            // The same interchange of the same transport message seen again (a restart resuming it): that is
            // not a duplicate from the partner but the first arrival continuing.
            await using var check = await factory.CreateDbContextAsync(ct);
            var resumed = await check.Lineage.AsNoTracking()
                .Where(e => e.ParentId == parentId && e.Kind == LineageKind.Interchange && e.Ordinal == ordinal && e.State != LineageStates.Duplicate)
                .Select(e => (long?)e.Id).SingleOrDefaultAsync(ct);
            if (resumed is { } id)
            {
                return new InterchangeRegistration(id, IsDuplicate: false, OriginalDocumentSha256: documentSha256, IsResumed: true);
            }
        }

        await using var read = await factory.CreateDbContextAsync(ct);
        var original = await read.InterchangeReceipts.AsNoTracking().SingleAsync(r =>
            r.SenderQualifier == key.SenderQualifier && r.SenderId == key.SenderId &&
            r.ReceiverQualifier == key.ReceiverQualifier && r.ReceiverId == key.ReceiverId &&
            r.ControlNumber == key.ControlNumber, ct);
        return new InterchangeRegistration(original.LineageEntryId, IsDuplicate: true, OriginalDocumentSha256: original.DocumentSha256);
    }
}

/// <summary>What identifies an interchange for duplicate detection: ISA05/06 sender, ISA07/08 receiver, ISA13.</summary>
public sealed record InterchangeEnvelopeKey(string SenderQualifier, string SenderId, string ReceiverQualifier, string ReceiverId, string ControlNumber)
{
    /// <summary>Builds a key with ISA padding trimmed, so "AMAZON         " and "AMAZON" are the same sender.</summary>
    public static InterchangeEnvelopeKey FromIsa(string isa05, string isa06, string isa07, string isa08, string isa13) =>
        new(isa05.Trim(), isa06.Trim(), isa07.Trim(), isa08.Trim(), isa13.Trim());
}

/// <summary>The lineage row of the interchange and whether this arrival was a duplicate of an earlier one.</summary>
public sealed record InterchangeRegistration(long LineageEntryId, bool IsDuplicate, string OriginalDocumentSha256, bool IsResumed = false);

/// <summary>State names used on lineage rows.</summary>
public static class LineageStates
{
    public const string Received = "received";
    public const string Accepted = "accepted";
    public const string Rejected = "rejected";
    public const string Duplicate = "duplicate";
    public const string Routed = "routed";
    public const string ReadyToPost = "ready-to-post";

    /// <summary>Handed to the Sage posting actor; the flow continues when Sage has the document (or says why not).</summary>
    public const string Posting = "posting";
    public const string Posted = "posted";
    public const string Queued = "queued";
    public const string Sent = "sent";
    public const string Acknowledged = "acknowledged";
    public const string Failed = "failed";
    public const string Stored = "stored";
    public const string Processed = "processed";
    public const string Unroutable = "unroutable";
    public const string Replaced = "replaced";
    public const string RejectedByPartner = "rejected-by-partner";
}
