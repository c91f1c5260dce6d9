using EdiGateway.Actors;
using EdiGateway.Storage;
using EdiGateway.Storage.Entities;
using static EdiGateway.Pipeline.Actors.PipelineMessages;

namespace EdiGateway.Pipeline.Actors;

/// <summary>
/// The top of the pipeline: one partner actor per partner profile, supervised one-for-one, so a failing
/// partner restarts with backoff and never disturbs the others. Routes stored documents to their partner
/// and, at start, finds unfinished work in the lineage and hands it back to the partners.
/// </summary>
public sealed partial class GatewayActor : ReceiveActor
{
    private readonly PipelineServices services;
    private readonly ILogger logger;

    public GatewayActor(PipelineServices services)
    {
        this.services = services;
        logger = services.LoggerFactory.CreateLogger<GatewayActor>();
        Receive<InboundStored>(stored => PartnerOrQueue(stored.ChannelPartnerId, stored)?.Tell(stored));
        Receive<TransactionSetAccepted>(set => PartnerOrQueue(set.PartnerId, set)?.Tell(set));
        Receive<QueuedOutbound>(o => PartnerOrQueue(o.PartnerId, o)?.Tell(o));
        Receive<Recover>(_ => RecoverAsync().PipeTo(Self));
        Receive<Recovered>(OnRecovered);
        Receive<PartnersChanged>(changed => Reconcile(changed.Snapshot));
        Receive<Status.Failure>(f => LogRecoveryFailed(logger, f.Cause.Message));
    }

    protected override SupervisorStrategy? SupervisorStrategy => new()
    {
        Decider = _ => Directive.Restart,
        MinBackoff = TimeSpan.FromMilliseconds(200),
        MaxBackoff = TimeSpan.FromSeconds(30),
        MaxRetries = 20,
        RetryWindow = TimeSpan.FromMinutes(5),
        WhenRetriesExhausted = Directive.Restart,
    };

    protected override void PreStart()
    {
        if (services.Catalog.Current is { } snapshot)
        {
            Reconcile(snapshot);
        }

        Self.Tell(new Recover());
    }

    private void Reconcile(Partners.PartnerSnapshot snapshot)
    {
        foreach (var (id, profile) in snapshot.Partners)
        {
            if (Context.Child(PartnerActor.NameOf(id)) is { } existing)
            {
                existing.Tell(new ProfileUpdated(profile));
            }
            else
            {
                Context.ActorOf(Props.Create(() => new PartnerActor(profile, services)), PartnerActor.NameOf(id));
            }
        }

        foreach (var child in Context.Children)
        {
            var id = child.Path.Name[PartnerActor.Prefix.Length..];
            if (!snapshot.Partners.ContainsKey(id))
            {
                Context.Stop(child);
            }
        }
    }

    private IActorRef? PartnerOrQueue(string partnerId, object work)
    {
        if (Context.Child(PartnerActor.NameOf(partnerId)) is { } partner)
        {
            return partner;
        }

        LogNoPartner(logger, partnerId, work.GetType().Name);
        services.Monitor.Record(new PipelineEvent.Failed(partnerId, work.GetType().Name, "no such partner"));
        return null;
    }

    private async Task<Recovered> RecoverAsync()
    {
        var ct = services.Stopping;
        var lineage = services.Lineage;
        var stored = (await lineage.InStatesAsync(LineageKind.TransportMessage, [LineageStates.Stored], ct))
            .Where(e => e.PartnerId is not null && e.DocumentSha256 is not null)
            .Select(e => new InboundStored(e.Id, e.DocumentSha256!, e.PartnerId!, null))
            .ToList();
        var sets = (await lineage.InStatesAsync(LineageKind.TransactionSet, [LineageStates.Accepted, LineageStates.Posting], ct))
            .Where(e => e.PartnerId is not null && e.Flow is not null && e.DocumentSha256 is not null)
            .Select(e => new TransactionSetAccepted(e.PartnerId!, e.Flow!, e.DocumentType ?? "", e.Id, e.DocumentSha256!))
            .ToList();
        var outbound = (await lineage.InStatesAsync(LineageKind.Acknowledgement, [LineageStates.Queued], ct))
            .Concat(await lineage.InStatesAsync(LineageKind.OutboundFile, [LineageStates.Queued], ct))
            .Where(e => e.PartnerId is not null && e.DocumentSha256 is not null)
            .Select(e => new QueuedOutbound(e.PartnerId!, e.Id, e.DocumentSha256!, e.Flow ?? "outbound"))
            .ToList();
        return new Recovered(stored, sets, outbound);
    }

    private void OnRecovered(Recovered work)
    {
        if (work.Stored.Count + work.Sets.Count + work.Outbound.Count > 0)
        {
            LogRecovered(logger, work.Stored.Count, work.Sets.Count, work.Outbound.Count);
        }

        foreach (var s in work.Stored)
        {
            Self.Tell(s);
        }

        foreach (var s in work.Sets)
        {
            Self.Tell(s);
        }

        foreach (var o in work.Outbound)
        {
            Self.Tell(o);
        }
    }

    [LoggerMessage(EventId = 320, Level = LogLevel.Information, Message = "Resuming unfinished work: {Stored} stored document(s), {Sets} accepted set(s), {Outbound} queued outbound document(s)")]
    private static partial void LogRecovered(ILogger logger, int stored, int sets, int outbound);

    [LoggerMessage(EventId = 321, Level = LogLevel.Error, Message = "Recovery scan failed: {Reason}")]
    private static partial void LogRecoveryFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 322, Level = LogLevel.Warning, Message = "Work for partner {PartnerId} ({Work}) has no partner actor: the profile is missing or refused")]
    private static partial void LogNoPartner(ILogger logger, string partnerId, string work);
}
