using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;

namespace EdiGateway.Sandbox.Storage;

/// <summary>
/// The sandbox company: every record in memory (fast views and filters) and written through to SQLite, so a
/// restarted sandbox keeps its ledger. One gate serialises writes, like a single Sage company database.
/// </summary>
public sealed class SageStore
{
    private readonly IDbContextFactory<SandboxDbContext> factory;
    private readonly Dictionary<string, SortedDictionary<long, JsonObject>> tables = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> nextIds = new(StringComparer.Ordinal);
    private const string CountersResource = "_counters";
    private readonly HashSet<(string, long)> dirty = [];
    private bool countersDirty;

    public SageStore(IDbContextFactory<SandboxDbContext> factory)
    {
        this.factory = factory;
        using var db = factory.CreateDbContext();
        db.Database.EnsureCreated();
        db.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;");
        foreach (var r in db.Records.AsNoTracking())
        {
            if (r.Resource == CountersResource)
            {
                foreach (var (name, next) in (JsonObject)JsonNode.Parse(r.Json)!)
                {
                    nextIds[name] = Math.Max(nextIds.GetValueOrDefault(name, 1), next!.GetValue<long>());
                }

                continue;
            }

            Table(r.Resource)[r.Id] = (JsonObject)JsonNode.Parse(r.Json)!;
            nextIds[r.Resource] = Math.Max(nextIds.GetValueOrDefault(r.Resource, 1), r.Id + 1);
        }
    }

    /// <summary>The write gate; hold it for any read-modify-write.</summary>
    public SemaphoreSlim Gate { get; } = new(1, 1);

    public bool IsEmpty => tables.Count == 0;

    public IReadOnlyCollection<JsonObject> All(string resource) => Table(resource).Values;

    public JsonObject? Get(string resource, long id) => Table(resource).GetValueOrDefault(id);

    /// <summary>Allocates an id (ids start high, like a real company, so tests do not confuse them with counts).</summary>
    public long NextId(string resource, long start = -1)
    {
        var id = nextIds.GetValueOrDefault(resource, start > 0 ? start : 1000 + (resource.Sum(c => c) % 90 * 1000));
        nextIds[resource] = id + 1;
        countersDirty = true;
        return id;
    }

    /// <summary>Inserts or replaces in memory and marks the record for <see cref="CommitAsync"/>.</summary>
    public void Put(string resource, long id, JsonObject record)
    {
        Table(resource)[id] = record;
        dirty.Add((resource, id));
    }

    /// <summary>Writes every changed record in one SQLite transaction.</summary>
    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        if (dirty.Count == 0 && !countersDirty)
        {
            return;
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await db.Database.BeginTransactionAsync(CancellationToken.None).ConfigureAwait(false);
        if (countersDirty)
        {
            var counters = new JsonObject();
            foreach (var (name, next) in nextIds)
            {
                counters[name] = next;
            }

            await UpsertAsync(db, CountersResource, 1, counters.ToJsonString()).ConfigureAwait(false);
            countersDirty = false;
        }

        foreach (var (resource, id) in dirty)
        {
            await UpsertAsync(db, resource, id, Table(resource)[id].ToJsonString()).ConfigureAwait(false);
        }

        dirty.Clear();
        await tx.CommitAsync(CancellationToken.None).ConfigureAwait(false);
    }

    private static Task<int> UpsertAsync(SandboxDbContext db, string resource, long id, string json) =>
        db.Database.ExecuteSqlAsync(
            $"INSERT INTO records (Resource, Id, Json) VALUES ({resource}, {id}, {json}) ON CONFLICT (Resource, Id) DO UPDATE SET Json = excluded.Json",
            CancellationToken.None);

    private SortedDictionary<long, JsonObject> Table(string resource)
    {
        if (!tables.TryGetValue(resource, out var t))
        {
            t = [];
            tables[resource] = t;
        }

        return t;
    }
}
