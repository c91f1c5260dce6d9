using EdiGateway.Edi.Reading;
using EdiGateway.Edi.Validation;
using EdiGateway.Partners;
using EdiGateway.Storage;
using EdiGateway.Storage.Entities;

namespace EdiGateway.Pipeline;

/// <summary>
/// What a person can do to a queue entry beyond dismissing it: resubmit (after fixing a profile, guide or
/// cross-reference, run the failed step again) and replace (process an edited copy of the document, keeping
/// the original). Both are audited state changes; a step that is still wrong says why and changes nothing.
/// </summary>
public sealed class ExceptionActions(
    ExceptionQueue queue,
    LineageLog lineage,
    IDocumentStore documents,
    EdiSpecs specs,
    PartnerCatalog catalog,
    PipelineService pipeline,
    TimeProvider clock)
{
    public async Task<ActionOutcome> ResubmitAsync(long id, string actor, string? idempotencyKey, CancellationToken ct)
    {
        var entry = await queue.GetAsync(id, ct);
        if (entry is null)
        {
            return ActionOutcome.NotFound;
        }

        if (entry.State != ExceptionState.Open)
        {
            return entry.State == ExceptionState.Resubmitted ? new ActionOutcome(ActionStatus.Done, entry, null) : new ActionOutcome(ActionStatus.Closed, entry, $"entry {id} is {entry.State.ToString().ToLowerInvariant()}");
        }

        var target = entry.LineageEntryId is { } lid ? await lineage.GetAsync(lid, ct) : null;
        if (target is null)
        {
            return new ActionOutcome(ActionStatus.NotApplicable, entry, "the entry is not linked to a document step that could run again");
        }

        object? work = (entry.ReasonCode, target.Kind) switch
        {
            (_, LineageKind.TransactionSet) when target.State is LineageStates.Rejected or LineageStates.Unroutable => await RevalidateSetAsync(target, ct),
            (_, LineageKind.TransactionSet) when target.State is LineageStates.Queued && entry.Queue == "finance" => await RevalidateSetAsync(target, ct),
            ("partner.unknown" or "partner.wrong-channel", LineageKind.Interchange) => await ReprocessParentAsync(target, ct),
            ("pipeline.processing-failed", LineageKind.TransportMessage) => Stored(target),
            _ => null,
        };
        switch (work)
        {
            case null:
                return new ActionOutcome(ActionStatus.NotApplicable, entry, $"an entry of kind '{entry.ReasonCode}' on a {target.Kind} cannot be run again; replace or dismiss it");
            case string stillWrong:
                return new ActionOutcome(ActionStatus.StillFailing, entry, stillWrong);
        }

        var transition = await queue.TransitionAsync(id, ExceptionState.Resubmitted, actor, "resubmitted", idempotencyKey, ct);
        if (transition.Outcome == ExceptionTransitionOutcome.Done && !pipeline.Submit(work))
        {
            return new ActionOutcome(ActionStatus.NotApplicable, transition.Entry, "the pipeline is not running on this node; the work resumes when it starts");
        }

        return new ActionOutcome(ActionStatus.Done, transition.Entry, null);
    }

    /// <summary>Processes an edited copy of the entry's document as a new delivery on the same partner's channel; the original stays stored.</summary>
    public async Task<ActionOutcome> ReplaceAsync(long id, string actor, string? idempotencyKey, byte[] content, CancellationToken ct)
    {
        var entry = await queue.GetAsync(id, ct);
        if (entry is null)
        {
            return ActionOutcome.NotFound;
        }

        if (entry.State != ExceptionState.Open)
        {
            return new ActionOutcome(entry.State == ExceptionState.Resubmitted ? ActionStatus.Done : ActionStatus.Closed, entry, null);
        }

        var target = entry.LineageEntryId is { } lid ? await lineage.GetAsync(lid, ct) : null;
        var interchange = target;
        while (interchange is not null && interchange.Kind != LineageKind.Interchange && interchange.ParentId is { } parent)
        {
            interchange = await lineage.GetAsync(parent, ct);
        }

        var partnerId = entry.PartnerId ?? interchange?.PartnerId;
        if (interchange?.Kind != LineageKind.Interchange || partnerId is null)
        {
            return new ActionOutcome(ActionStatus.NotApplicable, entry, "only a received interchange (or one of its sets) can be replaced");
        }

        var stored = await documents.StoreAsync(new MemoryStream(content), new DocumentInfo("application/edi-x12", $"replacement-of-{id}.edi"), ct);
        var now = clock.GetUtcNow();
        var transport = await lineage.AddAsync(new LineageEntry
        {
            Kind = LineageKind.TransportMessage,
            Direction = Direction.Inbound,
            PartnerId = partnerId,
            State = LineageStates.Stored,
            DocumentSha256 = stored.Sha256,
            DocumentType = "replacement",
            CreatedAt = now,
            UpdatedAt = now,
        }, new Dictionary<string, string> { ["replaces-exception"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, ct);
        var transition = await queue.TransitionAsync(id, ExceptionState.Resubmitted, actor, $"replaced by document {stored.Sha256}", idempotencyKey, ct);
        pipeline.Submit(new InboundStored(transport, stored.Sha256, partnerId, $"replacement-of-{id}.edi", interchange.Id));
        return new ActionOutcome(ActionStatus.Done, transition.Entry, null);
    }

    /// <summary>Checks the set again with today's specs and profile; returns the set to route, or why it still fails.</summary>
    private async Task<object> RevalidateSetAsync(LineageEntry set, CancellationToken ct)
    {
        var partner = set.PartnerId is { } p ? catalog.Current?.Partners.GetValueOrDefault(p) : null;
        if (partner is null || set.DocumentSha256 is null)
        {
            return $"partner '{set.PartnerId}' has no profile in force";
        }

        var flow = FlowCatalog.InboundFlow(partner.Kind, set.DocumentType ?? "");
        if (flow is null || !partner.Flows.Any(f => f.Flow == flow && f.Enabled))
        {
            return $"flow {flow ?? "(none)"} for a {set.DocumentType} is not enabled in {partner.Id}'s profile";
        }

        var validator = new X12Validator(specs.Library, new X12ValidationOptions { GuideSelector = s => PartnerDirectory.GuideFor(partner, s.SetId) });
        await using (var stream = documents.OpenRead(set.DocumentSha256))
        {
            foreach (var item in X12Reader.Read(stream))
            {
                if (item is X12SetRead read && validator.Validate(read.Set) is { IsValid: false } result)
                {
                    return $"still invalid: {result.Errors.First(e => e.Severity == Edi.Errors.X12Severity.Error).Message}";
                }
            }
        }

        await lineage.SetStateAsync(set.Id, LineageStates.Accepted, null, ct);
        return new TransactionSetAccepted(partner.Id, flow, set.DocumentType!, set.Id, set.DocumentSha256);
    }

    private async Task<object?> ReprocessParentAsync(LineageEntry interchange, CancellationToken ct)
    {
        var parent = interchange.ParentId is { } id ? await lineage.GetAsync(id, ct) : null;
        if (parent?.Kind != LineageKind.TransportMessage)
        {
            return null;
        }

        await lineage.SetStateAsync(parent.Id, LineageStates.Stored, null, ct);
        return Stored(parent);
    }

    private static InboundStored? Stored(LineageEntry transport) =>
        transport.PartnerId is { } partner && transport.DocumentSha256 is { } sha ? new InboundStored(transport.Id, sha, partner, null) : null;
}

/// <summary>How a resubmit or replace went.</summary>
public enum ActionStatus
{
    Done,
    NotFound,
    NotApplicable,
    StillFailing,
    Closed,
}

/// <summary>The outcome, the entry as it stands, and the reason when nothing was done.</summary>
public sealed record ActionOutcome(ActionStatus Status, ExceptionEntry? Entry, string? Reason)
{
    public static ActionOutcome NotFound { get; } = new(ActionStatus.NotFound, null, null);
}
