using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NbsRoundup.Data.Configurations;

internal sealed class IndexVersionConfiguration : IEntityTypeConfiguration<IndexVersion>
{
    public void Configure(EntityTypeBuilder<IndexVersion> builder)
    {
        builder.ToTable("IndexVersions");
        builder.HasKey(v => v.Name);
        builder.Property(v => v.Name).HasMaxLength(100);
    }
}
