using System.Text;
using EdiGateway.Hosting;
using EdiGateway.Storage;
using EdiGateway.Storage.Entities;
using EdiGateway.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EdiGateway.Tests.Storage;

/// <summary>The storage contract, run against each provider by the subclasses below.</summary>
public abstract class StorageTests : IAsyncLifetime
{
    private StorageHarness? harness;

    protected StorageHarness Harness => harness!;

    protected abstract Task<DatabaseOptions> CreateDatabaseAsync();

    public async Task InitializeAsync() => harness = await StorageHarness.CreateAsync(await CreateDatabaseAsync());

    public async Task DisposeAsync() => await harness!.DisposeAsync();

    [Fact]
    public async Task StoreAsync_SameBytesTwice_OneRowAndDuplicateResult()
    {
        var store = Harness.Get<IDocumentStore>();
        var bytes = Encoding.ASCII.GetBytes("ISA*00*          *00*          *ZZ*AMAZON         *ZZ*ACMEVENDOR     *261201*0930*U*00401*000000101*0*T*>~");

        var first = await store.StoreAsync(new MemoryStream(bytes), new DocumentInfo("application/edi-x12", "po.edi"), default);
        var second = await store.StoreAsync(new MemoryStream(bytes), new DocumentInfo("application/edi-x12", "po-again.edi"), default);

        Assert.False(first.AlreadyStored);
        Assert.True(second.AlreadyStored);
        Assert.Equal(first.Sha256, second.Sha256);
        Assert.Equal(bytes.Length, first.Length);
        await using var db = await Harness.Get<IDbContextFactory<GatewayDbContext>>().CreateDbContextAsync();
        Assert.Equal(1, await db.Documents.CountAsync());
        Assert.True(await store.VerifyAsync(first.Sha256, default));
        await using var read = store.OpenRead(first.Sha256);
        using var copy = new MemoryStream();
        await read.CopyToAsync(copy);
        Assert.Equal(bytes, copy.ToArray());
    }

    [Fact]
    public async Task RegisterAsync_SameEnvelopeTwice_OneReceiptAndDuplicateOfTheFirst()
    {
        var registry = Harness.Get<InterchangeRegistry>();
        var sha = await StoreTextAsync("first copy");
        var otherSha = await StoreTextAsync("second copy, same envelope");
        var key = InterchangeEnvelopeKey.FromIsa("ZZ", "AMAZON         ", "ZZ", "ACMEVENDOR     ", "000000101");

        var first = await registry.RegisterAsync(key, sha, "amazon-vc-test", default);
        var second = await registry.RegisterAsync(key, otherSha, "amazon-vc-test", default);
        var otherNumber = await registry.RegisterAsync(key with { ControlNumber = "000000102" }, otherSha, "amazon-vc-test", default);

        Assert.False(first.IsDuplicate);
        Assert.True(second.IsDuplicate);
        Assert.Equal(first.LineageEntryId, second.LineageEntryId);
        Assert.Equal(sha, second.OriginalDocumentSha256);
        Assert.False(otherNumber.IsDuplicate);
        await using var db = await Harness.Get<IDbContextFactory<GatewayDbContext>>().CreateDbContextAsync();
        Assert.Equal(2, await db.InterchangeReceipts.CountAsync());
        Assert.Equal(2, await db.Lineage.CountAsync(e => e.Kind == LineageKind.Interchange));
    }

