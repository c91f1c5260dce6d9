using EdiGateway.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EdiGateway.Storage.Configurations;

internal sealed class As2MessageRecordConfiguration : IEntityTypeConfiguration<As2MessageRecord>
{
    public void Configure(EntityTypeBuilder<As2MessageRecord> builder)
    {
        builder.ToTable("as2_messages");
        builder.HasKey(m => m.Id);
        builder.HasIndex(m => new { m.SenderId, m.ReceiverId, m.MessageId }).IsUnique().HasDatabaseName("ux_as2_messages_key");
    }
}
