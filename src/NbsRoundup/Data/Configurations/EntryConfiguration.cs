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
        // The catalogue's own order (CatalogueSearch.Order, newest first): an unfiltered page reads its
        // rows in order from here instead of sorting every entry (SQLite; PostgreSQL puts undated rows
        // last with an expression no index holds).
        builder.HasIndex(e => new { e.DateStart, e.IssueId, e.SectionId, e.Position, e.Id }).IsDescending(true, true, false, false, false);
        builder.Property(e => e.Slug).HasMaxLength(100);
        builder.Property(e => e.Title).HasMaxLength(500);
        builder.Property(e => e.OriginalTitle).HasMaxLength(500);
        builder.Property(e => e.Subheading).HasMaxLength(100);
        builder.Property(e => e.Link).HasMaxLength(2000);
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
