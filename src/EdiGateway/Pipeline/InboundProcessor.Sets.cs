using System.Text.Json;
using EdiGateway.Edi.Errors;
using EdiGateway.Edi.Reading;
using EdiGateway.Partners;
using EdiGateway.Storage;
using EdiGateway.Storage.Entities;

namespace EdiGateway.Pipeline;

public sealed partial class InboundProcessor
{
    private const int SetBatch = 500;

    /// <summary>Validates a set and queues its record; records are written in batches (<see cref="FlushSetsAsync"/>).</summary>
    private async Task SetAsync(Run run, InterchangeContext ic, X12RawSet set, CancellationToken ct)
    {
        var partner = ic.Partner!;
        var result = validator.Value.Validate(set);
        ic.Sets?.Add(result);
        var facts = SetFacts.Read(set);
        var flow = FlowCatalog.InboundFlow(partner.Kind, set.SetId);
        var enabled = flow is not null && partner.Flows.Any(f => f.Flow == flow && f.Enabled);
        var now = clock.GetUtcNow();
        var entry = new LineageEntry
        {
            ParentId = ic.LineageId,
            Ordinal = ++ic.SetOrdinal,
            Kind = LineageKind.TransactionSet,
            Direction = Direction.Inbound,
            PartnerId = partner.Id,
            Flow = flow,
            DocumentType = set.SetId,
            State = !result.IsValid ? LineageStates.Rejected : enabled ? LineageStates.Accepted : LineageStates.Unroutable,
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
            Error = result.Errors.FirstOrDefault(e => e.Severity == X12Severity.Error)?.Message,
            CreatedAt = now,
            UpdatedAt = now,
        };
        ic.Pending.Add(new PendingSet(entry, SetDocument.Build(set), set.SetId, set.ControlNumber, result.Errors, facts, flow));
        if (ic.Pending.Count >= SetBatch)
        {
            await FlushSetsAsync(run, ic, ct);
        }
    }

    /// <summary>Writes the queued set records: documents and lineage rows in one round trip each, then what each outcome needs.</summary>
    private async Task FlushSetsAsync(Run run, InterchangeContext ic, CancellationToken ct)
    {
        if (ic.Pending.Count == 0)
        {
            return;
        }

        var partner = ic.Partner!;
        var pending = ic.Pending.ToList();
        ic.Pending.Clear();
        var stored = await documents.StoreDerivedAsync(
            [.. pending.Select(p => (p.Bytes, new DocumentInfo("application/edi-x12", $"{p.SetId}-{p.ControlNumber}.edi", Derived: true)))], ct);
        for (var i = 0; i < pending.Count; i++)
        {
            pending[i].Entry.DocumentSha256 = stored[i].Sha256;
        }

        var rows = await lineage.AddStepsAsync(ic.LineageId, LineageKind.TransactionSet, [.. pending.Select(p => p.Entry)], ct);
        for (var i = 0; i < pending.Count; i++)
        {
            var p = pending[i];
            var (id, state, _) = rows[i];
            var sha = stored[i].Sha256;
            switch (state)
            {
                case LineageStates.Rejected:
                    run.Rejected++;
                    await RaiseSetRejectedAsync(partner, p.Flow, p.SetId, p.ControlNumber, p.Errors, p.Facts, id, sha, ct);
                    break;
                case LineageStates.Unroutable:
                    await exceptions.RaiseAsync(NewEntry(partner.Id, p.Flow, "flow.not-enabled",
                        $"{partner.Name} sent a {p.SetId} (ST02 {p.ControlNumber}) but {(p.Flow is null ? "no flow handles that set from a " + partner.Kind + " partner" : $"flow {p.Flow} is not enabled in its profile")}; it was acknowledged but not processed.",
                        Severity.Error, id, sha, $"unroutable:{id}", e => e.ValueAtRisk = p.Facts.Amount), ct);
                    break;
                case LineageStates.Accepted:
                    run.Accepted++;
                    ic.Accepted.Add(new TransactionSetAccepted(partner.Id, p.Flow!, p.SetId, id, sha));
                    break;
                default:
                    run.Accepted++;
                    break;
            }
        }
    }

    /// <summary>A validated set waiting to be written.</summary>
    private sealed record PendingSet(LineageEntry Entry, byte[] Bytes, string SetId, string ControlNumber, IReadOnlyList<X12Error> Errors, SetFacts Facts, string? Flow);

    private async Task RaiseSetRejectedAsync(PartnerProfile partner, string? flow, string setId, string controlNumber, IReadOnlyList<X12Error> errors, SetFacts facts, long lineageId, string sha, CancellationToken ct)
    {
        var real = errors.Where(e => e.Severity == X12Severity.Error).ToList();
        var first = real[0];
        var what = facts.PurchaseOrder is { } po ? $"{setId} for PO {po}" : $"{setId} (ST02 {controlNumber})";
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
            SlaDeadline = DueAt(partner, setId, clock.GetUtcNow()),
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
