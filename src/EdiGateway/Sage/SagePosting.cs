using EdiGateway.Actors;
using EdiGateway.Sage200.Posting;

namespace EdiGateway.Sage;

/// <summary>
/// The gateway's door to Sage 200 for the flows: <see cref="SubmitAsync"/> hands a sales order to the company's
/// supervised posting actor; the returned submission completes with the final outcome, and
/// <see cref="Outcomes"/> shows every outcome (parked ones and resumed ones too). Started as a hosted service:
/// validates the <c>Sage200</c> settings, starts the SANDBOX when configured, connects, then starts the actor.
/// </summary>
public sealed partial class SagePosting : IHostedService
{
    private readonly SageConnector connector;
    private readonly ILogger logger;
    private SageConnection? connection;
    private ActorSystem? system;
    private IActorRef? actor;
    private readonly TaskCompletionSource<bool> started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal SagePosting(SageConnector connector, ILogger<SagePosting> logger)
    {
        this.connector = connector;
        this.logger = logger;
    }

    /// <summary>Every outcome as it happens; and the final outcome of one key.</summary>
    public SagePostingOutcomes Outcomes { get; } = new();

    /// <summary>True once the posting actor runs.</summary>
    public bool IsRunning => actor is not null;

    /// <summary>True when postings go to the SANDBOX (never a real ledger).</summary>
    public bool IsSandbox => connection?.Sandbox is not null;

    /// <summary>Which company rows belong to (null while not running).</summary>
    public SageCompanyScope? Scope => connection?.Scope;

    internal SageConnection? Connection => connection;

    /// <summary>
    /// Completes once the gateway has started Sage posting: true when the posting actor runs, false when posting is disabled.
    /// Flows that post await it, so work resumed before Sage has connected waits instead of taking the "no Sage" path.
    /// </summary>
    public Task<bool> WhenStarted(CancellationToken cancellationToken) => started.Task.WaitAsync(cancellationToken);

    internal IActorRef? PostingActor => actor;

    internal ActorSystem? ActorSystem => system;

    /// <summary>
    /// Tells the posting actor to post <paramref name="posting"/> for the lineage entry <paramref name="lineageId"/>
    /// (usually the 850 transaction set). Posting happens at most once per key, however often this is called.
    /// Throws <see cref="InvalidOperationException"/> when Sage posting is disabled or not started.
    /// </summary>
    public async Task<SagePostingSubmission> SubmitAsync(long lineageId, SalesOrderPosting posting, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(posting);
        var target = actor ?? throw new InvalidOperationException("Sage posting is not running (Sage200:Enabled is false, or the gateway has not started).");
        var completion = Outcomes.WhenFinal(posting.Key);
        await target.TellAsync(new PostSalesOrder(lineageId, posting), null, cancellationToken);
        return new SagePostingSubmission(lineageId, posting.Key, completion);
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        connection = await connector.ConnectAsync(cancellationToken);
        if (connection is null)
        {
            LogDisabled(logger);
            started.TrySetResult(false);
            return;
        }

        var c = connection;
        system = ActorSystem.Create("edigw-sage", new ActorSystemOptions
        {
            TimeProvider = c.Clock,
            LoggerFactory = c.LoggerFactory,
            GuardianStrategy = SupervisorStrategy.OneForOne(Decider.Default) with
            {
                MinBackoff = TimeSpan.FromMilliseconds(c.Gateway.RestartMinBackoffMilliseconds),
                MaxBackoff = TimeSpan.FromSeconds(c.Gateway.RestartMaxBackoffSeconds),
                MaxRetries = 20,
                RetryWindow = TimeSpan.FromMinutes(10),
                WhenRetriesExhausted = Directive.Stop,
            },
        });
        var deps = new SagePostingActorDeps(c.Engine, c.Lineage, c.Store, Outcomes, c.Posting.MaxBatchSize, c.ResumeInterval,
            TimeSpan.FromSeconds(1), c.Clock, c.LoggerFactory.CreateLogger<SagePostingActor>());
        actor = system.ActorOf(Props.Create(() => new SagePostingActor(deps)), "sage-company-" + c.Options.CompanyId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        LogStarted(logger, c.Scope.Company, c.Sandbox is not null ? "SANDBOX" : c.Options.Edition.ToString());
        started.TrySetResult(true);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        var running = system;
        actor = null;
        if (running is not null)
        {
            await running.Terminate().WaitAsync(cancellationToken);
        }

        if (connection is not null)
        {
            await connection.DisposeAsync();
        }
    }

    [LoggerMessage(EventId = 4321, Level = LogLevel.Information, Message = "Sage posting disabled (Sage200:Enabled is false)")]
    private static partial void LogDisabled(ILogger logger);

    [LoggerMessage(EventId = 4322, Level = LogLevel.Information, Message = "Sage posting actor started for company {Company} ({Target})")]
    private static partial void LogStarted(ILogger logger, string company, string target);
}

/// <summary>A posting handed to the actor; <see cref="Completion"/> ends with its final outcome (posted or failed).</summary>
public sealed record SagePostingSubmission(long LineageId, string Key, Task<SalesOrderOutcome> Completion);
