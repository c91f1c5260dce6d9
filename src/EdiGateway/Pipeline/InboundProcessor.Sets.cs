using System.Text.Json;
using EdiGateway.Edi.Errors;
using EdiGateway.Edi.Reading;
using EdiGateway.Partners;
using EdiGateway.Storage;
using EdiGateway.Storage.Entities;

namespace EdiGateway.Pipeline;

public sealed partial class InboundProcessor
{
    private async Task SetAsync(Run run, InterchangeContext ic, X12RawSet set, CancellationToken ct)
    {
        var partner = ic.Partner!;
        var result = validator.Value.Validate(set);
        ic.Sets?.Add(result);
        var ordinal = ++ic.SetOrdinal;
        var facts = SetFacts.Read(set);
        var flow = FlowCatalog.InboundFlow(partner.Kind, set.SetId);
        var enabled = flow is not null && partner.Flows.Any(f => f.Flow == flow && f.Enabled);
        var setBytes = SetDocument.Build(set);
        var stored = await documents.StoreAsync(new MemoryStream(setBytes), new DocumentInfo("application/edi-x12", $"{set.SetId}-{set.ControlNumber}.edi"), ct);
        var now = clock.GetUtcNow();
        var state = !result.IsValid ? LineageStates.Rejected : enabled ? LineageStates.Accepted : LineageStates.Unroutable;
        var firstError = result.Errors.FirstOrDefault(e => e.Severity == X12Severity.Error);
        var (id, created) = await lineage.AddStepAsync(new LineageEntry
        {
            ParentId = ic.LineageId,
            Ordinal = ordinal,
            Kind = LineageKind.TransactionSet,
            Direction = Direction.Inbound,
            PartnerId = partner.Id,
            Flow = flow,
            DocumentType = set.SetId,
            DocumentSha256 = stored.Sha256,
            State = state,
            InterchangeControlNumber = set.Interchange.ControlNumber,
            GroupControlNumber = set.Group.ControlNumber,
            TransactionSetControlNumber = set.ControlNumber,
            PurchaseOrderNumber = facts.PurchaseOrder,
            InvoiceNumber = facts.Invoice,
            ShipmentId = facts.Shipment,
            BillOfLading = facts.BillOfLading,
            Amount = facts.Amount,
            Currency = partner.Settings.GetValueOrDefault("currency", "GBP"),
            DueAt = DueAt(partner, set.SetId, now),
            Error = firstError?.Message,
            CreatedAt = now,
            UpdatedAt = now,
        }, null, ct);

        var current = created ? state : (await lineage.GetAsync(id, ct))!.State;
        if (current == LineageStates.Rejected)
        {
            run.Rejected++;
            await RaiseSetRejectedAsync(partner, flow, set, result.Errors, facts, id, stored.Sha256, ct);
        }
        else if (current == LineageStates.Unroutable)
        {
            await exceptions.RaiseAsync(NewEntry(partner.Id, flow, "flow.not-enabled",
                $"{partner.Name} sent a {set.SetId} (ST02 {set.ControlNumber}) but {(flow is null ? "no flow handles that set from a " + partner.Kind + " partner" : $"flow {flow} is not enabled in its profile")}; it was acknowledged but not processed.",
                Severity.Error, id, stored.Sha256, $"unroutable:{id}", e => e.ValueAtRisk = facts.Amount), ct);
        }
        else
        {
            run.Accepted++;
            if (current == LineageStates.Accepted)
            {
                ic.Accepted.Add(new TransactionSetAccepted(partner.Id, flow!, set.SetId, id, stored.Sha256));
            }
        }
    }

