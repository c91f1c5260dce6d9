using EdiGateway.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EdiGateway.Storage.Configurations;

internal sealed class ErpTokenConfiguration : IEntityTypeConfiguration<ErpToken>
{
    public void Configure(EntityTypeBuilder<ErpToken> builder)
    {
        builder.ToTable("erp_tokens");
        builder.HasKey(t => t.TokenKey);
    }
}

/// <summary>
/// The columns migration 0005 added to erp_postings for the Sage posting engine, as shadow properties (read and
/// written by <c>Sage/SageIdempotencyStore</c> through <see cref="ErpPostingColumns"/>).
/// </summary>
internal sealed class ErpPostingSageColumnsConfiguration : IEntityTypeConfiguration<ErpPosting>
{
    public void Configure(EntityTypeBuilder<ErpPosting> builder)
    {
        builder.Property<string?>(ErpPostingColumns.PostingJson);
        builder.Property<DateTimeOffset?>(ErpPostingColumns.NextAttemptAt);
        builder.Property<string?>(ErpPostingColumns.LockedRecord);
        builder.Property<string?>(ErpPostingColumns.ErpDocumentNo);
        builder.Property<string?>(ErpPostingColumns.Transitions);
        builder.HasIndex(ErpPostingColumns.System, ErpPostingColumns.Company, ErpPostingColumns.State).HasDatabaseName("ix_erp_postings_company_state");
    }
}

/// <summary>Names of the erp_postings shadow properties (snake_cased to the migration's columns).</summary>
internal static class ErpPostingColumns
{
    public const string PostingJson = "PostingJson";
    public const string NextAttemptAt = "NextAttemptAt";
    public const string LockedRecord = "LockedRecord";
    public const string ErpDocumentNo = "ErpDocumentNo";
    public const string Transitions = "Transitions";
    public const string System = nameof(ErpPosting.System);
    public const string Company = nameof(ErpPosting.Company);
    public const string State = nameof(ErpPosting.State);
}
