using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NbsRoundup.Auditing;

namespace NbsRoundup.Data.Configurations;

internal sealed class ChangeSetConfiguration : IEntityTypeConfiguration<ChangeSet>
{
    public void Configure(EntityTypeBuilder<ChangeSet> builder)
    {
        builder.Property(c => c.Actor).HasMaxLength(300);
        builder.Property(c => c.Description).HasMaxLength(500);
        builder.Property(c => c.File).HasMaxLength(500);
        builder.HasIndex(c => c.At);
        builder.HasMany(c => c.Changes).WithOne().HasForeignKey(f => f.ChangeSetId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Changes).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class FieldChangeConfiguration : IEntityTypeConfiguration<FieldChange>
{
    public void Configure(EntityTypeBuilder<FieldChange> builder)
    {
        builder.Property(f => f.EntityKind).HasMaxLength(20);
        builder.Property(f => f.EntityKey).HasMaxLength(100);
        builder.Property(f => f.Field).HasMaxLength(100);
        builder.HasIndex(f => new { f.EntityKind, f.EntityKey });
    }
}
