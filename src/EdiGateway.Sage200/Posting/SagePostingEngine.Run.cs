using System.Collections.Immutable;
using EdiGateway.Sage200.Contract;
using EdiGateway.Sage200.Models;
using EdiGateway.Sage200.Validation;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;

namespace EdiGateway.Sage200.Posting;

public sealed partial class SagePostingEngine
{
    private ResiliencePipeline BuildPipeline() => new ResiliencePipelineBuilder { TimeProvider = time }
        .AddRetry(new RetryStrategyOptions
        {
            MaxRetryAttempts = int.MaxValue,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = options.UseJitter,
            Delay = options.RetryBaseDelay,
            MaxDelay = options.RetryMaxDelay,
            ShouldHandle = async args =>
            {
                if (args.Outcome.Exception is not { } ex || SagePostingPolicy.Classify(ex) is not { } failure)
                {
                    return false;
                }

                var run = args.Context.Properties.GetValue(RunKey, null!);
                var now = time.GetUtcNow();
                run.LastFailure = failure;
                if (failure.RequiresLookup)
                {
                    run.NeedsLookup = true;
                }

                if (failure.Kind == SageErrorKind.RecordLocked)
                {
                    run.FirstLockAt ??= now;
                    await PublishAsync(run, new SagePostingLocked(run.Key, now, failure.LockedRecord, failure.Message)).ConfigureAwait(false);
                }

                return SagePostingPolicy.ShouldRetry(failure, args.AttemptNumber + 1, now - (run.FirstLockAt ?? now), options);
            },
            OnRetry = async args =>
            {
                var run = args.Context.Properties.GetValue(RunKey, null!);
                var kind = run.LastFailure?.Kind ?? SageErrorKind.Transient;
                await PublishAsync(run, new SagePostingRetrying(run.Key, time.GetUtcNow(), args.AttemptNumber + 1, args.RetryDelay, kind)).ConfigureAwait(false);
            },
        })
        .AddCircuitBreaker(new CircuitBreakerStrategyOptions
        {
            FailureRatio = options.CircuitFailureRatio,
            MinimumThroughput = options.CircuitMinimumThroughput,
            SamplingDuration = options.CircuitSamplingDuration,
            BreakDuration = options.CircuitBreakDuration,
            ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } ex && SagePostingPolicy.Classify(ex) is { } f && SagePostingPolicy.CountsForCircuit(f)),
        })
        .AddTimeout(options.AttemptTimeout)
        .Build();

    private async Task<SagePostingResult> RunAsync(SalesOrderPosting posting, CancellationToken cancellationToken)
    {
        var run = new PostingRun(posting.Key);
        var (documentNo, refusal) = CustomerDocumentNumber.Compose(posting.Channel, posting.ExternalId);
        if (refusal is not null)
        {
            return await FailAsync(run, null, SageErrorKind.Validation, refusal.Detail, [refusal]).ConfigureAwait(false);
        }

        await concurrency.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var record = await ClaimAsync(posting, cancellationToken).ConfigureAwait(false);
            if (record.Status == SagePostingStatus.Posted)
            {
                var already = new SagePostingAlreadyPosted(run.Key, time.GetUtcNow(), record.SageOrderId ?? 0, record.SageDocumentNo, SageAlreadyPostedSource.IdempotencyStore);
                await PublishAsync(run, already).ConfigureAwait(false);
                return run.Result(SagePostingOutcome.AlreadyPosted, record.SageOrderId, record.SageDocumentNo);
            }

            run.NeedsLookup = record.Attempts > 0 || record.Status != SagePostingStatus.InFlight;
            var order = posting.Order with { CustomerDocumentNo = documentNo };
            var context = ResilienceContextPool.Shared.Get(cancellationToken);
            context.Properties.Set(RunKey, run);
            try
            {
                var outcome = await pipeline.ExecuteAsync(ctx => AttemptAsync(run, order, documentNo!, ctx.CancellationToken), context).ConfigureAwait(false);
                return await CompleteAsync(run, record, outcome).ConfigureAwait(false);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested && SagePostingPolicy.Classify(ex) is { } failure)
            {
                return await ParkOrFailAsync(run, record, failure).ConfigureAwait(false);
            }
            finally
            {
                ResilienceContextPool.Shared.Return(context);
            }
        }
        finally
        {
            concurrency.Release();
        }
    }

    /// <summary>Claims the key in the store (unique insert); an existing record means this posting was seen before.</summary>
    private async Task<SagePostingRecord> ClaimAsync(SalesOrderPosting posting, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var fresh = new SagePostingRecord(posting.Key, posting, SagePostingStatus.InFlight, 0, now, now);
        if (await store.TryAddAsync(fresh, cancellationToken).ConfigureAwait(false))
        {
            return fresh;
        }

        var existing = await store.FindAsync(posting.Key, cancellationToken).ConfigureAwait(false) ?? fresh;
        if (existing.Status is SagePostingStatus.Parked or SagePostingStatus.Failed)
        {
            existing = existing with { Status = SagePostingStatus.InFlight, UpdatedAt = now, Attempts = Math.Max(1, existing.Attempts) };
            await store.UpdateAsync(existing, cancellationToken).ConfigureAwait(false);
        }
        else if (existing.Status == SagePostingStatus.InFlight)
        {
            // left by an engine that stopped mid-call: the outcome is unknown
            existing = existing with { Attempts = Math.Max(1, existing.Attempts) };
        }

        return existing;
    }

    private async ValueTask<AttemptOutcome> AttemptAsync(PostingRun run, SageSopOrder order, string documentNo, CancellationToken cancellationToken)
    {
        run.Attempts++;
        await PublishAsync(run, new SagePostingAttempted(run.Key, time.GetUtcNow(), run.Attempts, run.NeedsLookup)).ConfigureAwait(false);
        if (run.NeedsLookup)
        {
            await rate.WaitAsync(cancellationToken).ConfigureAwait(false);
            var found = await client.FindByCustomerDocumentNoAsync(documentNo, cancellationToken).ConfigureAwait(false);
            var match = found.FirstOrDefault(v => string.Equals(v.CustomerDocumentNo, documentNo, StringComparison.Ordinal)
                && (options.SalesOrderDocumentTypeId is null || v.DocumentTypeId == options.SalesOrderDocumentTypeId));
            if (match is not null)
            {
                return new AttemptOutcome(null, match, [], []);
            }

            run.NeedsLookup = false;
        }

        await rate.WaitAsync(cancellationToken).ConfigureAwait(false);
        var result = await client.CreateSalesOrderAsync(order, cancellationToken).ConfigureAwait(false);
        return new AttemptOutcome(result.Value, null, result.Warnings, result.Refusals);
    }

    private async Task<SagePostingResult> CompleteAsync(PostingRun run, SagePostingRecord record, AttemptOutcome outcome)
    {
        var now = time.GetUtcNow();
        if (!outcome.Refusals.IsEmpty)
        {
            return await FailAsync(run, record, SageErrorKind.Validation, "refused before sending: field limits", outcome.Refusals).ConfigureAwait(false);
        }

        var id = outcome.Created?.Id ?? outcome.Found?.Id ?? 0;
        var documentNo = outcome.Created?.DocumentNo ?? outcome.Found?.DocumentNo;
        await store.UpdateAsync(record with
        {
            Status = SagePostingStatus.Posted, Attempts = record.Attempts + run.Attempts, UpdatedAt = now,
            SageOrderId = id, SageDocumentNo = documentNo, NextAttemptAt = null, LockedRecord = null, LastError = null,
        }, CancellationToken.None).ConfigureAwait(false);
        if (outcome.Found is not null)
        {
            await PublishAsync(run, new SagePostingAlreadyPosted(run.Key, now, id, documentNo, SageAlreadyPostedSource.SageLookup)).ConfigureAwait(false);
            LogAlreadyPosted(logger, run.Key, documentNo);
            return run.Result(SagePostingOutcome.AlreadyPosted, id, documentNo);
        }

        await PublishAsync(run, new SagePostingPosted(run.Key, now, id, documentNo, outcome.Warnings)).ConfigureAwait(false);
        LogPosted(logger, run.Key, documentNo, run.Attempts);
        return run.Result(SagePostingOutcome.Posted, id, documentNo);
    }

    private async Task<SagePostingResult> ParkOrFailAsync(PostingRun run, SagePostingRecord record, SageFailure failure)
    {
        var now = time.GetUtcNow();
        switch (SagePostingPolicy.AfterRetries(failure, now, options))
        {
            case SagePostingDecision.Park park:
                await store.UpdateAsync(record with
                {
                    Status = SagePostingStatus.Parked, Attempts = record.Attempts + Math.Max(1, run.Attempts), UpdatedAt = now,
                    NextAttemptAt = park.NextAttemptAt, LockedRecord = failure.LockedRecord, LastError = failure.Message,
                }, CancellationToken.None).ConfigureAwait(false);
                await PublishAsync(run, new SagePostingParked(run.Key, now, park.Reason, failure.LockedRecord, failure.Message, park.NextAttemptAt)).ConfigureAwait(false);
                LogParked(logger, run.Key, park.Reason, park.NextAttemptAt);
                return run.Result(SagePostingOutcome.Parked, null, null);
            case SagePostingDecision.Fail fail:
                return await FailAsync(run, record, fail.Kind, failure.Message ?? fail.Kind.ToString(), []).ConfigureAwait(false);
            default:
                throw new InvalidOperationException("unknown decision");
        }
    }

    private async Task<SagePostingResult> FailAsync(PostingRun run, SagePostingRecord? record, SageErrorKind kind, string reason, ImmutableArray<SageContractViolation> violations)
    {
        var now = time.GetUtcNow();
        if (record is not null)
        {
            await store.UpdateAsync(record with { Status = SagePostingStatus.Failed, Attempts = record.Attempts + run.Attempts, UpdatedAt = now, LastError = reason }, CancellationToken.None).ConfigureAwait(false);
        }

        await PublishAsync(run, new SagePostingFailed(run.Key, now, kind, reason, violations)).ConfigureAwait(false);
        LogFailed(logger, run.Key, kind);
        return run.Result(SagePostingOutcome.Failed, null, null);
    }

    private async ValueTask PublishAsync(PostingRun run, SagePostingEvent postingEvent)
    {
        lock (run.Events)
        {
            run.Events.Add(postingEvent);
        }

        if (sink is not null)
        {
            await sink.PublishAsync(postingEvent, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private sealed record AttemptOutcome(SageSopOrder? Created, SageSopOrderReturnView? Found, ImmutableArray<SageFieldWarning> Warnings, ImmutableArray<SageContractViolation> Refusals);

    /// <summary>Mutable state of one call through the pipeline (never shared across postings).</summary>
    private sealed class PostingRun(string key)
    {
        public string Key { get; } = key;
        public List<SagePostingEvent> Events { get; } = [];
        public bool NeedsLookup { get; set; }
        public int Attempts { get; set; }
        public DateTimeOffset? FirstLockAt { get; set; }
        public SageFailure? LastFailure { get; set; }

        public SagePostingResult Result(SagePostingOutcome outcome, long? id, string? documentNo)
        {
            lock (Events)
            {
                return new SagePostingResult(Key, outcome, id, documentNo, [.. Events]);
            }
        }
    }

    [LoggerMessage(EventId = 4201, Level = LogLevel.Information, Message = "Sage order {PostingKey} posted as {DocumentNo} after {Attempts} attempt(s)")]
    private static partial void LogPosted(ILogger logger, string postingKey, string? documentNo, int attempts);

    [LoggerMessage(EventId = 4202, Level = LogLevel.Information, Message = "Sage order {PostingKey} already posted as {DocumentNo}; not created again")]
    private static partial void LogAlreadyPosted(ILogger logger, string postingKey, string? documentNo);

    [LoggerMessage(EventId = 4203, Level = LogLevel.Warning, Message = "Sage order {PostingKey} parked ({Reason}); next attempt {NextAttemptAt}")]
    private static partial void LogParked(ILogger logger, string postingKey, SageParkReason reason, DateTimeOffset nextAttemptAt);

    [LoggerMessage(EventId = 4204, Level = LogLevel.Error, Message = "Sage order {PostingKey} failed permanently ({Kind})")]
    private static partial void LogFailed(ILogger logger, string postingKey, SageErrorKind kind);

    [LoggerMessage(EventId = 4205, Level = LogLevel.Information, Message = "Resuming {Count} Sage posting(s)")]
    private static partial void LogResuming(ILogger logger, int count);

    [LoggerMessage(EventId = 4206, Level = LogLevel.Error, Message = "Automatic resume of Sage postings failed ({ExceptionType})")]
    private static partial void LogResumeFailed(ILogger logger, string exceptionType);
}
