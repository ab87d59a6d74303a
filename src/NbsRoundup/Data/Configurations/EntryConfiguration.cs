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
        builder.HasMany(e => e.Tags).WithOne().HasForeignKey(t => t.EntryId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(e => e.Tags).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(e => e.Topics);
        builder.Ignore(e => e.Places);
        builder.Ignore(e => e.TagKeys);
    }
}

/// <summary>
/// The key finds an entry's tags; the index by kind and key finds a topic's or a place's entries, so a
/// filter and a facet count read only the rows of the tag or of the entries in the result, never every entry.
/// </summary>
internal sealed class EntryTagConfiguration : IEntityTypeConfiguration<EntryTag>
{
    public void Configure(EntityTypeBuilder<EntryTag> builder)
    {
        builder.HasKey(t => new { t.EntryId, t.Kind, t.Key });
        builder.Property(t => t.Key).HasMaxLength(40);
        builder.HasIndex(t => new { t.Kind, t.Key, t.EntryId });
    }
}

/// <summary>An entry's place scopes: derived rows, one per place an entry falls within; see PlaceScopeIndex.</summary>
internal sealed class PlaceScopeConfiguration : IEntityTypeConfiguration<PlaceScope>
{
    public void Configure(EntityTypeBuilder<PlaceScope> builder)
    {
        builder.HasKey(s => new { s.EntryId, s.Code });
        builder.Property(s => s.Code).HasMaxLength(10);
        builder.HasIndex(s => new { s.Code, s.EntryId });
        // Deleting an entry (or its issue) deletes its scopes in the database; no navigation, so
        // bulk inserts of new entries never write them as part of the entry.
        builder.HasOne<Entry>().WithMany().HasForeignKey(s => s.EntryId).OnDelete(DeleteBehavior.Cascade);
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
