using System.Text.Json;
using EdiGateway.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EdiGateway.Flows.Amazon;

/// <summary>States of an Amazon order as the gateway follows it.</summary>
public static class AmazonOrderStates
{
    /// <summary>Decided and handed to Sage; the 855 waits for the Sage order.</summary>
    public const string Posting = "posting";
    /// <summary>The Sage order exists and the 855 has gone (or every line was rejected and the 855 went alone).</summary>
    public const string Acknowledged = "acknowledged";
    /// <summary>At least one despatch has gone out as an 856.</summary>
    public const string Shipped = "shipped";
    /// <summary>The 810 has gone.</summary>
    public const string Invoiced = "invoiced";
}

/// <summary>
/// One Amazon PO, from its first 850 on (table <c>amazon_orders</c>, unique per partner and PO). <see cref="InputsJson"/>
/// holds the Sage prices and stock the decisions were made from, so a restart or a later step rebuilds exactly the same
/// decision from the stored 850; <see cref="AcknowledgementJson"/> holds the 855 decision as last sent when it changed.
/// </summary>
public sealed class AmazonOrderRecord
{
    public long Id { get; set; }
    public required string PartnerId { get; init; }
    public required string PurchaseOrderNumber { get; init; }
    /// <summary>The lineage row of the 850 transaction set the order follows: the first, then the latest that amended it.</summary>
    public required long SetLineageId { get; set; }
    /// <summary>Sage customer_document_no (prefix + PO): the posting key.</summary>
    public required string CustomerDocumentNo { get; init; }
    public required string State { get; set; }
    public required string InputsJson { get; set; }
    public long? SageOrderId { get; set; }
    public string? SageDocumentNo { get; set; }
    public string? AcknowledgementJson { get; set; }
    public DateTimeOffset? AcknowledgedAt { get; set; }
    /// <summary>Eaches shipped so far per PO101 (JSON object), counted against the 855 by every later 856.</summary>
    public string? ShippedJson { get; set; }
    /// <summary>When the first 856 went: the 810 is due <c>sla.invoiceDaysAfterAsn</c> days later.</summary>
    public DateTimeOffset? ShippedAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public long Version { get; set; }
}

/// <summary>An invoice number sent in an 810 (table <c>amazon_invoices</c>): unique per partner, forever.</summary>
public sealed class AmazonInvoiceRecord
{
    public long Id { get; set; }
    public required string PartnerId { get; init; }
    public required string InvoiceNumber { get; init; }
    public required long OrderId { get; init; }
    public long? LineageId { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>What the decisions of one PO were made from: Sage's price per each and stock per product, and when.</summary>
public sealed record AmazonDecisionInputs(DateTimeOffset DecidedAt, IReadOnlyDictionary<string, decimal> PricesPerEach,
    IReadOnlyDictionary<string, StockPosition> Availability)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static AmazonDecisionInputs FromJson(string json) =>
        JsonSerializer.Deserialize<AmazonDecisionInputs>(json, Json) ?? throw new InvalidDataException("amazon_orders.inputs_json is empty");

    /// <summary>A clock standing still at <see cref="DecidedAt"/>, so the rules decide as they did the first time.</summary>
    public TimeProvider Clock => new FixedClock(DecidedAt);

    private sealed class FixedClock(DateTimeOffset at) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => at;
    }
}

/// <summary>Reads and writes <see cref="AmazonOrderRecord"/>s; the unique index decides which 850 created a PO.</summary>
public sealed class AmazonOrders(IDbContextFactory<GatewayDbContext> factory, TimeProvider clock)
{
    public async Task<AmazonOrderRecord?> FindAsync(string partnerId, string purchaseOrderNumber, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Set<AmazonOrderRecord>().AsNoTracking()
            .SingleOrDefaultAsync(o => o.PartnerId == partnerId && o.PurchaseOrderNumber == purchaseOrderNumber, ct);
    }

    public async Task<AmazonOrderRecord?> FindByDocumentNoAsync(string customerDocumentNo, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Set<AmazonOrderRecord>().AsNoTracking().FirstOrDefaultAsync(o => o.CustomerDocumentNo == customerDocumentNo, ct);
    }

