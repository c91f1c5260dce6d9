using EdiGateway.Actors;
using EdiGateway.Partners;
using EdiGateway.Pipeline.Actors;
using Microsoft.Extensions.Options;

namespace EdiGateway.Pipeline;

/// <summary>
/// Runs the actor system for the life of the gateway. On stop, new work stops arriving, in-flight steps are
/// cancelled at their next boundary, and the actors drain; whatever was not finished is in the lineage in a
/// resumable state and is picked up at the next start.
/// </summary>
public sealed partial class PipelineService(
    IServiceProvider services,
    IOptions<PipelineOptions> options,
    InboundNotifications notifications,
    PartnerCatalog catalog,
    ILoggerFactory loggerFactory,
    TimeProvider clock) : IHostedService
{
    private readonly CancellationTokenSource stopping = new();
    private ActorSystem? system;
    private IActorRef? gateway;

    /// <summary>The actor system while running (tests and diagnostics).</summary>
    public ActorSystem? System => system;

    /// <summary>Hands work to the running pipeline (a resubmitted document or set); false when the pipeline is not running.</summary>
    public bool Submit(object work)
    {
        if (gateway is null)
        {
            return false;
        }

        gateway.Tell(work);
        return true;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            return Task.CompletedTask;
        }

        var deps = ActivatorUtilities.CreateInstance<PipelineServicesFactory>(services).Create() with { Stopping = stopping.Token };
        system = ActorSystem.Create("edigw", new ActorSystemOptions { TimeProvider = clock, LoggerFactory = loggerFactory });
        gateway = system.ActorOf(Props.Create(() => new GatewayActor(deps)), "gateway");
        notifications.Subscribe(stored => gateway.Tell(stored));
        catalog.Changed += OnPartnersChanged;
        LogStarted(loggerFactory.CreateLogger<PipelineService>(), catalog.Current?.Partners.Count ?? 0);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        catalog.Changed -= OnPartnersChanged;
        notifications.Unsubscribe();
        await stopping.CancelAsync();
        if (system is not null)
        {
            await system.Terminate().WaitAsync(cancellationToken);
        }

        stopping.Dispose();
    }

    private void OnPartnersChanged(PartnerSnapshot snapshot) => gateway?.Tell(new PipelineMessages.PartnersChanged(snapshot));

    [LoggerMessage(EventId = 301, Level = LogLevel.Information, Message = "Pipeline started for {PartnerCount} partner(s)")]
    private static partial void LogStarted(ILogger logger, int partnerCount);

    /// <summary>Builds the actors' dependencies from the container once.</summary>
    private sealed class PipelineServicesFactory(
        InboundProcessor processor,
        OutboundGate outbound,
        PartnerCatalog catalog,
        Transports.PartnerTransports transports,
        Transports.TransportLedger ledger,
        Storage.LineageLog lineage,
        Storage.ExceptionQueue exceptions,
        FlowHandlers flows,
        PipelineMonitor monitor,
        IOptions<PipelineOptions> options,
        ILoggerFactory loggerFactory,
        TimeProvider clock)
    {
        public PipelineServices Create() => new(processor, outbound, catalog, transports, ledger, lineage, exceptions, flows, monitor, options, loggerFactory, clock);
    }
}
