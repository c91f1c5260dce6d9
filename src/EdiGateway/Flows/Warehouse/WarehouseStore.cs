using EdiGateway.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EdiGateway.Flows.Warehouse;

/// <summary>States of a Sage order released to a 3PL.</summary>
public static class FulfilmentStates
{
    /// <summary>The 940 is built and recorded; it waits for the outbound gate (refused by the guide, or the transport).</summary>
    public const string Releasing = "releasing";
    /// <summary>The 940 has gone; the 945 is awaited.</summary>
    public const string Released = "released";
    /// <summary>A 945's despatch is being written to Sage (the open lines before it are kept, so a retry never posts twice).</summary>
    public const string Despatching = "despatching";
    /// <summary>Sage has recorded the despatch of the 945.</summary>
    public const string Despatched = "despatched";
}

/// <summary>
/// A Sage order released to a 3PL (table <c>warehouse_fulfilments</c>, unique per 3PL and Sage order): the 940's
/// <see cref="ReleasedOrder"/> as JSON (the 945 is matched against it), the Sage lines open before the
/// despatch and what Sage recorded (lines shipped, short and why).
/// </summary>
public sealed class FulfilmentRecord
{
    public long Id { get; set; }
    public required string PartnerId { get; init; }
    public required long SageOrderId { get; init; }
    public required string SageDocumentNo { get; init; }
    public string? CustomerDocumentNo { get; init; }
    public bool IsAmazonOrder { get; init; }
    public required string State { get; set; }
    public required string ReleasedJson { get; set; }
    /// <summary>The lineage row of the release (parent of the 940).</summary>
    public long? ReleaseLineageId { get; set; }
    public long? OutboundLineageId { get; set; }
    /// <summary>The 945 set whose despatch Sage recorded (or is recording).</summary>
    public long? DespatchSetLineageId { get; set; }
    public string? OpenLinesJson { get; set; }
    public string? DespatchJson { get; set; }
    public DateTimeOffset? ReleasedAt { get; set; }
    public DateTimeOffset? DespatchedAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public long Version { get; set; }
}

