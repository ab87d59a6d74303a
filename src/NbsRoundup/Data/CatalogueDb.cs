using Microsoft.EntityFrameworkCore;
using NbsRoundup.Catalogue;

namespace NbsRoundup.Data;

/// <summary>The catalogue store: issues, sections, entries and organisations.</summary>
public sealed class CatalogueDb(DbContextOptions<CatalogueDb> options) : DbContext(options)
{
    public DbSet<Issue> Issues => Set<Issue>();
    public DbSet<Section> Sections => Set<Section>();
    public DbSet<Entry> Entries => Set<Entry>();
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<OrganisationAlias> OrganisationAliases => Set<OrganisationAlias>();
    public DbSet<EntryOrganisation> EntryOrganisations => Set<EntryOrganisation>();
    public DbSet<IssueSectionIntro> IssueSectionIntros => Set<IssueSectionIntro>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CatalogueDb).Assembly);
}
