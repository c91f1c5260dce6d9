using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EdiGateway.Sandbox.Storage;

/// <summary>One Sage record as JSON (snake_case, as Sage serves it) in the sandbox's SQLite file.</summary>
public sealed class SandboxRecord
{
    public string Resource { get; set; } = "";
    public long Id { get; set; }
    public string Json { get; set; } = "";
}

/// <summary>SQLite persistence of the sandbox company.</summary>
public sealed class SandboxDbContext(DbContextOptions<SandboxDbContext> options) : DbContext(options)
{
    public DbSet<SandboxRecord> Records => Set<SandboxRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.ApplyConfiguration(new SandboxRecordConfiguration());
}

/// <summary>Table "records", key (resource, id).</summary>
public sealed class SandboxRecordConfiguration : IEntityTypeConfiguration<SandboxRecord>
{
    public void Configure(EntityTypeBuilder<SandboxRecord> builder)
    {
        builder.ToTable("records");
        builder.HasKey(r => new { r.Resource, r.Id });
        builder.Property(r => r.Resource).HasMaxLength(64);
        builder.Property(r => r.Json).IsRequired();
    }
}