    private async Task RaiseSetRejectedAsync(PartnerProfile partner, string? flow, X12RawSet set, IReadOnlyList<X12Error> errors, SetFacts facts, long lineageId, string sha, CancellationToken ct)
    {
        var real = errors.Where(e => e.Severity == X12Severity.Error).ToList();
        var first = real[0];
        var what = facts.PurchaseOrder is { } po ? $"{set.SetId} for PO {po}" : $"{set.SetId} (ST02 {set.ControlNumber})";
        var message = $"{what} from {partner.Name} was rejected: {first.Message}" + (real.Count > 1 ? $" (and {real.Count - 1} more error(s))" : string.Empty);
        await exceptions.RaiseAsync(new ExceptionEntry
        {
            Queue = "ops",
            PartnerId = partner.Id,
            Flow = flow,
            ReasonCode = $"x12.{first.Code}",
            Message = message,
            Severity = facts.Amount is > 0 ? Severity.Critical : Severity.Error,
            SegmentOrdinal = first.Position.SegmentInSet,
            SegmentId = first.Position.SegmentId,
            ElementPosition = first.Position.ElementPosition,
            ComponentPosition = first.Position.ComponentPosition,
            ValueAtRisk = facts.Amount,
            Currency = partner.Settings.GetValueOrDefault("currency", "GBP"),
            SlaDeadline = DueAt(partner, set.SetId, clock.GetUtcNow()),
            LineageEntryId = lineageId,
            DocumentSha256 = sha,
            DetailJson = JsonSerializer.Serialize(new { errors = errors.Select(ErrorView.From) }),
            DeduplicationKey = $"set-rejected:{lineageId}",
            CreatedAt = default,
            UpdatedAt = default,
        }, ct);
    }

    private async Task RaiseEnvelopeErrorsAsync(InterchangeContext ic, IEnumerable<X12Error> errors, string level, CancellationToken ct)
    {
        var list = errors.ToList();
        if (level == "interchange")
        {
            ic.InterchangeErrors.AddRange(list.Where(e => !ic.InterchangeErrors.Contains(e)));
        }

        foreach (var (error, index) in list.Select((e, i) => (e, i)))
        {
            await RaiseAsync(ic.Partner?.Id, null, ic.LineageId, null, error, error.Severity == X12Severity.Error ? Severity.Error : Severity.Warning,
                $"Interchange {ic.Header.ControlNumber} from {ic.Partner?.Name ?? PartnerDirectory.Describe(ic.Header)}: {error.Message}",
                $"envelope:{ic.LineageId}:{level}:{error.Code}:{error.Position.GroupControlNumber}:{index}", ct);
        }
    }

    private Task<long> RaiseAsync(string? partnerId, string? flow, long lineageId, string? sha, X12Error error, Severity severity, string message, string dedup, CancellationToken ct) =>
        exceptions.RaiseAsync(NewEntry(partnerId, flow, $"x12.{error.Code}", message, severity, lineageId, sha, dedup, e =>
        {
            e.SegmentId = error.Position.SegmentId;
            e.ElementPosition = error.Position.ElementPosition;
            e.DetailJson = JsonSerializer.Serialize(new { errors = new[] { ErrorView.From(error) } });
        }), ct);

    private static ExceptionEntry NewEntry(string? partnerId, string? flow, string reason, string message, Severity severity, long? lineageId, string? sha, string dedup, Action<ExceptionEntry>? change = null)
    {
        var entry = NewEntry(partnerId, flow, reason, message, severity, lineageId, sha, dedup);
        change?.Invoke(entry);
        return entry;
    }

    private static ExceptionEntry NewEntry(string? partnerId, string? flow, string reason, string message, Severity severity, long? lineageId, string? sha, string dedup) => new()
    {
        Queue = "ops",
        PartnerId = partnerId,
        Flow = flow,
        ReasonCode = reason,
        Message = message,
        Severity = severity,
        LineageEntryId = lineageId,
        DocumentSha256 = sha,
        DeduplicationKey = dedup,
        CreatedAt = default,
        UpdatedAt = default,
    };

    /// <summary>When the partner expects our answer: an 850 wants its 855 within the profile's window.</summary>
    private static DateTimeOffset? DueAt(PartnerProfile partner, string setId, DateTimeOffset now) => setId switch
    {
        "850" when partner.Sla.TryGetValue("poAcknowledgementHours", out var hours) => now.AddHours((double)hours),
        _ => null,
    };

    /// <summary>An X12 error as the queue stores it: position, codes, message.</summary>
    private sealed record ErrorView(string Level, string Severity, string Code, string Message, int? SegmentInSet, long? SegmentInFile, string? SegmentId,
        int? Element, int? Component, int? Repetition, string? Ak3Code, string? Ak4Code, string? SetCode, string? BadData)
    {
        public static ErrorView From(X12Error e) => new(
            e.Level.ToString(), e.Severity.ToString(), e.Code, e.Message, e.Position.SegmentInSet, e.Position.SegmentInFile, e.Position.SegmentId,
            e.Position.ElementPosition, e.Position.ComponentPosition, e.Position.RepetitionPosition, e.Ack.SegmentCode997, e.Ack.ElementCode997, e.Ack.SetCode, e.BadData);
    }
}
