using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using NbsRoundup.Accounts;
using NbsRoundup.Auditing;
using NbsRoundup.Caching;
using NbsRoundup.Catalogue;
using NbsRoundup.Search;

namespace NbsRoundup.Data;

/// <summary>
/// The catalogue store: issues, sections, entries and organisations, the audit log of changes
/// to them, the editors' accounts (ASP.NET Core Identity's tables), and the keys that protect
/// sign-in cookies and forms, so that every portal instance on one database accepts the others'.
/// </summary>
public sealed class CatalogueDb(DbContextOptions<CatalogueDb> options) : IdentityDbContext<PortalUser>(options), IDataProtectionKeyContext
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
    public DbSet<ChangeRecord> ChangeRecords => Set<ChangeRecord>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(CatalogueDb).Assembly);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    /// <summary>
    /// Saves, renews version tokens and timestamps of what changed, updates the search index and
    /// records which cached pages the change makes stale (the change log), all in one transaction:
    /// a search never sees a half-applied edit or import, and no cache outlives a commit.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        // Changes are detected once, here: every tracker.Entries() call would otherwise detect them
        // again, and the hooks below call it per entity, which made large imports quadratic.
        ChangeTracker.DetectChanges();
        var autoDetect = ChangeTracker.AutoDetectChangesEnabled;
        ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return await SaveDetectedChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    private async Task<int> SaveDetectedChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        var now = DateTime.UtcNow;
        VersionStamps.Renew(ChangeTracker);
        Timestamps.Stamp(ChangeTracker, now);
        var index = SearchIndex.Collect(ChangeTracker);
        var scope = ChangeScope.Collect(ChangeTracker);
        if (index.IsEmpty && scope.IsEmpty)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        var ownTransaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            await scope.CaptureBeforeSaveAsync(this, cancellationToken);
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            await SearchIndex.ApplyAsync(this, index, cancellationToken);
            await ChangeLog.AppendAsync(this, await scope.ResolveAsync(this, cancellationToken), now, cancellationToken);
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }
            return saved;
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }
}
