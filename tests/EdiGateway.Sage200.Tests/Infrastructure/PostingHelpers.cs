using System.Collections.Concurrent;
using EdiGateway.Sage200.Models;
using EdiGateway.Sage200.Posting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace EdiGateway.Sage200.Tests.Infrastructure;

public sealed class RecordingSink : ISagePostingEventSink
{
    public ConcurrentQueue<SagePostingEvent> Events { get; } = new();

    public ValueTask PublishAsync(SagePostingEvent postingEvent, CancellationToken cancellationToken)
    {
        Events.Enqueue(postingEvent);
        return ValueTask.CompletedTask;
    }
}

public static class PostingHelpers
{
    public static SalesOrderPosting AmazonOrder(string po, long customerId = 27006) => new(SageChannel.Amazon, po, new SageSopOrder
    {
        CustomerId = customerId,
        DocumentDate = new DateTimeOffset(2025, 3, 14, 0, 0, 0, TimeSpan.Zero),
        AnalysisCode1 = "AMAZON_VC",
        Lines = [new SageSopOrderLine { LineType = SageLineType.Standard, ProductId = 135873, WarehouseId = 1214, LineQuantity = 1, SellingUnitPrice = 2.10m, TaxCodeId = 1729 }],
    });

    /// <summary>Fast, deterministic options for fake-clock tests.</summary>
    public static SagePostingOptions FakeClockOptions() => new()
    {
        AttemptTimeout = TimeSpan.FromMinutes(10), // far beyond the fake-clock drive, so a slow CI box never times out by accident
        RetryBaseDelay = TimeSpan.FromSeconds(1),
        RetryMaxDelay = TimeSpan.FromSeconds(10),
        UseJitter = false,
        MaxTransientAttempts = 4,
        ParkLockedAfter = TimeSpan.FromMinutes(1),
        ParkedRetryInterval = TimeSpan.FromMinutes(5),
        MaxRequestsPerSecond = 0,
        AutoResumeInterval = null,
        SalesOrderDocumentTypeId = 0,
    };

    public static SagePostingEngine Engine(ConnectedClient c, ISageIdempotencyStore store, TimeProvider clock, SagePostingOptions options, ISagePostingEventSink? sink = null) =>
        new(c.Client, store, options, clock, sink, NullLogger<SagePostingEngine>.Instance);

    /// <summary>Advances the fake clock in small steps until the task completes (the sandbox runs on real time).</summary>
    public static async Task<T> DriveAsync<T>(this FakeTimeProvider clock, Task<T> task, TimeSpan? step = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!task.IsCompleted)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("task did not finish within 30 s of real time");
            }

            await Task.Delay(5);
            clock.Advance(step ?? TimeSpan.FromMilliseconds(500));
        }

        return await task;
    }

    /// <summary>Advances the fake clock until <paramref name="condition"/> holds.</summary>
    public static async Task DriveUntilAsync(this FakeTimeProvider clock, Func<Task<bool>> condition, TimeSpan step)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("condition not met within 30 s of real time");
            }

            await Task.Delay(10);
            clock.Advance(step);
        }
    }

    public static async Task<int> OrdersWithKeyAsync(SandboxHost host, string key) =>
        await host.Company.ReadAsync(() => host.Company.Store.All("sop_orders").Count(o => EdiGateway.Sandbox.Sage.Json.Str(o, "customer_document_no") == key), default);
}
