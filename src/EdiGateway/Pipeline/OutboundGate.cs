using System.Text.Json;
using EdiGateway.Edi.Errors;
using EdiGateway.Edi.Processing;
using EdiGateway.Edi.Validation;
using EdiGateway.Partners;
using EdiGateway.Storage;
using EdiGateway.Storage.Entities;
using EdiGateway.Transports;

namespace EdiGateway.Pipeline;

/// <summary>
/// Everything the gateway sends passes here: validated against the partner's guide, stored, recorded in the
/// lineage, then handed to the partner's transport. An invalid document never leaves: it goes to the queue.
/// A document already recorded for the same step is sent from its stored bytes, so a restart never builds a
/// second one with new control numbers.
/// </summary>
public sealed partial class OutboundGate(
    EdiSpecs specs,
    IDocumentStore documents,
    LineageLog lineage,
    ExceptionQueue exceptions,
    PartnerTransports transports,
    TimeProvider clock,
    ILogger<OutboundGate> logger)
{
    /// <summary>Validates, records and sends <paramref name="x12"/>; returns the lineage id and whether it went out.</summary>
    public async Task<OutboundResult> SendAsync(OutboundRequest request, Func<byte[]> x12, CancellationToken ct)
    {
        var existing = (await lineage.ChildrenAsync(request.ParentLineageId, ct))
            .FirstOrDefault(e => e.Kind == request.Kind && e.Ordinal == request.Ordinal);
        if (existing is not null)
        {
            return existing.State switch
            {
                LineageStates.Sent or LineageStates.Acknowledged => new OutboundResult(existing.Id, true, AlreadySent: true),
                LineageStates.Queued when existing.DocumentSha256 is { } sha => await TransmitAsync(request.Partner, existing.Id, sha, request.Flow, ct),
                _ => new OutboundResult(existing.Id, false, AlreadySent: false),
            };
        }

        var bytes = x12();
        var errors = Validate(request.Partner, bytes);
        var envelope = OutboundEnvelope.Read(bytes);
        var stored = await documents.StoreAsync(new MemoryStream(bytes), new DocumentInfo("application/edi-x12", $"{request.Flow}.edi"), ct);
        var now = clock.GetUtcNow();
        var (id, created) = await lineage.AddStepAsync(new LineageEntry
        {
            ParentId = request.ParentLineageId,
            Ordinal = request.Ordinal,
            Kind = request.Kind,
            Direction = Direction.Outbound,
            PartnerId = request.Partner.Id,
            Flow = request.Flow,
            DocumentType = request.SetId,
            DocumentSha256 = stored.Sha256,
            State = errors.Count == 0 ? LineageStates.Queued : LineageStates.Rejected,
            Error = errors.Count == 0 ? null : errors[0].Message,
            PurchaseOrderNumber = request.PurchaseOrderNumber,
            InterchangeControlNumber = envelope.InterchangeControlNumber,
            GroupControlNumber = envelope.GroupControlNumber,
            TransactionSetControlNumber = envelope.SetControlNumber,
            ReceiverQualifier = envelope.ReceiverQualifier,
            ReceiverId = envelope.ReceiverId,
            DueAt = envelope.FunctionalId is null or "FA" || !request.Partner.Sla.TryGetValue("functionalAcknowledgementHours", out var hours)
                ? null
                : now.AddHours((double)hours),
            CreatedAt = now,
            UpdatedAt = now,
        }, null, ct);
        if (!created)
        {
            return await SendAsync(request, x12, ct);
        }

        if (errors.Count > 0)
        {
            var first = errors[0];
            await exceptions.RaiseAsync(new ExceptionEntry
            {
                Queue = "ops",
                PartnerId = request.Partner.Id,
                Flow = request.Flow,
                ReasonCode = $"outbound.invalid.{first.Code}",
                Message = $"Outbound {request.SetId} to {request.Partner.Name} was not sent: it fails the partner's guide. {first.Message}" +
                          (errors.Count > 1 ? $" (and {errors.Count - 1} more)" : string.Empty),
                Severity = Severity.Error,
                SegmentOrdinal = first.Position.SegmentInSet,
                SegmentId = first.Position.SegmentId,
                ElementPosition = first.Position.ElementPosition,
                ComponentPosition = first.Position.ComponentPosition,
                LineageEntryId = id,
                DocumentSha256 = stored.Sha256,
                DetailJson = JsonSerializer.Serialize(new { errors = errors.Select(e => e.ToString()) }),
                DeduplicationKey = $"outbound-invalid:{id}",
                CreatedAt = now,
                UpdatedAt = now,
            }, ct);
            LogRefused(logger, request.Partner.Id, request.SetId, id, errors.Count);
            return new OutboundResult(id, false, AlreadySent: false);
        }

        return await TransmitAsync(request.Partner, id, stored.Sha256, request.Flow, ct);
    }

    /// <summary>Sends a queued outbound document again from its stored bytes (after a restart).</summary>
    public async Task<OutboundResult> TransmitAsync(PartnerProfile partner, long lineageId, string sha256, string flow, CancellationToken ct)
    {
        await using (var content = documents.OpenRead(sha256))
        {
            await transports.SendAsync(partner, $"{flow}-{lineageId}.edi", content, ct);
        }

        await lineage.SetStateAsync(lineageId, LineageStates.Sent, null, ct);
        return new OutboundResult(lineageId, true, AlreadySent: false);
    }

    private List<X12Error> Validate(PartnerProfile partner, byte[] bytes)
    {
        var processor = new X12Processor(specs.Library, new X12ValidationOptions
        {
            GuideSelector = set => PartnerDirectory.GuideFor(partner, set.SetId),
        });
        var report = processor.Validate(new MemoryStream(bytes));
        return [.. report.AllErrors.Where(e => e.Severity == X12Severity.Error)];
    }

    [LoggerMessage(EventId = 310, Level = LogLevel.Warning, Message = "Outbound {SetId} for {PartnerId} refused by validation (lineage {LineageId}, {ErrorCount} errors)")]
    private static partial void LogRefused(ILogger logger, string partnerId, string setId, long lineageId, int errorCount);
}

