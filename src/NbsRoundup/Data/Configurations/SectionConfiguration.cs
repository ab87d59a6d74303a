using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NbsRoundup.Catalogue;

namespace NbsRoundup.Data.Configurations;

internal sealed class SectionConfiguration : IEntityTypeConfiguration<Section>
{
    public void Configure(EntityTypeBuilder<Section> builder)
    {
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.HasIndex(s => s.Key).IsUnique();
        builder.Property(s => s.Key).HasMaxLength(40);
        builder.Property(s => s.NameZh).HasMaxLength(100);
        builder.Property(s => s.NameEn).HasMaxLength(100);
        // Sections are reference data: the migration inserts them, code never creates any.
        builder.HasData(Section.All.Select(s => new { s.Id, s.Key, s.NameZh, s.NameEn, s.Position }));
    }
}