    [Fact]
    public async Task NextAsync_EightConcurrentWriters_EveryNumberUniqueAndGapless()
    {
        var allocator = Harness.Get<ControlNumberAllocator>();
        const int writers = 8;
        const int each = 40;

        var results = await Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(async () =>
        {
            var mine = new List<long>();
            for (var i = 0; i < each; i++)
            {
                mine.Add((await allocator.NextAsync("amazon-vc-test", Direction.Outbound, ControlNumberKind.Interchange, default)).Value);
            }

            return mine;
        })));

        var all = results.SelectMany(r => r).Order().ToList();
        Assert.Equal(Enumerable.Range(1, writers * each).Select(i => (long)i), all);
    }

    [Fact]
    public async Task NextAsync_AtTheMaximum_WrapsToOneInTheNextCycle()
    {
        var allocator = Harness.Get<ControlNumberAllocator>();
        await allocator.SeedAsync("acme-3pl-test", Direction.Outbound, ControlNumberKind.Interchange, ControlNumberAllocator.MaxValue - 1, default);

        var last = await allocator.NextAsync("acme-3pl-test", Direction.Outbound, ControlNumberKind.Interchange, default);
        var wrapped = await allocator.NextAsync("acme-3pl-test", Direction.Outbound, ControlNumberKind.Interchange, default);

        Assert.Equal("999999999", last.ToString());
        Assert.Equal(0, last.Cycle);
        Assert.Equal("000000001", wrapped.ToString());
        Assert.Equal(1, wrapped.Cycle);
    }

    [Fact]
    public async Task NextAsync_KindsAndPartnersAndDirections_CountIndependently()
    {
        var allocator = Harness.Get<ControlNumberAllocator>();
        var isa = await allocator.NextAsync("p1", Direction.Outbound, ControlNumberKind.Interchange, default);
        var gs = await allocator.NextAsync("p1", Direction.Outbound, ControlNumberKind.Group, default);
        var st = await allocator.NextAsync("p1", Direction.Outbound, ControlNumberKind.TransactionSet, default);
        var otherPartner = await allocator.NextAsync("p2", Direction.Outbound, ControlNumberKind.Interchange, default);

        Assert.All(new[] { isa, gs, st, otherPartner }, n => Assert.Equal(1, n.Value));
        Assert.Equal("0001", st.ToString());
        Assert.Equal("1", gs.ToString());
    }

    [Fact]
    public async Task MigrateAsync_RunTwice_AppliesNothingTheSecondTimeAndSchemaIsCurrent()
    {
        var migrator = Harness.Get<SchemaMigrator>();

        var applied = await migrator.MigrateAsync(default);
        var status = await migrator.GetStatusAsync(default);

        Assert.Empty(applied);
        Assert.True(status.IsCurrent);
        Assert.Equal(migrator.LatestVersion, status.CurrentVersion);
    }

    [Fact]
    public async Task MigrateAsync_AppliedScriptChanged_RefusesWithTheMigrationNamed()
    {
        await using (var db = await Harness.Get<IDbContextFactory<GatewayDbContext>>().CreateDbContextAsync())
        {
            await db.Database.ExecuteSqlRawAsync("UPDATE schema_migrations SET checksum = 'tampered' WHERE version = 1");
        }

        var problem = await Assert.ThrowsAsync<StartupProblem>(() => Harness.Get<SchemaMigrator>().MigrateAsync(default));

        Assert.Contains("Schema migration 1 (initial)", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RaiseAsync_SameDeduplicationKeyTwice_OneEntry()
    {
        var queue = Harness.Get<ExceptionQueue>();

        var first = await queue.RaiseAsync(NewException("lineage:7:x12.envelope"), default);
        var second = await queue.RaiseAsync(NewException("lineage:7:x12.envelope"), default);

        Assert.Equal(first, second);
        await using var db = await Harness.Get<IDbContextFactory<GatewayDbContext>>().CreateDbContextAsync();
        Assert.Equal(1, await db.Exceptions.CountAsync());
    }

    [Fact]
    public async Task TransitionAsync_DismissWithoutReason_IsRefused()
    {
        var queue = Harness.Get<ExceptionQueue>();
        var id = await queue.RaiseAsync(NewException(null), default);

        var result = await queue.TransitionAsync(id, ExceptionState.Dismissed, "ops@acme", "  ", "req-1", default);

        Assert.Equal(ExceptionTransitionOutcome.ReasonRequired, result.Outcome);
        Assert.Equal(ExceptionState.Open, (await queue.GetAsync(id, default))!.State);
    }

    [Fact]
    public async Task TransitionAsync_SameRequestTwice_OneAuditRowWithBeforeAndAfter()
    {
        var queue = Harness.Get<ExceptionQueue>();
        var id = await queue.RaiseAsync(NewException(null), default);

        var first = await queue.TransitionAsync(id, ExceptionState.Dismissed, "ops@acme", "test order, Amazon confirmed", "req-2", default);
        var again = await queue.TransitionAsync(id, ExceptionState.Dismissed, "ops@acme", "test order, Amazon confirmed", "req-2", default);

        Assert.Equal(ExceptionTransitionOutcome.Done, first.Outcome);
        Assert.Equal(ExceptionTransitionOutcome.AlreadyDone, again.Outcome);
        await using var db = await Harness.Get<IDbContextFactory<GatewayDbContext>>().CreateDbContextAsync();
        var audit = await db.Audit.SingleAsync();
        Assert.Equal("ops@acme", audit.Actor);
        Assert.Equal("exception.dismissed", audit.Action);
        Assert.Contains("Open", audit.BeforeJson, StringComparison.Ordinal);
        Assert.Contains("Dismissed", audit.AfterJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FindTreeAsync_PurchaseOrderNumber_ReturnsTheWholeTreeFromInterchangeToPosting()
    {
        var log = Harness.Get<LineageLog>();
        var now = Harness.Clock.GetUtcNow();
        var interchange = await log.AddAsync(Entry(LineageKind.Interchange, null, now), null, default);
        var group = await log.AddAsync(Entry(LineageKind.FunctionalGroup, interchange, now), null, default);
        var set = await log.AddAsync(Entry(LineageKind.TransactionSet, group, now, po: "PO123456"), null, default);
        var posting = await log.AddAsync(Entry(LineageKind.ErpPosting, set, now), new Dictionary<string, string> { ["sageOrderNumber"] = "SO-0042" }, default);
        await log.AddAsync(Entry(LineageKind.Interchange, null, now), null, default);

        var byPo = await log.FindTreeAsync("PO123456", default);
        var bySageOrder = await log.FindTreeAsync("SO-0042", default);

        Assert.Equal([interchange, group, set, posting], byPo.Select(e => e.Id));
        Assert.Equal(byPo.Select(e => e.Id), bySageOrder.Select(e => e.Id));
    }

    private async Task<string> StoreTextAsync(string text) =>
        (await Harness.Get<IDocumentStore>().StoreAsync(new MemoryStream(Encoding.UTF8.GetBytes(text)), new DocumentInfo(), default)).Sha256;

    private static ExceptionEntry NewException(string? dedup) => new()
    {
        Queue = "ops",
        PartnerId = "amazon-vc-test",
        Flow = "amazon-850",
        ReasonCode = "x12.element.invalid-code",
        Message = "PO1 line 3 (segment 14), element PO103 unit of measure 'CS' is not in Amazon's list (EA, CA)",
        Severity = Severity.Error,
        SegmentOrdinal = 14,
        SegmentId = "PO1",
        ElementPosition = 3,
        ValueAtRisk = 1234.56m,
        Currency = "GBP",
        DeduplicationKey = dedup,
        CreatedAt = default,
        UpdatedAt = default,
    };

    private static LineageEntry Entry(LineageKind kind, long? parent, DateTimeOffset now, string? po = null) => new()
    {
        Kind = kind,
        ParentId = parent,
        Direction = Direction.Inbound,
        PartnerId = "amazon-vc-test",
        State = LineageStates.Received,
        PurchaseOrderNumber = po,
        CreatedAt = now,
        UpdatedAt = now,
    };
}

/// <summary>The storage contract on SQLite, the default database.</summary>
public sealed class SqliteStorageTests : StorageTests, IDisposable
{
    private readonly TempDirectory folder = new();

    protected override Task<DatabaseOptions> CreateDatabaseAsync() =>
        Task.FromResult(new DatabaseOptions { Provider = "Sqlite", ConnectionString = $"Data Source={folder.Combine("test.db")}" });

    public void Dispose() => folder.Dispose();
}

/// <summary>The storage contract on a real PostgreSQL server.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresStorageTests(PostgresServer server) : StorageTests
{
    protected override async Task<DatabaseOptions> CreateDatabaseAsync() =>
        new() { Provider = "PostgreSql", ConnectionString = await server.CreateDatabaseAsync() };
}
