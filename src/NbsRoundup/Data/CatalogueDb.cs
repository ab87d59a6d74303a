using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using NbsRoundup.Accounts;
using NbsRoundup.Auditing;
using NbsRoundup.Catalogue;

namespace NbsRoundup.Data;

/// <summary>
/// The catalogue store: issues, sections, entries and organisations, the audit log of changes
/// to them, and the editors' accounts (ASP.NET Core Identity's tables).
/// </summary>
public sealed class CatalogueDb(DbContextOptions<CatalogueDb> options) : IdentityDbContext<PortalUser>(options)
{
    public DbSet<Issue> Issues => Set<Issue>();
    public DbSet<Section> Sections => Set<Section>();
    public DbSet<Entry> Entries => Set<Entry>();
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<OrganisationAlias> OrganisationAliases => Set<OrganisationAlias>();
    public DbSet<EntryOrganisation> EntryOrganisations => Set<EntryOrganisation>();
    public DbSet<IssueSectionIntro> IssueSectionIntros => Set<IssueSectionIntro>();
    public DbSet<ChangeSet> ChangeSets => Set<ChangeSet>();
    public DbSet<FieldChange> FieldChanges => Set<FieldChange>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(CatalogueDb).Assembly);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        VersionStamps.Renew(ChangeTracker);
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        VersionStamps.Renew(ChangeTracker);
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }
}