/// <summary>One 846's stock parity report (table <c>warehouse_stock_parity</c>): the lines as JSON and the figures a trend plots.</summary>
public sealed class StockParitySnapshot
{
    public long Id { get; set; }
    public required string PartnerId { get; init; }
    public required long LineageId { get; init; }
    public required string Reference { get; init; }
    /// <summary>As-of date, yyyy-MM-dd.</summary>
    public required string AsOf { get; init; }
    public string? AsOfTime { get; init; }
    public int LineCount { get; init; }
    public int DriftingLines { get; init; }
    public int ExceptionCount { get; init; }
    public decimal AbsoluteDrift { get; init; }
    public required string LinesJson { get; init; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>
/// Stock announced to a 3PL (kind <c>transfer</c>: the 943's expectation, answered by a 944) or a 3PL's adjustment
/// (kind <c>adjustment</c>: a 947 by W1502), table <c>warehouse_transfers</c>, unique per 3PL, kind and reference.
/// </summary>
public sealed class StockTransferRecord
{
    public const string Transfer = "transfer";
    public const string Adjustment = "adjustment";

    public long Id { get; set; }
    public required string PartnerId { get; init; }
    public required string Kind { get; init; }
    public required string Reference { get; init; }
    public required string State { get; set; }
    public string? ExpectationJson { get; set; }
    public long? OutboundLineageId { get; set; }
    public long? InboundLineageId { get; set; }
    public string? ResultJson { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public long Version { get; set; }
}

/// <summary>Reads and writes the warehouse tables; unique indexes decide which writer created a row.</summary>
public sealed class WarehouseStore(IDbContextFactory<GatewayDbContext> factory, TimeProvider clock)
{
    public async Task<FulfilmentRecord?> FindFulfilmentAsync(string partnerId, long sageOrderId, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Set<FulfilmentRecord>().AsNoTracking().SingleOrDefaultAsync(f => f.PartnerId == partnerId && f.SageOrderId == sageOrderId, ct);
    }

    public async Task<FulfilmentRecord?> FindFulfilmentAsync(string partnerId, string sageDocumentNo, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Set<FulfilmentRecord>().AsNoTracking().Where(f => f.PartnerId == partnerId && f.SageDocumentNo == sageDocumentNo)
            .OrderByDescending(f => f.Id).FirstOrDefaultAsync(ct);
    }

    /// <summary>Adds the row, or returns the one already there for the same 3PL and Sage order.</summary>
    public async Task<FulfilmentRecord> AddOrGetFulfilmentAsync(FulfilmentRecord record, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(record);
        try
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            record.CreatedAt = record.UpdatedAt = clock.GetUtcNow();
            db.Set<FulfilmentRecord>().Add(record);
            await db.SaveChangesAsync(ct);
            return record;
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            return await FindFulfilmentAsync(record.PartnerId, record.SageOrderId, ct)
                   ?? throw new InvalidOperationException($"warehouse_fulfilments: order {record.SageOrderId} collided but cannot be read", ex);
        }
    }

    /// <summary>Applies <paramref name="change"/> to the stored row (optimistic, retried on a concurrent write).</summary>
    public Task<FulfilmentRecord> UpdateFulfilmentAsync(long id, Action<FulfilmentRecord> change, CancellationToken ct) =>
        UpdateAsync(id, change, r => r.UpdatedAt = clock.GetUtcNow(), ct);

    public async Task<StockParitySnapshot> AddOrGetSnapshotAsync(StockParitySnapshot snapshot, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        try
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            snapshot.CreatedAt = clock.GetUtcNow();
            db.Set<StockParitySnapshot>().Add(snapshot);
            await db.SaveChangesAsync(ct);
            return snapshot;
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            return await db.Set<StockParitySnapshot>().AsNoTracking().SingleAsync(s => s.PartnerId == snapshot.PartnerId && s.LineageId == snapshot.LineageId, ct);
        }
    }

    /// <summary>A 3PL's parity snapshots, newest first.</summary>
    public async Task<IReadOnlyList<StockParitySnapshot>> SnapshotsAsync(string partnerId, int take, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Set<StockParitySnapshot>().AsNoTracking().Where(s => s.PartnerId == partnerId)
            .OrderByDescending(s => s.AsOf).ThenByDescending(s => s.Id).Take(take).ToListAsync(ct);
    }

    public async Task<StockTransferRecord?> FindTransferAsync(string partnerId, string kind, string reference, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Set<StockTransferRecord>().AsNoTracking().SingleOrDefaultAsync(t => t.PartnerId == partnerId && t.Kind == kind && t.Reference == reference, ct);
    }

    /// <summary>Adds the row, or returns the one already there for the same 3PL, kind and reference.</summary>
    public async Task<(StockTransferRecord Record, bool Created)> AddOrGetTransferAsync(StockTransferRecord record, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(record);
        try
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            record.CreatedAt = record.UpdatedAt = clock.GetUtcNow();
            db.Set<StockTransferRecord>().Add(record);
            await db.SaveChangesAsync(ct);
            return (record, true);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            return (await FindTransferAsync(record.PartnerId, record.Kind, record.Reference, ct)
                    ?? throw new InvalidOperationException($"warehouse_transfers: {record.Reference} collided but cannot be read", ex), false);
        }
    }

    public Task<StockTransferRecord> UpdateTransferAsync(long id, Action<StockTransferRecord> change, CancellationToken ct) =>
        UpdateAsync(id, change, r => r.UpdatedAt = clock.GetUtcNow(), ct);

    private Task<T> UpdateAsync<T>(long id, Action<T> change, Action<T> touch, CancellationToken ct)
        where T : class => OptimisticUpdate.ApplyAsync(factory, id, change, touch, ct);
}

internal sealed class FulfilmentRecordConfiguration : IEntityTypeConfiguration<FulfilmentRecord>
{
    public void Configure(EntityTypeBuilder<FulfilmentRecord> builder)
    {
        builder.ToTable("warehouse_fulfilments");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Version).IsConcurrencyToken();
        builder.HasIndex(f => new { f.PartnerId, f.SageOrderId }).IsUnique().HasDatabaseName("ux_warehouse_fulfilments_order");
    }
}

internal sealed class StockParitySnapshotConfiguration : IEntityTypeConfiguration<StockParitySnapshot>
{
    public void Configure(EntityTypeBuilder<StockParitySnapshot> builder)
    {
        builder.ToTable("warehouse_stock_parity");
        builder.HasKey(s => s.Id);
        builder.HasIndex(s => new { s.PartnerId, s.LineageId }).IsUnique().HasDatabaseName("ux_warehouse_stock_parity_set");
    }
}

internal sealed class StockTransferRecordConfiguration : IEntityTypeConfiguration<StockTransferRecord>
{
    public void Configure(EntityTypeBuilder<StockTransferRecord> builder)
    {
        builder.ToTable("warehouse_transfers");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.HasIndex(t => new { t.PartnerId, t.Kind, t.Reference }).IsUnique().HasDatabaseName("ux_warehouse_transfers_reference");
    }
}
