using EdiGateway.Flows.Warehouse;
using EdiGateway.Hosting;
using EdiGateway.Storage;
using EdiGateway.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EdiGateway.Tests.Flows;

/// <summary>The warehouse tables of migration 0008, run against each provider by the subclasses below.</summary>
public abstract class WarehouseStoreTests : IAsyncLifetime
{
    private StorageHarness? harness;

    private WarehouseStore Store => new(harness!.Get<IDbContextFactory<GatewayDbContext>>(), harness.Clock);

    protected abstract Task<DatabaseOptions> CreateDatabaseAsync();

    public async Task InitializeAsync() => harness = await StorageHarness.CreateAsync(await CreateDatabaseAsync());

    public async Task DisposeAsync() => await harness!.DisposeAsync();

    [Fact]
    public async Task AddOrGetFulfilmentAsync_SameOrderTwice_SecondGetsTheFirstRow()
    {
        var first = await Store.AddOrGetFulfilmentAsync(Fulfilment("{\"first\":true}"), default);
        var second = await Store.AddOrGetFulfilmentAsync(Fulfilment("{\"second\":true}"), default);

        Assert.Equal((first.Id, "{\"first\":true}", true), (second.Id, second.ReleasedJson, second.IsAmazonOrder));
        await Store.UpdateFulfilmentAsync(first.Id, r => (r.State, r.DespatchSetLineageId) = (FulfilmentStates.Despatched, 42), default);
        var byNumber = await Store.FindFulfilmentAsync("acme-3pl-test", "0000000007", default);
        Assert.Equal((FulfilmentStates.Despatched, 42L, 1L), (byNumber!.State, byNumber.DespatchSetLineageId, byNumber.Version));
    }

    [Fact]
    public async Task Snapshots_OnePerSet_NewestAsOfFirstWithTheDriftToThePenny()
    {
        await Store.AddOrGetSnapshotAsync(Snapshot(1, "2026-12-01", 13.5m), default);
        await Store.AddOrGetSnapshotAsync(Snapshot(2, "2026-12-02", 0.00001m), default);
        await Store.AddOrGetSnapshotAsync(Snapshot(2, "2026-12-02", 99m), default); // the same 846 again

        var history = await Store.SnapshotsAsync("acme-3pl-test", 10, default);
        Assert.Equal([("2026-12-02", 0.00001m), ("2026-12-01", 13.5m)], history.Select(s => (s.AsOf, s.AbsoluteDrift)));
    }

    [Fact]
    public async Task AddOrGetTransferAsync_SameReferenceTwice_CreatedOnce()
    {
        var (first, created) = await Store.AddOrGetTransferAsync(Transfer(), default);
        var (second, again) = await Store.AddOrGetTransferAsync(Transfer(), default);

        Assert.Equal((true, false, first.Id), (created, again, second.Id));
        await Store.UpdateTransferAsync(first.Id, t => t.State = "received", default);
        Assert.Equal("received", (await Store.FindTransferAsync("acme-3pl-test", StockTransferRecord.Transfer, "TR-1", default))!.State);
    }

    private static FulfilmentRecord Fulfilment(string released) => new()
    {
        PartnerId = "acme-3pl-test",
        SageOrderId = 7,
        SageDocumentNo = "0000000007",
        IsAmazonOrder = true,
        State = FulfilmentStates.Released,
        ReleasedJson = released,
    };

    private static StockParitySnapshot Snapshot(long lineage, string asOf, decimal drift) => new()
    {
        PartnerId = "acme-3pl-test",
        LineageId = lineage,
        Reference = "INV-" + asOf,
        AsOf = asOf,
        AbsoluteDrift = drift,
        LinesJson = "{}",
    };

    private static StockTransferRecord Transfer() => new() { PartnerId = "acme-3pl-test", Kind = StockTransferRecord.Transfer, Reference = "TR-1", State = "sent" };
}

/// <summary>On SQLite, the default database.</summary>
public sealed class SqliteWarehouseStoreTests : WarehouseStoreTests, IDisposable
{
    private readonly TempDirectory folder = new();

    protected override Task<DatabaseOptions> CreateDatabaseAsync() =>
        Task.FromResult(new DatabaseOptions { Provider = "Sqlite", ConnectionString = $"Data Source={folder.Combine("test.db")}" });

    public void Dispose() => folder.Dispose();
}

/// <summary>On a real PostgreSQL server.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresWarehouseStoreTests(PostgresServer server) : WarehouseStoreTests
{
    protected override async Task<DatabaseOptions> CreateDatabaseAsync() =>
        new() { Provider = "PostgreSql", ConnectionString = await server.CreateDatabaseAsync() };
}
