using System.Globalization;
using EdiGateway.Pipeline;
using EdiGateway.Storage;
using EdiGateway.Storage.Entities;
using EdiGateway.Transports.Files;
using Microsoft.EntityFrameworkCore;

namespace EdiGateway.Transports;

/// <summary>
/// What every transport hands received bytes to: stores them in the document store, records a transport
/// message in the lineage, and tells the pipeline. Also the pickup ledger that stops a remote file being
/// processed twice: by its listing identity, or, after a crash between storing and recording, by its content
/// at the same path. The same bytes under another name are a real resend and go on to duplicate detection.
/// </summary>
public sealed class TransportLedger(
    IDocumentStore documents,
    LineageLog lineage,
    IDbContextFactory<GatewayDbContext> factory,
    InboundNotifications notifications,
    TimeProvider clock) : IInboundSink, IRemoteFileDedupe
{
    public async ValueTask<string> StoreAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        StoredDocumentResult stored;
        try
        {
            stored = await documents.StoreAsync(new MemoryStream(message.Content.ToArray(), writable: false), new DocumentInfo(message.ContentType, message.FileName), cancellationToken);
        }
        catch (IOException ex)
        {
            throw new TransportException($"Received bytes could not be stored: {ex.Message}", TransportFailureKind.Transient, ex);
        }

        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (k, v) in message.Metadata)
        {
            if (k is "file.path" or "as2.message-id" && v.Length > 0)
            {
                keys[k] = v;
            }
        }

        var now = clock.GetUtcNow();
        var id = await lineage.AddAsync(new LineageEntry
        {
            Kind = LineageKind.TransportMessage,
            Direction = Direction.Inbound,
            PartnerId = message.PartnerId,
            State = LineageStates.Stored,
            DocumentSha256 = stored.Sha256,
            DocumentType = message.Transport,
            CreatedAt = now,
            UpdatedAt = now,
        }, keys, cancellationToken, durable: true);
        notifications.Publish(new InboundStored(id, stored.Sha256, message.PartnerId, message.FileName));
        return id.ToString(CultureInfo.InvariantCulture);
    }

    public async ValueTask<string?> FindAsync(RemoteFileKey key, string? contentSha256, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var receiptKey = ReceiptKey(key);
        var byKey = await db.TransportReceipts.AsNoTracking().Where(r => r.ReceiptKey == receiptKey).Select(r => r.StoredId).FirstOrDefaultAsync(cancellationToken);
        if (byKey is not null || contentSha256 is null)
        {
            return byKey;
        }

        var samePath = await db.Lineage.AsNoTracking()
            .Where(e => e.Kind == LineageKind.TransportMessage && e.DocumentSha256 == contentSha256 &&
                        db.LineageKeys.Any(k => k.LineageEntryId == e.Id && k.Name == "file.path" && k.Value == key.Path))
            .Select(e => (long?)e.Id)
            .FirstOrDefaultAsync(cancellationToken);
        return samePath?.ToString(CultureInfo.InvariantCulture);
    }

    public async ValueTask RecordAsync(RemoteFileKey key, string contentSha256, string storedId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var partner = await db.Lineage.AsNoTracking().Where(e => e.Id == long.Parse(storedId, CultureInfo.InvariantCulture)).Select(e => e.PartnerId).SingleOrDefaultAsync(cancellationToken);
        db.TransportReceipts.Add(new TransportReceipt
        {
            PartnerId = partner ?? "?",
            Transport = "file",
            ReceiptKey = ReceiptKey(key),
            ContentSha256 = contentSha256,
            StoredId = storedId,
            ReceivedAt = clock.GetUtcNow(),
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            // Recorded by an earlier attempt: the ledger already holds it.
        }
    }

    private static string ReceiptKey(RemoteFileKey key) => $"{key.Endpoint}|{key.Path}|{key.Size}|{key.ModifiedStamp}";
}
