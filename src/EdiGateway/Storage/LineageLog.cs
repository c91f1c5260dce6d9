using EdiGateway.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace EdiGateway.Storage;

/// <summary>
/// Writes and reads the lineage: every interchange, group, set, acknowledgement, outbound file and ERP posting,
/// linked parent to child. "Everything about PO X" finds the rows that carry the key and returns their whole trees.
/// </summary>
public sealed class LineageLog(IDbContextFactory<GatewayDbContext> factory, TimeProvider clock)
{
    /// <summary>Adds an entry (and any extra business keys); returns its id.</summary>
    public async Task<long> AddAsync(LineageEntry entry, IReadOnlyDictionary<string, string>? keys, CancellationToken ct, bool durable = false)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        entry.CreatedAt = entry.CreatedAt == default ? now : entry.CreatedAt;
        entry.UpdatedAt = now;
        var sqliteDurable = durable && db.Database.IsSqlite();
        if (sqliteDurable)
        {
            await db.Database.OpenConnectionAsync(ct);
            await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous=FULL;", ct);
        }

        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            db.Lineage.Add(entry);
            await db.SaveChangesAsync(ct);
            if (keys is { Count: > 0 })
            {
                foreach (var (name, value) in keys)
                {
                    db.LineageKeys.Add(new LineageKey { LineageEntryId = entry.Id, Name = name, Value = value });
                }

                await db.SaveChangesAsync(ct);
            }