/// <summary>The envelope of an outbound document, recorded so the partner's 997 can be matched to it.</summary>
internal sealed record OutboundEnvelope(string? InterchangeControlNumber, string? ReceiverQualifier, string? ReceiverId, string? FunctionalId, string? GroupControlNumber, string? SetControlNumber)
{
    public static OutboundEnvelope Read(byte[] bytes)
    {
        string? isa13 = null, rq = null, rid = null, fid = null, gs06 = null;
        foreach (var item in Edi.Reading.X12Reader.Read(bytes))
        {
            switch (item)
            {
                case Edi.Reading.X12InterchangeStarted i:
                    (isa13, rq, rid) = (i.Header.ControlNumber, i.Header.ReceiverQualifier, i.Header.ReceiverId);
                    break;
                case Edi.Reading.X12GroupStarted g:
                    (fid, gs06) = (g.Header.FunctionalId, g.Header.ControlNumber);
                    break;
                case Edi.Reading.X12SetRead s:
                    return new OutboundEnvelope(isa13, rq, rid, fid, gs06, s.Set.ControlNumber);
            }
        }

        return new OutboundEnvelope(isa13, rq, rid, fid, gs06, null);
    }
}

/// <summary>One outbound document to send: for which partner and flow, under which lineage step.</summary>
public sealed record OutboundRequest(PartnerProfile Partner, string Flow, string SetId, long ParentLineageId, int Ordinal, LineageKind Kind, string? PurchaseOrderNumber = null);

/// <summary>The lineage row of an outbound document and whether it has been handed to the transport.</summary>
public sealed record OutboundResult(long LineageId, bool Sent, bool AlreadySent);
