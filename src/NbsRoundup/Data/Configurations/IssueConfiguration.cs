using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NbsRoundup.Catalogue;

namespace NbsRoundup.Data.Configurations;

internal sealed class IssueConfiguration : IEntityTypeConfiguration<Issue>
{
    public void Configure(EntityTypeBuilder<Issue> builder)
    {
        builder.HasIndex(i => i.Slug).IsUnique();
        builder.Property(i => i.Version).IsConcurrencyToken();
        builder.Property(i => i.Slug).HasMaxLength(100);
        builder.Property(i => i.Title).HasMaxLength(300);
        builder.Property(i => i.TitleEn).HasMaxLength(300);
        builder.Property(i => i.Publisher).HasMaxLength(300);
        builder.Ignore(i => i.Details);
        builder.HasMany(i => i.Entries).WithOne(e => e.Issue).HasForeignKey(e => e.IssueId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(i => i.SectionIntros).WithOne().HasForeignKey(s => s.IssueId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(i => i.Entries).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(i => i.SectionIntros).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class IssueSectionIntroConfiguration : IEntityTypeConfiguration<IssueSectionIntro>
{
    public void Configure(EntityTypeBuilder<IssueSectionIntro> builder)
    {
        builder.HasIndex(s => new { s.IssueId, s.SectionId }).IsUnique();
        builder.HasOne<Section>().WithMany().HasForeignKey(s => s.SectionId).OnDelete(DeleteBehavior.Restrict);
    }
}
