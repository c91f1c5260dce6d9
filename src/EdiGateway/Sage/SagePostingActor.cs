using EdiGateway.Actors;
using EdiGateway.Sage200.Posting;
using static EdiGateway.Sage.SagePostingActorMessages;

namespace EdiGateway.Sage;

/// <summary>What a company's posting actor works with; built once by <see cref="SagePosting"/>, kept across restarts.</summary>
internal sealed record SagePostingActorDeps(
    SagePostingEngine Engine,
    SagePostingLineage Lineage,
    SageIdempotencyStore Store,
    SagePostingOutcomes Outcomes,
    int MaxBatchSize,
    TimeSpan ResumeInterval,
    TimeSpan CrashRetryDelay,
    TimeProvider Clock,
    ILogger Logger);

/// <summary>
/// The Sage posting actor of one company: takes <see cref="PostSalesOrder"/>, records the ErpPosting lineage row and
/// the submitted posting (durable before anything else), then hands it to the engine (at most <c>MaxBatchSize</c> at
/// once; the rest wait in a queue), all I/O piped back as messages. On every (re)start and on its timer it resumes in-flight and due parked postings.
/// </summary>
internal sealed partial class SagePostingActor : ReceiveActor
{
    private const string ResumeTimer = "resume";
    private readonly SagePostingActorDeps deps;
    private SagePostingActorState state;

    public SagePostingActor(SagePostingActorDeps deps)
    {
        this.deps = deps;
        state = SagePostingActorState.Initial(deps.MaxBatchSize);
        Receive<PostSalesOrder>(OnPost);
        Receive<PostingAccepted>(OnAccepted);
        Receive<PostingFinished>(OnFinished);
        Receive<PostingCrashed>(OnCrashed);
        Receive<ResumeTick>(_ => OnResumeTick());
        Receive<ResumeFinished>(OnResumed);
        Receive<ResumeCrashed>(m =>
        {
            state = state with { Resuming = false };
            LogResumeFailed(deps.Logger, m.Error.GetType().Name);
        });

        // anything else that fails reaches the supervisor: restart with backoff, then resume
        Receive<Status.Failure>(f => throw new SagePostingActorException("posting actor failed", f.Cause));
    }

    protected override void PreStart()
    {
        deps.Store.ReleaseAll();
        Context.Timers.StartPeriodicTimer(ResumeTimer, ResumeTick.Instance, deps.ResumeInterval);
        Self.Tell(ResumeTick.Instance);
    }

    private void OnPost(PostSalesOrder command)
    {
        // this actor owns the posting until the engine runs it: the resume timer must not start it as well
        deps.Store.Hold(command.Posting.Key);
        var replyTo = Sender;
        AcceptAsync(deps, command).PipeTo(Self, replyTo, () => new PostingAccepted(command), ex => new PostingCrashed(command, ex));
    }

    /// <summary>The lineage row and the submitted record, so the posting survives a stop before the engine claims it.</summary>
    private static async Task AcceptAsync(SagePostingActorDeps deps, PostSalesOrder command)
    {
        var rowId = await deps.Lineage.EnsureRowAsync(command.LineageId, command.Posting.Key, CancellationToken.None).ConfigureAwait(false);
        await deps.Store.SubmitAsync(command.Posting, rowId, deps.Clock.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
    }

    private void OnAccepted(PostingAccepted m)
    {
        (state, var start) = SagePostingDecisions.Accept(state, m.Command);
        if (start is not null)
        {
            Start(start, Sender);
        }
    }

    private void Start(PostSalesOrder command, IActorRef replyTo)
    {
        deps.Engine.PostAsync(command.Posting).PipeTo(Self, replyTo, r => new PostingFinished(command, r), ex => new PostingCrashed(command, ex));
        deps.Store.Release(command.Posting.Key); // the engine now tracks it as active
    }

    private void OnFinished(PostingFinished m)
    {
        state = SagePostingDecisions.Finished(state, m.Command.Posting.Key);
        Publish(SagePostingDecisions.ToOutcome(m.Command.LineageId, m.Result));
        StartNext();
    }

    private void StartNext()
    {
        (state, var next) = SagePostingDecisions.Next(state);
        if (next is not null)
        {
            Start(next, Context.System.DeadLetters);
        }
    }

    private void OnCrashed(PostingCrashed m)
    {
        state = SagePostingDecisions.Finished(state, m.Command.Posting.Key);
        deps.Store.Release(m.Command.Posting.Key);
        var error = m.Error is AggregateException { InnerException: { } inner } ? inner : m.Error;
        switch (SagePostingDecisions.DecideCrash(error))
        {
            case CrashDecision.Fail:
                Publish(new SalesOrderFailed(m.Command.LineageId, m.Command.Posting.Key, null, error.Message));
                break;
            case CrashDecision.Retry:
                LogPostRetry(deps.Logger, m.Command.Posting.Key, error.GetType().Name);
                Context.Timers.StartSingleTimer("retry:" + m.Command.Posting.Key, m.Command, deps.CrashRetryDelay);
                break;
        }

        StartNext();
    }

    private void OnResumeTick()
    {
        if (!SagePostingDecisions.ShouldResume(state))
        {
            return;
        }

        state = state with { Resuming = true };
        ResumeAsync(deps).PipeTo(Self, null, r => new ResumeFinished(r), ex => new ResumeCrashed(ex));
    }

    private static async Task<IReadOnlyList<(long, SagePostingResult)>> ResumeAsync(SagePostingActorDeps deps)
    {
        var results = await deps.Engine.ResumeAsync().ConfigureAwait(false);
        var list = new List<(long, SagePostingResult)>(results.Count);
        foreach (var result in results)
        {
            list.Add((await deps.Lineage.ParentOfAsync(result.Key, deps.Store, CancellationToken.None).ConfigureAwait(false) ?? 0, result));
        }

        return list;
    }

    private void OnResumed(ResumeFinished m)
    {
        state = state with { Resuming = false };
        foreach (var (lineageId, result) in m.Results)
        {
            Publish(SagePostingDecisions.ToOutcome(lineageId, result));
        }
    }

    private void Publish(SalesOrderOutcome outcome)
    {
        deps.Outcomes.Publish(outcome);
        if (!ReferenceEquals(Sender, Context.System.DeadLetters))
        {
            Sender.Tell(outcome, Self);
        }
    }

    [LoggerMessage(EventId = 4311, Level = LogLevel.Warning, Message = "Sage posting {PostingKey} could not be handed to the engine ({ExceptionType}); trying again shortly")]
    private static partial void LogPostRetry(ILogger logger, string postingKey, string exceptionType);

    [LoggerMessage(EventId = 4312, Level = LogLevel.Error, Message = "Resuming Sage postings failed ({ExceptionType}); the next timer tick tries again")]
    private static partial void LogResumeFailed(ILogger logger, string exceptionType);
}

/// <summary>A failure inside the posting actor that its supervisor handles (restart with backoff).</summary>
public sealed class SagePostingActorException(string message, Exception? inner) : Exception(message, inner)
{
    public SagePostingActorException() : this("posting actor failed", null) { }

    public SagePostingActorException(string message) : this(message, null) { }
}
