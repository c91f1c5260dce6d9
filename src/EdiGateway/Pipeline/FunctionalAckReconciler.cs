using EdiGateway.Edi.Model;
using EdiGateway.Edi.Records;
using EdiGateway.Storage;
using EdiGateway.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace EdiGateway.Pipeline;

/// <summary>
/// A partner's 997/999 matched to what we sent: each AK2 finds our outbound set by group and set control
/// number; accepted sets become <c>acknowledged</c>, rejected ones go to the queue with the partner's codes,
/// and an acknowledgement for something we never sent is queued too.
/// </summary>
public sealed class FunctionalAckReconciler(string flow, IDocumentStore documents, IDbContextFactory<GatewayDbContext> factory, LineageLog lineage, ExceptionQueue exceptions, TimeProvider clock) : IFlowHandler
{
    public string Flow => flow;

    public async Task<string> HandleAsync(TransactionSetAccepted set, CancellationToken ct)
    {
        X12DocumentReadResult read;
        await using (var stream = documents.OpenRead(set.DocumentSha256))
        {
            read = X12DocumentReader.Read(stream);
        }

        foreach (var group in read.Document.Interchanges.SelectMany(i => i.Groups))
        {
            foreach (var ackSet in group.Sets.Where(s => s.SetId is "997" or "999"))
            {
                var ack = FunctionalAck997.FromSet(ackSet);
                foreach (var acknowledged in ack.Sets)
                {
                    await ReconcileAsync(set, ack, acknowledged, ct);
                }
            }
        }

        return await lineage.TransitionAsync(set.LineageId, LineageStates.Accepted, LineageStates.Processed, ct)
            ? LineageStates.Processed
            : (await lineage.GetAsync(set.LineageId, ct))?.State ?? LineageStates.Failed;
    }

    private async Task ReconcileAsync(TransactionSetAccepted from, FunctionalAck997 ack, SetAck acknowledged, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var sent = await db.Lineage.Where(e => e.Direction == Direction.Outbound && e.PartnerId == from.PartnerId &&
                                               e.GroupControlNumber == ack.GroupControlNumber &&
                                               e.TransactionSetControlNumber == acknowledged.ControlNumber &&
                                               e.DocumentType == acknowledged.SetId)
            .OrderByDescending(e => e.Id).FirstOrDefaultAsync(ct);
        var now = clock.GetUtcNow();
        if (sent is null)
        {
            await exceptions.RaiseAsync(Entry(from, null, "ack.unmatched", Severity.Warning,
                $"{from.PartnerId} acknowledged {acknowledged.SetId} {acknowledged.ControlNumber} in group {ack.GroupControlNumber} (status {acknowledged.Status}), which we have no record of sending.",
                $"ack-unmatched:{from.LineageId}:{ack.GroupControlNumber}:{acknowledged.ControlNumber}"), ct);
            return;
        }

        var accepted = acknowledged.Status is "A" or "E";
        sent.State = accepted ? LineageStates.Acknowledged : LineageStates.RejectedByPartner;
        sent.DueAt = null;
        sent.UpdatedAt = now;
        sent.Error = accepted ? null : $"rejected by the partner's 997 (AK5 {string.Join(' ', [acknowledged.Status, .. acknowledged.Codes])})";
        await db.SaveChangesAsync(ct);
        if (acknowledged.Status is "R" or "E")
        {
            var detail = string.Join("; ", acknowledged.Segments.Select(s =>
                $"{s.SegmentId} at position {s.Position} (code {s.Code})" + string.Concat(s.Elements.Select(e => $", element {e.Position} code {e.Code}{(e.BadData is null ? "" : $" '{e.BadData}'")}"))));
            await exceptions.RaiseAsync(Entry(from, sent.Id, acknowledged.Status == "R" ? "ack.rejected" : "ack.accepted-with-errors",
                acknowledged.Status == "R" ? Severity.Error : Severity.Warning,
                $"{from.PartnerId} {(acknowledged.Status == "R" ? "rejected" : "accepted with errors")} our {acknowledged.SetId} {acknowledged.ControlNumber}" +
                (sent.PurchaseOrderNumber is { } po ? $" for PO {po}" : string.Empty) + (detail.Length > 0 ? $": {detail}" : "."),
                $"ack-{acknowledged.Status}:{sent.Id}"), ct);
        }
    }

    private static ExceptionEntry Entry(TransactionSetAccepted from, long? lineageId, string reason, Severity severity, string message, string dedup) => new()
    {
        Queue = "ops",
        PartnerId = from.PartnerId,
        Flow = from.Flow,
        ReasonCode = reason,
        Message = message,
        Severity = severity,
        LineageEntryId = lineageId ?? from.LineageId,
        DocumentSha256 = from.DocumentSha256,
        DeduplicationKey = dedup,
        CreatedAt = default,
        UpdatedAt = default,
    };
}
