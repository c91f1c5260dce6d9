using EdiGateway.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EdiGateway.Storage.Configurations;

internal sealed class StoredDocumentConfiguration : IEntityTypeConfiguration<StoredDocument>
{
    public void Configure(EntityTypeBuilder<StoredDocument> builder)
    {
        builder.ToTable("documents");
        builder.HasKey(d => d.Sha256);
    }
}

internal sealed class LineageEntryConfiguration : IEntityTypeConfiguration<LineageEntry>
{
    public void Configure(EntityTypeBuilder<LineageEntry> builder)
    {
        builder.ToTable("lineage");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.HasIndex(e => e.ParentId);
        builder.HasIndex(e => e.PurchaseOrderNumber);
        builder.HasIndex(e => e.InvoiceNumber);
        builder.HasIndex(e => e.ShipmentId);
        builder.HasIndex(e => e.BillOfLading);
        builder.HasIndex(e => e.InterchangeControlNumber);
        builder.HasIndex(e => new { e.PartnerId, e.Flow, e.CreatedAt });
        builder.HasIndex(e => new { e.ParentId, e.Kind, e.Ordinal }).IsUnique().HasDatabaseName("ux_lineage_child");
        builder.HasIndex(e => e.DueAt);
    }
}

internal sealed class LineageKeyConfiguration : IEntityTypeConfiguration<LineageKey>
{
    public void Configure(EntityTypeBuilder<LineageKey> builder)
    {
        builder.ToTable("lineage_keys");
        builder.HasKey(k => k.Id);
        builder.HasIndex(k => new { k.Name, k.Value });
        builder.HasIndex(k => new { k.LineageEntryId, k.Name, k.Value }).IsUnique();
    }
}

internal sealed class InterchangeReceiptConfiguration : IEntityTypeConfiguration<InterchangeReceipt>
{
    public void Configure(EntityTypeBuilder<InterchangeReceipt> builder)
    {
        builder.ToTable("interchange_receipts");
        builder.HasKey(r => r.Id);
        builder.HasIndex(r => new { r.SenderQualifier, r.SenderId, r.ReceiverQualifier, r.ReceiverId, r.ControlNumber })
            .IsUnique()
            .HasDatabaseName("ux_interchange_receipts_envelope");
    }
}

internal sealed class ControlNumberCounterConfiguration : IEntityTypeConfiguration<ControlNumberCounter>
{
    public void Configure(EntityTypeBuilder<ControlNumberCounter> builder)
    {
        builder.ToTable("control_number_counters");
        builder.HasKey(c => new { c.PartnerId, c.Direction, c.Kind });
    }
}

internal sealed class IssuedControlNumberConfiguration : IEntityTypeConfiguration<IssuedControlNumber>
{
    public void Configure(EntityTypeBuilder<IssuedControlNumber> builder)
    {
        builder.ToTable("issued_control_numbers");
        builder.HasKey(c => c.Id);
        builder.HasIndex(c => new { c.PartnerId, c.Direction, c.Kind, c.Cycle, c.Value })
            .IsUnique()
            .HasDatabaseName("ux_issued_control_numbers");
    }
}

internal sealed class ExceptionEntryConfiguration : IEntityTypeConfiguration<ExceptionEntry>
{
    public void Configure(EntityTypeBuilder<ExceptionEntry> builder)
    {
        builder.ToTable("exceptions");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.HasIndex(e => new { e.State, e.Queue, e.CreatedAt });
        builder.HasIndex(e => e.PartnerId);
        builder.HasIndex(e => e.LineageEntryId);
        builder.HasIndex(e => e.DeduplicationKey).IsUnique().HasDatabaseName("ux_exceptions_dedup");
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("audit");
        builder.HasKey(a => a.Id);
        builder.HasIndex(a => new { a.EntityType, a.EntityId });
        builder.HasIndex(a => a.IdempotencyKey).IsUnique().HasDatabaseName("ux_audit_idempotency");
    }
}

internal sealed class ErpPostingConfiguration : IEntityTypeConfiguration<ErpPosting>
{
    public void Configure(EntityTypeBuilder<ErpPosting> builder)
    {
        builder.ToTable("erp_postings");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasIndex(p => new { p.System, p.Company, p.ExternalId }).IsUnique().HasDatabaseName("ux_erp_postings_external_id");
        builder.HasIndex(p => p.State);
    }
}

internal sealed class TransportReceiptConfiguration : IEntityTypeConfiguration<TransportReceipt>
{
    public void Configure(EntityTypeBuilder<TransportReceipt> builder)
    {
        builder.ToTable("transport_receipts");
        builder.HasKey(r => r.Id);
        builder.HasIndex(r => new { r.PartnerId, r.Transport, r.ReceiptKey }).IsUnique().HasDatabaseName("ux_transport_receipts_key");
        builder.HasIndex(r => new { r.PartnerId, r.Transport, r.ContentSha256 });
    }
}
