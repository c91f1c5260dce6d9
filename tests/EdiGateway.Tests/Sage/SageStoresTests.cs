using EdiGateway.Hosting;
using EdiGateway.Sage;
using EdiGateway.Sage200.Posting;
using EdiGateway.Storage;
using EdiGateway.Storage.Configurations;
using EdiGateway.Storage.Entities;
using EdiGateway.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EdiGateway.Tests.Sage;

/// <summary>The Sage stores on the gateway database, run against each provider by the subclasses below.</summary>
public abstract class SageStoresTests : IAsyncLifetime
{
    private static readonly SageCompanyScope Scope = new(SageCompanyScope.SystemName, "site-1:1", IsSandbox: false);
    private StorageHarness? harness;

    protected StorageHarness Harness => harness!;

    protected abstract Task<DatabaseOptions> CreateDatabaseAsync();

    public async Task InitializeAsync() => harness = await StorageHarness.CreateAsync(await CreateDatabaseAsync());

    public async Task DisposeAsync() => await harness!.DisposeAsync();

    private (SageIdempotencyStore Store, SagePostingLineage Lineage) Create()
    {
        var lineage = new SagePostingLineage(Harness.Get<LineageLog>());
        return (new SageIdempotencyStore(Harness.Get<IDbContextFactory<GatewayDbContext>>(), Scope, lineage), lineage);
    }

    [Fact]
    public async Task TryAddAsync_SameKeyTwice_SecondIsFalseAndOneRow()
    {
        var (store, _) = Create();
        var now = Harness.Clock.GetUtcNow();
        var record = new SagePostingRecord("AMZ-PO1", SageTestHost.AmazonOrder("PO1"), SagePostingStatus.InFlight, 0, now, now);

        Assert.True(await store.TryAddAsync(record, default));
        Assert.False(await store.TryAddAsync(record with { Attempts = 3 }, default));

        await using var db = await Harness.Get<IDbContextFactory<GatewayDbContext>>().CreateDbContextAsync();
        var row = await db.ErpPostings.SingleAsync();
        Assert.Equal(("sage200", "site-1:1", "AMZ-PO1", "sales-order", "in-flight", 0), (row.System, row.Company, row.ExternalId, row.Kind, row.State, row.Attempts));
    }

    [Fact]
    public async Task UpdateAsync_ParkedThenListed_RoundTripsEveryField()
    {
        var (store, lineage) = Create();
        var setId = await Harness.Get<LineageLog>().AddAsync(new LineageEntry { Kind = LineageKind.TransactionSet, Direction = Direction.Inbound, State = "ready-to-post", CreatedAt = default, UpdatedAt = default }, null, default);
        var rowId = await lineage.EnsureRowAsync(setId, "AMZ-PO2", default);
        var now = Harness.Clock.GetUtcNow();
        var posting = SageTestHost.AmazonOrder("PO2");
        Assert.True(await store.TryAddAsync(new SagePostingRecord("AMZ-PO2", posting, SagePostingStatus.InFlight, 0, now, now), default));
        var parked = new SagePostingRecord("AMZ-PO2", posting, SagePostingStatus.Parked, 4, now, now.AddMinutes(1), now.AddMinutes(16), null, null, "Customer AMZBHX4", "locked");

        await store.UpdateAsync(parked, default);

        var listed = Assert.Single(await store.ListAsync(SagePostingStatus.Parked, default));
        Assert.Equal(parked with { Posting = listed.Posting }, listed);
        Assert.Equal(posting.Key, listed.Posting.Key);
        Assert.Equal(posting.Order.Lines![0].SellingUnitPrice, listed.Posting.Order.Lines![0].SellingUnitPrice);
        Assert.Empty(await store.ListAsync(SagePostingStatus.InFlight, default));
        Assert.Equal(rowId, await store.FindLineageIdAsync("AMZ-PO2", default));
        Assert.Equal(setId, await lineage.ParentOfAsync("AMZ-PO2", store, default));
        Assert.Equal((rowId, false), await Harness.Get<LineageLog>().AddStepAsync(new LineageEntry { ParentId = setId, Ordinal = 1, Kind = LineageKind.ErpPosting, Direction = Direction.Outbound, State = "x", CreatedAt = default, UpdatedAt = default }, null, default));

        await store.UpdateAsync(parked with { Status = SagePostingStatus.Posted, SageOrderId = 77, SageDocumentNo = "0000077", NextAttemptAt = null, LockedRecord = null }, default);
        var found = await store.FindAsync("AMZ-PO2", default);
        Assert.Equal((SagePostingStatus.Posted, 77L, "0000077"), (found!.Status, found.SageOrderId!.Value, found.SageDocumentNo));

        await store.AppendTransitionAsync("AMZ-PO2", "attempting", default);
        await store.AppendTransitionAsync("AMZ-PO2", "posted", default);
        await using var db = await Harness.Get<IDbContextFactory<GatewayDbContext>>().CreateDbContextAsync();
        Assert.Equal(" attempting posted", await db.ErpPostings.Select(p => EF.Property<string?>(p, ErpPostingColumns.Transitions)).SingleAsync());
    }

    [Fact]
    public async Task WriteAsync_TokenRotated_LatestValueReadBackOneRow()
    {
        var tokens = new SageTokenStore(Harness.Get<IDbContextFactory<GatewayDbContext>>(), Harness.Clock);

        Assert.Null(await tokens.ReadAsync("sage200:site-1:1", default));
        await tokens.WriteAsync("sage200:site-1:1", "first", default);
        await tokens.WriteAsync("sage200:site-1:1", "second", default);
        await tokens.WriteAsync("sage200:site-2:1", "other", default);

        Assert.Equal("second", await tokens.ReadAsync("sage200:site-1:1", default));
        await using var db = await Harness.Get<IDbContextFactory<GatewayDbContext>>().CreateDbContextAsync();
        Assert.Equal(2, await db.ErpTokens.CountAsync());
    }
}

public sealed class SqliteSageStoresTests : SageStoresTests, IDisposable
{
    private readonly TempDirectory folder = new("edigw-sage-store");

    protected override Task<DatabaseOptions> CreateDatabaseAsync() =>
        Task.FromResult(new DatabaseOptions { Provider = "Sqlite", ConnectionString = $"Data Source={folder.Combine("edigateway.db")}" });

    public void Dispose() => folder.Dispose();
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresSageStoresTests(PostgresServer server) : SageStoresTests
{
    protected override async Task<DatabaseOptions> CreateDatabaseAsync() =>
        new() { Provider = "PostgreSql", ConnectionString = await server.CreateDatabaseAsync() };
}
