using EdiGateway.Edi.Acks;
using EdiGateway.Edi.Errors;
using EdiGateway.Edi.Processing;
using EdiGateway.Edi.Reading;
using EdiGateway.Edi.Validation;
using EdiGateway.Edi.Writing;
using EdiGateway.Partners;
using EdiGateway.Storage;
using EdiGateway.Storage.Entities;

namespace EdiGateway.Pipeline;

/// <summary>
/// Turns one stored inbound document into lineage, acknowledgements, queue entries and routed sets:
/// envelope read -> partner identified by ISA/GS -> duplicate check -> each set validated against the
/// partner's guide and recorded -> 997/999 (and TA1) sent back -> accepted sets handed on. Every step is a
/// numbered lineage row written once, so running it again after a crash resumes and does nothing twice.
/// </summary>
public sealed partial class InboundProcessor(
    EdiSpecs specs,
    PartnerDirectory directory,
    PartnerCatalog catalog,
    IDocumentStore documents,
    InterchangeRegistry registry,
    LineageLog lineage,
    ExceptionQueue exceptions,
    OutboundGate outbound,
    ControlNumberAllocator controlNumbers,
    TimeProvider clock,
    ILogger<InboundProcessor> logger)
{
    private readonly Lazy<X12Validator> validator = new(() => new X12Validator(specs.Library, new X12ValidationOptions
    {
        GuideSelector = set => directory.Identify(set.Interchange) is { } partner ? PartnerDirectory.GuideFor(partner, set.SetId) : null,
    }));

    public async Task<InboundProcessed> ProcessAsync(InboundStored input, CancellationToken ct)
    {
        var run = new Run(input);
        await using (var stream = documents.OpenRead(input.DocumentSha256))
        {
            foreach (var item in X12Reader.Read(stream))
            {
                ct.ThrowIfCancellationRequested();
                switch (item)
                {
                    case X12InterchangeStarted started:
                        await StartInterchangeAsync(run, started, ct);
                        break;
                    case X12GroupStarted group when run.Current is { Skip: false } ic:
                        ic.GroupErrors = [.. group.Errors];
                        ic.Sets = [];
                        break;
                    case X12SetRead read when run.Current is { Skip: false } ic:
                        await SetAsync(run, ic, read.Set, ct);
                        break;
                    case X12GroupEnded ended when run.Current is { Skip: false } ic:
                        await FlushSetsAsync(run, ic, ct);
                        ic.Groups.Add(new X12GroupResult(ended.Header, ended.DeclaredSets, [.. ic.Sets ?? []], [.. (ic.GroupErrors ?? []).Concat(ended.Errors)]));
                        await RaiseEnvelopeErrorsAsync(ic, [.. (ic.GroupErrors ?? []).Concat(ended.Errors)], "group", ct);
                        ic.Sets = null;
                        break;
                    case X12InterchangeEnded ended when run.Current is { } ic:
                        if (!ic.Skip)
                        {
                            await FlushSetsAsync(run, ic, ct);
                            await EndInterchangeAsync(run, ic, ended, ct);
                        }

                        run.Current = null;
                        break;
                    case X12StrayData stray:
                        await RaiseAsync(input.ChannelPartnerId, null, input.TransportLineageId, input.DocumentSha256, stray.Error, Severity.Error,
                            $"{Origin(input)}: {stray.Error.Message}", $"stray:{input.TransportLineageId}:{stray.Error.Position.ByteOffset}", ct);
                        break;
                }
            }
        }

        if (run.InterchangeCount == 0)
        {
            await exceptions.RaiseAsync(NewEntry(input.ChannelPartnerId, null, "x12.no-interchange",
                $"{Origin(input)} holds no X12 interchange (no ISA segment found); nothing was processed.", Severity.Error,
                input.TransportLineageId, input.DocumentSha256, $"no-interchange:{input.TransportLineageId}"), ct);
        }

        await lineage.SetStateAsync(input.TransportLineageId, LineageStates.Processed, null, ct);
        LogProcessed(logger, input.TransportLineageId, run.InterchangeCount, run.Accepted, run.Rejected, run.Routed.Count);
        return new InboundProcessed(input.TransportLineageId, run.InterchangeCount, run.Accepted, run.Rejected, run.Duplicates, run.AcksSent, run.Routed);
    }

    private async Task StartInterchangeAsync(Run run, X12InterchangeStarted started, CancellationToken ct)
    {
        var isa = started.Header;
        run.InterchangeCount++;
        var partner = directory.Identify(isa);
        var ic = new InterchangeContext(isa, partner);
        run.Current = ic;
        var key = InterchangeEnvelopeKey.FromIsa(isa.SenderQualifier, isa.SenderId, isa.ReceiverQualifier, isa.ReceiverId, isa.ControlNumber);
        var registration = await registry.RegisterAsync(key, run.Input.DocumentSha256, partner?.Id, ct, run.Input.TransportLineageId, isa.Index);
        if (registration.IsDuplicate && registration.LineageEntryId == run.Input.ReplacesInterchangeId)
        {
            registration = await ReplaceAsync(run, isa, partner, registration.LineageEntryId, ct);
        }

        if (registration.IsDuplicate)
        {
            ic.Skip = true;
            run.Duplicates++;
            var duplicate = InterchangeStep(run, isa, partner, LineageStates.Duplicate);
            duplicate.Error = $"duplicate of lineage {registration.LineageEntryId}";
            var (dupId, _) = await lineage.AddStepAsync(duplicate, null, ct);
            var original = await lineage.GetAsync(registration.LineageEntryId, ct);
            await exceptions.RaiseAsync(NewEntry(partner?.Id, null, "x12.duplicate-interchange",
                $"{Origin(run.Input)}: interchange {isa.ControlNumber} from {isa.SenderQualifier}/{isa.SenderId} was already received " +
                $"on {original?.CreatedAt:yyyy-MM-dd HH:mm} UTC (lineage {registration.LineageEntryId}); it was not processed again.",
                Severity.Warning, dupId, run.Input.DocumentSha256, $"duplicate:{dupId}"), ct);
            return;
        }

        ic.LineageId = registration.LineageEntryId;
        if (registration.IsResumed && partner is not null)
        {
            await lineage.SetPartnerAsync(ic.LineageId, partner.Id, ct);
        }

        if (partner is null)
        {
            ic.Skip = true;
            await lineage.SetStateAsync(ic.LineageId, LineageStates.Rejected, "unknown partner", ct);
            await exceptions.RaiseAsync(NewEntry(null, null, "partner.unknown",
                $"{Origin(run.Input)}: no partner profile matches {PartnerDirectory.Describe(isa)}. Add or correct the partner's identifiers, then resubmit.",
                Severity.Error, ic.LineageId, run.Input.DocumentSha256, $"unknown-partner:{ic.LineageId}", e => e.Queue = "onboarding"), ct);
            return;
        }

        if (!string.Equals(partner.Id, run.Input.ChannelPartnerId, StringComparison.Ordinal) && catalog.Current?.Partners.ContainsKey(run.Input.ChannelPartnerId) == true)
        {
            ic.Skip = true;
            await lineage.SetStateAsync(ic.LineageId, LineageStates.Rejected, "wrong channel", ct);
            await exceptions.RaiseAsync(NewEntry(run.Input.ChannelPartnerId, null, "partner.wrong-channel",
                $"{Origin(run.Input)}: the envelope identifies partner {partner.Id} ({PartnerDirectory.Describe(isa)}) but it arrived on {run.Input.ChannelPartnerId}'s channel; not processed.",
                Severity.Critical, ic.LineageId, run.Input.DocumentSha256, $"wrong-channel:{ic.LineageId}"), ct);
            return;
        }

        await RaiseEnvelopeErrorsAsync(ic, started.Errors, "interchange", ct);
    }

    /// <summary>An edited copy of a rejected interchange: recorded as a new interchange under the new transport message; the original is marked replaced.</summary>
    private async Task<Storage.InterchangeRegistration> ReplaceAsync(Run run, X12InterchangeHeader isa, PartnerProfile? partner, long originalId, CancellationToken ct)
    {
        var (id, _) = await lineage.AddStepAsync(InterchangeStep(run, isa, partner, LineageStates.Received),
            new Dictionary<string, string> { ["replaces"] = originalId.ToString(System.Globalization.CultureInfo.InvariantCulture) }, ct);
        await lineage.SetStateAsync(originalId, LineageStates.Replaced, $"replaced by lineage {id}", ct);
        return new Storage.InterchangeRegistration(id, IsDuplicate: false, OriginalDocumentSha256: run.Input.DocumentSha256, IsResumed: true);
    }

    /// <summary>An interchange row numbered under its transport message (for arrivals the registry did not record).</summary>
    private LineageEntry InterchangeStep(Run run, X12InterchangeHeader isa, PartnerProfile? partner, string state) => new()
    {
        ParentId = run.Input.TransportLineageId,
        Ordinal = isa.Index,
        Kind = LineageKind.Interchange,
        Direction = Direction.Inbound,
        PartnerId = partner?.Id,
        State = state,
        DocumentSha256 = run.Input.DocumentSha256,
        SenderQualifier = isa.SenderQualifier,
        SenderId = isa.SenderId,
        ReceiverQualifier = isa.ReceiverQualifier,
        ReceiverId = isa.ReceiverId,
        InterchangeControlNumber = isa.ControlNumber,
        CreatedAt = clock.GetUtcNow(),
        UpdatedAt = clock.GetUtcNow(),
    };

    private async Task EndInterchangeAsync(Run run, InterchangeContext ic, X12InterchangeEnded ended, CancellationToken ct)
    {
        var result = new X12InterchangeResult(ic.Header, [.. ic.Groups], [.. ic.InterchangeErrors.Concat(ended.Errors)], ended.DeclaredGroups);
        await RaiseEnvelopeErrorsAsync(ic, ended.Errors, "interchange", ct);
        var partner = ic.Partner!;

        // Acknowledge every group except acknowledgements themselves (FA groups are never acknowledged).
        var toAck = result with { Groups = [.. result.Groups.Where(g => g.Header.FunctionalId != "FA")] };
        if (toAck.Groups.Length > 0 || toAck.IsRejected || ic.Header.AckRequested == "1")
        {
            var ackFlow = partner.Kind == "warehouse-3pl" ? "warehouse-997" : "amazon-997";
            var sent = await outbound.SendAsync(
                new OutboundRequest(partner, ackFlow, toAck.Groups.Any(g => g.Header.BaseVersion.CompareTo("005010") >= 0) ? "999" : "997", ic.LineageId, 1, LineageKind.Acknowledgement),
                () => BuildAck(partner, toAck),
                ct);
            if (sent.Sent && !sent.AlreadySent)
            {
                run.AcksSent++;
            }
        }

        run.Routed.AddRange(ic.Accepted);
        await lineage.SetStateAsync(ic.LineageId, result.IsRejected ? LineageStates.Rejected : LineageStates.Processed, result.IsRejected ? "interchange envelope rejected" : null, ct);
    }

    private byte[] BuildAck(PartnerProfile partner, X12InterchangeResult result)
    {
        var builder = new X12AckBuilder(clock, new StoreControlNumbers(controlNumbers, partner.Id));
        var ack = builder.Build(result);
        return ack is null ? [] : System.Text.Encoding.UTF8.GetBytes(X12Writer.ToText(ack));
    }

    private static string Origin(InboundStored input) =>
        input.FileName is { Length: > 0 } name ? $"File '{name}'" : $"Transport message {input.TransportLineageId}";

    [LoggerMessage(EventId = 300, Level = LogLevel.Information,
        Message = "Inbound {TransportLineageId}: {Interchanges} interchange(s), {Accepted} set(s) accepted, {Rejected} rejected, {Routed} routed")]
    private static partial void LogProcessed(ILogger logger, long transportLineageId, int interchanges, int accepted, int rejected, int routed);

    private sealed class Run(InboundStored input)
    {
        public InboundStored Input { get; } = input;

        public InterchangeContext? Current { get; set; }

        public int InterchangeCount { get; set; }

        public int Accepted { get; set; }

        public int Rejected { get; set; }

        public int Duplicates { get; set; }

        public int AcksSent { get; set; }

        public List<TransactionSetAccepted> Routed { get; } = [];
    }

    private sealed class InterchangeContext(X12InterchangeHeader header, PartnerProfile? partner)
    {
        public X12InterchangeHeader Header { get; } = header;

        public PartnerProfile? Partner { get; } = partner;

        public long LineageId { get; set; }

        public bool Skip { get; set; }

        public int SetOrdinal { get; set; }

        public List<X12Error> InterchangeErrors { get; } = [];

        public List<X12Error>? GroupErrors { get; set; }

        public List<X12SetResult>? Sets { get; set; }

        public List<X12GroupResult> Groups { get; } = [];

        public List<TransactionSetAccepted> Accepted { get; } = [];

        public List<PendingSet> Pending { get; } = [];
    }
}