    public async Task<IReadOnlyList<AmazonOrderRecord>> InStateAsync(string state, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Set<AmazonOrderRecord>().AsNoTracking().Where(o => o.State == state).OrderBy(o => o.Id).ToListAsync(ct);
    }

    /// <summary>Adds the order, or returns the one already there for the same partner and PO (created by this set or an earlier one).</summary>
    public async Task<AmazonOrderRecord> AddOrGetAsync(AmazonOrderRecord record, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(record);
        try
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            var now = clock.GetUtcNow();
            record.CreatedAt = now;
            record.UpdatedAt = now;
            db.Set<AmazonOrderRecord>().Add(record);
            await db.SaveChangesAsync(ct);
            return record;
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            return await FindAsync(record.PartnerId, record.PurchaseOrderNumber, ct)
                   ?? throw new InvalidOperationException($"amazon_orders: PO {record.PurchaseOrderNumber} collided but cannot be read", ex);
        }
    }

    /// <summary>Applies <paramref name="change"/> to the stored row and saves it (optimistic: retried on a concurrent write).</summary>
    public Task<AmazonOrderRecord> UpdateAsync(long id, Action<AmazonOrderRecord> change, CancellationToken ct) =>
        OptimisticUpdate.ApplyAsync(factory, id, change, r => r.UpdatedAt = clock.GetUtcNow(), ct);

    /// <summary>Claims an invoice number for an order; false when the number was already used (for any order).</summary>
    public async Task<(bool Claimed, AmazonInvoiceRecord Existing)> ClaimInvoiceNumberAsync(string partnerId, string invoiceNumber, long orderId, CancellationToken ct)
    {
        var record = new AmazonInvoiceRecord { PartnerId = partnerId, InvoiceNumber = invoiceNumber, OrderId = orderId, CreatedAt = clock.GetUtcNow() };
        try
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            db.Set<AmazonInvoiceRecord>().Add(record);
            await db.SaveChangesAsync(ct);
            return (true, record);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            var existing = await db.Set<AmazonInvoiceRecord>().AsNoTracking().SingleAsync(i => i.PartnerId == partnerId && i.InvoiceNumber == invoiceNumber, ct);
            return (false, existing);
        }
    }

    /// <summary>The position (0, 1, ...) of an invoice among the order's invoices, by claim order: its 810's lineage ordinal.</summary>
    public async Task<int> InvoiceIndexAsync(long invoiceId, long orderId, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Set<AmazonInvoiceRecord>().CountAsync(i => i.OrderId == orderId && i.Id < invoiceId, ct);
    }

    /// <summary>Records which 810 lineage row carried the invoice number.</summary>
    public async Task SetInvoiceLineageAsync(long invoiceId, long lineageId, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var row = await db.Set<AmazonInvoiceRecord>().SingleAsync(i => i.Id == invoiceId, ct);
        row.LineageId = lineageId;
        await db.SaveChangesAsync(ct);
    }
}

internal sealed class AmazonOrderRecordConfiguration : IEntityTypeConfiguration<AmazonOrderRecord>
{
    public void Configure(EntityTypeBuilder<AmazonOrderRecord> builder)
    {
        builder.ToTable("amazon_orders");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Version).IsConcurrencyToken();
        builder.HasIndex(o => new { o.PartnerId, o.PurchaseOrderNumber }).IsUnique().HasDatabaseName("ux_amazon_orders_po");
    }
}

internal sealed class AmazonInvoiceRecordConfiguration : IEntityTypeConfiguration<AmazonInvoiceRecord>
{
    public void Configure(EntityTypeBuilder<AmazonInvoiceRecord> builder)
    {
        builder.ToTable("amazon_invoices");
        builder.HasKey(i => i.Id);
        builder.HasIndex(i => new { i.PartnerId, i.InvoiceNumber }).IsUnique().HasDatabaseName("ux_amazon_invoices_number");
    }
}
