using EdiGateway.Actors;
using EdiGateway.Partners;
using static EdiGateway.Pipeline.Actors.PipelineMessages;

namespace EdiGateway.Pipeline.Actors;

/// <summary>
/// One trading partner: its intake (reads what the partner sent), its inbox (polls the partner's folder or
/// server), and one flow actor per enabled flow. Each partner's work runs in its own actors, so one
/// partner's bad, huge or slow traffic never holds up another's.
/// </summary>
public sealed class PartnerActor : ReceiveActor
{
    public const string Prefix = "partner-";

    private readonly PipelineServices services;
    private PartnerProfile profile;

    public PartnerActor(PartnerProfile profile, PipelineServices services)
    {
        this.profile = profile;
        this.services = services;
        Receive<InboundStored>(stored => Context.Forward(Intake, stored));
        Receive<InboundProcessed>(OnProcessed);
        Receive<TransactionSetAccepted>(Route);
        Receive<QueuedOutbound>(o => Context.Forward(Intake, o));
        Receive<ProfileUpdated>(OnProfileUpdated);
    }

    public static string NameOf(string partnerId) => Prefix + partnerId;

    private IActorRef Intake => Context.Child("intake")!;

    protected override SupervisorStrategy? SupervisorStrategy => new()
    {
        Decider = _ => Directive.Restart,
        MinBackoff = TimeSpan.FromMilliseconds(100),
        MaxBackoff = TimeSpan.FromSeconds(30),
        MaxRetries = 50,
        RetryWindow = TimeSpan.FromMinutes(10),
        WhenRetriesExhausted = Directive.Restart,
    };

    protected override void PreStart()
    {
        Context.ActorOf(Props.Create(() => new IntakeActor(profile, services)), "intake");
        StartFlows();
        if (profile.Transport?.Type is "folder" or "sftp" or "ftp" or "ftps")
        {
            Context.ActorOf(Props.Create(() => new InboxActor(profile, services)), "inbox");
        }
    }

    private void StartFlows()
    {
        foreach (var flow in profile.Flows.Where(f => f.Enabled))
        {
            if (Context.Child(FlowActor.NameOf(flow.Flow)) is null)
            {
                Context.ActorOf(Props.Create(() => new FlowActor(profile.Id, flow.Flow, services)), FlowActor.NameOf(flow.Flow));
            }
        }
    }

    private void OnProcessed(InboundProcessed processed)
    {
        services.Monitor.Record(new PipelineEvent.DocumentProcessed(profile.Id, processed));
        foreach (var set in processed.Routed)
        {
            Route(set);
        }
    }

    private void Route(TransactionSetAccepted set)
    {
        if (Context.Child(FlowActor.NameOf(set.Flow)) is { } flow)
        {
            flow.Tell(set);
        }
    }

    private void OnProfileUpdated(ProfileUpdated updated)
    {
        profile = updated.Profile;
        StartFlows();
        foreach (var child in Context.Children)
        {
            child.Tell(updated);
        }
    }
}
