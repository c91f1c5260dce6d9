using EdiGateway.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EdiGateway.Storage.Configurations;

internal sealed class RemittanceRecordConfiguration : IEntityTypeConfiguration<RemittanceRecord>
{
    public void Configure(EntityTypeBuilder<RemittanceRecord> builder)
    {
        builder.ToTable("remittances");
        builder.HasKey(r => r.Id);
        builder.HasIndex(r => new { r.PartnerId, r.TraceNumber }).IsUnique().HasDatabaseName("ux_remittances_trace");
        builder.Property(r => r.Version).IsConcurrencyToken();
    }
}

internal sealed class RemittanceStepConfiguration : IEntityTypeConfiguration<RemittanceStep>
{
    public void Configure(EntityTypeBuilder<RemittanceStep> builder)
    {
        builder.ToTable("remittance_steps");
        builder.HasKey(s => s.Id);
        builder.HasIndex(s => new { s.RemittanceId, s.Ordinal }).IsUnique().HasDatabaseName("ux_remittance_steps_ordinal");
    }
}
