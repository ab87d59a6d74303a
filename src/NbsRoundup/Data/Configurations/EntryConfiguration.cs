using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NbsRoundup.Catalogue;

namespace NbsRoundup.Data.Configurations;

internal sealed class EntryConfiguration : IEntityTypeConfiguration<Entry>
{
    public void Configure(EntityTypeBuilder<Entry> builder)
    {
        builder.HasIndex(e => e.Slug).IsUnique();
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.HasIndex(e => new { e.IssueId, e.SectionId, e.Position });
        builder.HasIndex(e => new { e.SectionId, e.DateStart });
        builder.HasIndex(e => new { e.DateStart, e.DateEnd });
        builder.Property(e => e.Slug).HasMaxLength(100);
        builder.Property(e => e.Title).HasMaxLength(500);
        builder.Property(e => e.OriginalTitle).HasMaxLength(500);
        builder.Property(e => e.Subheading).HasMaxLength(100);
        builder.Property(e => e.Link).HasMaxLength(2000);
        // Duplicate links are found by this key in one indexed look-up (Lookup.LinkNormaliser; ASCII).
        builder.Property(e => e.LinkKey).HasMaxLength(2000);
        builder.HasIndex(e => e.LinkKey);
        // Drafts are few: the duplicate check compares every one of them, found through this index.
        builder.HasIndex(e => e.IsPublished);
        builder.Property(e => e.Authors).HasMaxLength(500);
        builder.Property(e => e.Speaker).HasMaxLength(500);
        builder.Property(e => e.DateText).HasMaxLength(100);
        builder.Ignore(e => e.Date);
        builder.Ignore(e => e.Content);
        builder.HasOne(e => e.Section).WithMany().HasForeignKey(e => e.SectionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(e => e.Organisations).WithOne().HasForeignKey(o => o.EntryId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(e => e.Organisations).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class EntryOrganisationConfiguration : IEntityTypeConfiguration<EntryOrganisation>
{
    public void Configure(EntityTypeBuilder<EntryOrganisation> builder)
    {
        builder.HasKey(eo => new { eo.EntryId, eo.OrganisationId });
        builder.HasIndex(eo => eo.OrganisationId);
        builder.HasOne(eo => eo.Organisation).WithMany().HasForeignKey(eo => eo.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class LinkStatusConfiguration : IEntityTypeConfiguration<LinkStatus>
{
    public void Configure(EntityTypeBuilder<LinkStatus> builder)
    {
        builder.ToTable("LinkStatuses");
        builder.HasKey(s => s.EntryId);
        builder.Property(s => s.Link).HasMaxLength(2000).IsRequired();
        builder.Property(s => s.Problem).HasMaxLength(500);
        builder.Property(s => s.FinalUrl).HasMaxLength(2000);
        builder.HasIndex(s => s.IsBroken);
        // A status belongs to its entry and goes with it; the entry itself knows nothing of it.
        builder.HasOne<Entry>().WithMany().HasForeignKey(s => s.EntryId).OnDelete(DeleteBehavior.Cascade);
    }
}
