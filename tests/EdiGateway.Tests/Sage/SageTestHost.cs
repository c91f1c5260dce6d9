using System.Globalization;
using EdiGateway.Sage;
using EdiGateway.Sage200.Models;
using EdiGateway.Sage200.Posting;
using EdiGateway.Sandbox;
using EdiGateway.Sandbox.Sage;
using EdiGateway.Storage;
using EdiGateway.Storage.Entities;
using EdiGateway.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace EdiGateway.Tests.Sage;

/// <summary>The real gateway in-process with Sage posting on the in-process SANDBOX and fast posting settings.</summary>
internal static class SageTestHost
{
    /// <summary>Sage posting on the in-process SANDBOX with fast retries, backoff and resume (what every Sage test host uses).</summary>
    public static readonly string[] FastSandbox =
    [
        "--Sage200:Enabled", "true",
        "--Sage200:UseSandbox", "true",
        "--Sage200:RestartMinBackoffMilliseconds", "50",
        "--Sage200:RestartMaxBackoffSeconds", "1",
        "--Sage200:Posting:AttemptTimeout", "00:00:05",
        "--Sage200:Posting:RetryBaseDelay", "00:00:00.010",
        "--Sage200:Posting:RetryMaxDelay", "00:00:00.100",
        "--Sage200:Posting:MaxTransientAttempts", "20",
        "--Sage200:Posting:ParkLockedAfter", "00:00:30",
        "--Sage200:Posting:CircuitMinimumThroughput", "10000",
        "--Sage200:Posting:MaxRequestsPerSecond", "0",
        "--Sage200:Posting:AutoResumeInterval", "00:00:00.500",
    ];

    public static Task<GatewayHost> StartAsync(params string[] settings) => GatewayHost.StartAsync(null,
    [
        "--Pipeline:Enabled", "false",
        .. FastSandbox,
        "--Sage200:Posting:MaxConcurrency", "8",
        "--Sage200:Posting:MaxBatchSize", "16",
        .. settings,
    ]);

    public static SagePosting Posting(this GatewayHost host) => host.Get<SagePosting>();

    public static IServiceProvider Sandbox(this GatewayHost host) => host.Posting().Connection!.Sandbox!.Services;

    public static SandboxFaultInjector Faults(this GatewayHost host) => host.Sandbox().GetRequiredService<SandboxFaultInjector>();

    /// <summary>Orders in the sandbox company with this customer_document_no.</summary>
    public static async Task<int> OrdersWithKeyAsync(this GatewayHost host, string key)
    {
        var company = host.Sandbox().GetRequiredService<SandboxCompany>();
        return await company.ReadAsync(() => company.Store.All("sop_orders").Count(o => (string?)o["customer_document_no"] == key), default);
    }

    /// <summary>A transaction-set lineage row standing in for an accepted Amazon 850.</summary>
    public static Task<long> AddSetAsync(this GatewayHost host, string po) => host.Get<LineageLog>().AddAsync(new LineageEntry
    {
        Kind = LineageKind.TransactionSet,
        Direction = Direction.Inbound,
        PartnerId = "amazon-vc-test",
        Flow = "amazon-850",
        State = "ready-to-post",
        DocumentType = "850",
        PurchaseOrderNumber = po,
        Amount = 2.10m,
        Currency = "GBP",
        CreatedAt = default,
        UpdatedAt = default,
    }, null, CancellationToken.None);

    public static SalesOrderPosting AmazonOrder(string po, long customerId = 27006) => new(SageChannel.Amazon, po, new SageSopOrder
    {
        CustomerId = customerId,
        DocumentDate = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero),
        AnalysisCode1 = "AMAZON_VC",
        Lines = [new SageSopOrderLine { LineType = SageLineType.Standard, ProductId = 135873, WarehouseId = 1214, LineQuantity = 1, SellingUnitPrice = 2.10m, TaxCodeId = 1729 }],
    });

    public static string Po(string prefix, int i) => prefix + i.ToString("D4", CultureInfo.InvariantCulture);

    public static async Task<T> Within<T>(this Task<T> task, TimeSpan timeout) => await task.WaitAsync(timeout);

    /// <summary>SandboxFaults shortcut.</summary>
    public static void SetFaults(this GatewayHost host, SandboxFaults faults) => host.Faults().Set(faults);
}
