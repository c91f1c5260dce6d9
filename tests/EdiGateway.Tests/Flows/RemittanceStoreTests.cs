using EdiGateway.Flows.Amazon.Remittances;
using EdiGateway.Hosting;
using EdiGateway.Storage;
using EdiGateway.Storage.Entities;
using EdiGateway.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EdiGateway.Tests.Flows;

/// <summary>The remittances tables of migration 0007, run against each provider by the subclasses below.</summary>
public abstract class RemittanceStoreTests : IAsyncLifetime
{
    private StorageHarness? harness;

    private StorageHarness Harness => harness!;

    protected abstract Task<DatabaseOptions> CreateDatabaseAsync();

    public async Task InitializeAsync() => harness = await StorageHarness.CreateAsync(await CreateDatabaseAsync());

    public async Task DisposeAsync() => await harness!.DisposeAsync();

    [Fact]
    public async Task CreateAsync_SameTraceTwice_SecondGetsTheFirstPlanAndItsSteps()
    {
        var store = new RemittanceStore(Harness.Get<IDbContextFactory<GatewayDbContext>>(), Harness.Clock);
        PlannedStep[] steps = [new(1, RemittancePoster.Receipt, 840.00m, "AMZBHX4", null, "AMZ820 R1"), new(2, RemittancePoster.Deduction, -12.3456m, "SI-1SCR", "4010", "AMZ820 D2")];

        var first = await store.CreateAsync(Record(10, "{\"first\":true}"), steps, default);
        var second = await store.CreateAsync(Record(11, "{\"second\":true}"), steps, default);

        Assert.Equal((first.Id, 10L, "{\"first\":true}", 754.50m), (second.Id, second.LineageEntryId, second.PlanJson, second.Paid));
        var stored = await store.StepsAsync(first.Id, default);
        Assert.Equal([(1, 840.00m, RemittanceStore.StepPending), (2, -12.3456m, RemittanceStore.StepPending)], stored.Select(s => (s.Ordinal, s.Amount, s.State)));

        await store.StartAsync(stored[1].Id, default);
        await store.DoneAsync(stored[1].Id, "77", null, default);
        await store.CompleteAsync(first.Id, default);
        var done = (await store.StepsAsync(first.Id, default))[1];
        Assert.Equal((RemittanceStore.StepDone, "77", 1), (done.State, done.SageUrn, done.Attempts));
        Assert.Equal(RemittanceStore.Posted, (await store.FindAsync("amazon-vc-test", "PAY0007001", default))!.State);
        Assert.Null(await store.FindAsync("amazon-vc-test", "PAY0007999", default));
    }

    private RemittanceRecord Record(long lineageId, string plan) => new()
    {
        PartnerId = "amazon-vc-test",
        TraceNumber = "PAY0007001",
        LineageEntryId = lineageId,
        Company = "site:1",
        State = RemittanceStore.Posting,
        Paid = 754.50m,
        Currency = "GBP",
        PlanJson = plan,
        CreatedAt = Harness.Clock.GetUtcNow(),
        UpdatedAt = Harness.Clock.GetUtcNow(),
    };
}

/// <summary>On SQLite, the default database.</summary>
public sealed class SqliteRemittanceStoreTests : RemittanceStoreTests, IDisposable
{
    private readonly TempDirectory folder = new();

    protected override Task<DatabaseOptions> CreateDatabaseAsync() =>
        Task.FromResult(new DatabaseOptions { Provider = "Sqlite", ConnectionString = $"Data Source={folder.Combine("test.db")}" });

    public void Dispose() => folder.Dispose();
}

/// <summary>On a real PostgreSQL server.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresRemittanceStoreTests(PostgresServer server) : RemittanceStoreTests
{
    protected override async Task<DatabaseOptions> CreateDatabaseAsync() =>
        new() { Provider = "PostgreSql", ConnectionString = await server.CreateDatabaseAsync() };
}
