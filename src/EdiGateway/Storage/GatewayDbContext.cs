using EdiGateway.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace EdiGateway.Storage;

/// <summary>
/// The gateway's database: lineage, duplicate guards, control numbers, the exception queue, audit and ERP postings.
/// The schema is owned by the versioned SQL migrations in <c>Storage/Migrations</c>, not by EF.
/// </summary>
public sealed class GatewayDbContext(DbContextOptions<GatewayDbContext> options) : DbContext(options)
{
    public DbSet<StoredDocument> Documents => Set<StoredDocument>();

    public DbSet<LineageEntry> Lineage => Set<LineageEntry>();

    public DbSet<LineageKey> LineageKeys => Set<LineageKey>();

    public DbSet<InterchangeReceipt> InterchangeReceipts => Set<InterchangeReceipt>();

    public DbSet<ControlNumberCounter> ControlNumberCounters => Set<ControlNumberCounter>();

    public DbSet<IssuedControlNumber> IssuedControlNumbers => Set<IssuedControlNumber>();

    public DbSet<ExceptionEntry> Exceptions => Set<ExceptionEntry>();

    public DbSet<AuditEntry> Audit => Set<AuditEntry>();

    public DbSet<ErpPosting> ErpPostings => Set<ErpPosting>();

    public DbSet<TransportReceipt> TransportReceipts => Set<TransportReceipt>();

    public DbSet<ErpToken> ErpTokens => Set<ErpToken>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(GatewayDbContext).Assembly);
        SnakeCaseNaming.Apply(modelBuilder);
        if (Database.IsSqlite())
        {
            SqliteStorageTypes.Apply(modelBuilder);
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        BumpVersions();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        BumpVersions();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    private void BumpVersions()
    {
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State == EntityState.Modified && entry.Metadata.FindProperty("Version") is { } version)
            {
                entry.Property(version.Name).CurrentValue = (long)entry.Property(version.Name).CurrentValue! + 1;
            }
        }
    }
}