            await tx.CommitAsync(ct);
        }
        finally
        {
            if (sqliteDurable)
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous=NORMAL;", CancellationToken.None);
            }
        }

        return entry.Id;
    }

    /// <summary>
    /// Records a numbered step under a parent (set 3 of an interchange, the 997 of an interchange) exactly once:
    /// a second call for the same (parent, kind, ordinal), e.g. after a crash and restart, returns the first row
    /// with <c>Created = false</c> and changes nothing.
    /// </summary>
    public async Task<(long Id, bool Created)> AddStepAsync(LineageEntry entry, IReadOnlyDictionary<string, string>? keys, CancellationToken ct)
    {
        if (entry.ParentId is null || entry.Ordinal is null)
        {
            throw new ArgumentException("A step needs a parent and an ordinal.", nameof(entry));
        }

        try
        {
            return (await AddAsync(entry, keys, ct), true);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            var id = await db.Lineage.Where(e => e.ParentId == entry.ParentId && e.Kind == entry.Kind && e.Ordinal == entry.Ordinal)
                .Select(e => e.Id).SingleAsync(ct);
            return (id, false);
        }
    }

    /// <summary>
    /// Records many numbered steps under one parent in one transaction (the sets of a group). Steps already
    /// recorded (a restart resuming) are left as they are; returns each step's id and current state, in order.
    /// </summary>
    public async Task<IReadOnlyList<(long Id, string State, bool Created)>> AddStepsAsync(long parentId, LineageKind kind, IReadOnlyList<LineageEntry> entries, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var ordinals = entries.Select(e => e.Ordinal!.Value).ToList();
        var existing = await db.Lineage.AsNoTracking()
            .Where(e => e.ParentId == parentId && e.Kind == kind && e.Ordinal != null && ordinals.Contains(e.Ordinal.Value))
            .Select(e => new { e.Id, e.State, Ordinal = e.Ordinal!.Value })
            .ToDictionaryAsync(e => e.Ordinal, ct);
        var now = clock.GetUtcNow();
        var added = new List<LineageEntry>();
        foreach (var entry in entries.Where(e => !existing.ContainsKey(e.Ordinal!.Value)))
        {
            entry.ParentId = parentId;
            entry.Kind = kind;
            entry.CreatedAt = entry.CreatedAt == default ? now : entry.CreatedAt;
            entry.UpdatedAt = now;
            added.Add(entry);
        }

        db.Lineage.AddRange(added);
        await db.SaveChangesAsync(ct);
        return [.. entries.Select(e => existing.TryGetValue(e.Ordinal!.Value, out var old) ? (old.Id, old.State, false) : (e.Id, e.State, true))];
    }

    /// <summary>Moves an entry from one state to another in one statement; false when it was not in <paramref name="from"/> (already done).</summary>
    public async Task<bool> TransitionAsync(long id, string from, string to, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var changed = await db.Lineage.Where(e => e.Id == id && e.State == from)
            .ExecuteUpdateAsync(u => u.SetProperty(e => e.State, to).SetProperty(e => e.UpdatedAt, now).SetProperty(e => e.Version, e => e.Version + 1), ct);
        return changed == 1;
    }

    /// <summary>Entries of a kind in one of the given states: the unfinished work a restart resumes.</summary>
    public async Task<IReadOnlyList<LineageEntry>> InStatesAsync(LineageKind kind, IReadOnlyCollection<string> states, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Lineage.AsNoTracking().Where(e => e.Kind == kind && states.Contains(e.State)).OrderBy(e => e.Id).ToListAsync(ct);
    }

    /// <summary>The children of an entry, in order.</summary>
    public async Task<IReadOnlyList<LineageEntry>> ChildrenAsync(long parentId, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Lineage.AsNoTracking().Where(e => e.ParentId == parentId).OrderBy(e => e.Kind).ThenBy(e => e.Ordinal).ThenBy(e => e.Id).ToListAsync(ct);
    }

    /// <summary>Moves an entry to a new state, with an error text when it failed.</summary>
    public async Task SetStateAsync(long id, string state, string? error, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var entry = await db.Lineage.SingleAsync(e => e.Id == id, ct);
        entry.State = state;
        entry.Error = error;
        entry.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Puts an invoice number (and its amount) on an entry, so the lineage can be searched by it.</summary>
    public async Task SetInvoiceNumberAsync(long id, string invoiceNumber, decimal? amount, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var entry = await db.Lineage.SingleAsync(e => e.Id == id, ct);
        entry.InvoiceNumber = invoiceNumber;
        entry.Amount = amount ?? entry.Amount;
        entry.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Names the partner of an entry once it is known (an interchange resubmitted after a profile fix).</summary>
    public async Task SetPartnerAsync(long id, string partnerId, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var entry = await db.Lineage.SingleAsync(e => e.Id == id, ct);
        entry.PartnerId = partnerId;
        entry.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
    }

    public async Task<LineageEntry?> GetAsync(long id, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Lineage.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, ct);
    }

    /// <summary>
    /// All entries whose business key or control number equals <paramref name="value"/> (PO, invoice, shipment,
    /// BOL, ISA13/GS06/ST02 or an extra key), with their ancestors and descendants, ordered by id.
    /// </summary>
    public async Task<IReadOnlyList<LineageEntry>> FindTreeAsync(string value, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var direct = await db.Lineage.AsNoTracking()
            .Where(e => e.PurchaseOrderNumber == value || e.InvoiceNumber == value || e.ShipmentId == value ||
                        e.BillOfLading == value || e.InterchangeControlNumber == value ||
                        e.GroupControlNumber == value || e.TransactionSetControlNumber == value ||
                        db.LineageKeys.Any(k => k.LineageEntryId == e.Id && k.Value == value))
            .Select(e => e.Id)
            .ToListAsync(ct);
        return await TreesAsync(db, direct, ct);
    }

    /// <summary>The entry with all its ancestors and descendants.</summary>
    public async Task<IReadOnlyList<LineageEntry>> TreeOfAsync(long id, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await TreesAsync(db, [id], ct);
    }

    private static async Task<IReadOnlyList<LineageEntry>> TreesAsync(GatewayDbContext db, List<long> seeds, CancellationToken ct)
    {
        var found = new Dictionary<long, LineageEntry>();
        var roots = new HashSet<long>();
        foreach (var seed in seeds)
        {
            long? current = seed;
            while (current is { } id && !found.ContainsKey(id))
            {
                var entry = await db.Lineage.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, ct);
                if (entry is null)
                {
                    break;
                }

                found[id] = entry;
                if (entry.ParentId is null)
                {
                    roots.Add(id);
                }

                current = entry.ParentId;
            }
        }

        var frontier = roots.Concat(found.Keys).Distinct().ToList();
        while (frontier.Count > 0)
        {
            var children = await db.Lineage.AsNoTracking().Where(e => e.ParentId != null && frontier.Contains(e.ParentId.Value)).ToListAsync(ct);
            frontier = [];
            foreach (var child in children)
            {
                if (found.TryAdd(child.Id, child))
                {
                    frontier.Add(child.Id);
                }
            }
        }

        return [.. found.Values.OrderBy(e => e.Id)];
    }
}
