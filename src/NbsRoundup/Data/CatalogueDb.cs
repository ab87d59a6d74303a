using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using NbsRoundup.Accounts;
using NbsRoundup.Auditing;
using NbsRoundup.Catalogue;

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
    public DbSet<EntryTag> EntryTags => Set<EntryTag>();
    public DbSet<PlaceScope> PlaceScopes => Set<PlaceScope>();
    public DbSet<IssueSectionIntro> IssueSectionIntros => Set<IssueSectionIntro>();
    public DbSet<ChangeSet> ChangeSets => Set<ChangeSet>();
    public DbSet<FieldChange> FieldChanges => Set<FieldChange>();
    public DbSet<ChangeRecord> ChangeRecords => Set<ChangeRecord>();
    public DbSet<LinkStatus> LinkStatuses => Set<LinkStatus>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<UnknownAccountLockout> UnknownAccountLockouts => Set<UnknownAccountLockout>();
    public DbSet<IndexVersion> IndexVersions => Set<IndexVersion>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(CatalogueDb).Assembly);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default) =>
        SaveAsync(null, detected: false, acceptAllChangesOnSuccess, cancellationToken);

    /// <summary>Saves together with a change set of the audit log (AuditedEdit's save, which has just detected the changes).</summary>
    internal Task<int> SaveChangesAsync(ChangeSet? audit, CancellationToken ct) => SaveAsync(audit, detected: true, true, ct);

    /// <summary>
    /// Saves, renders the Markdown that changed, renews version tokens and timestamps of what changed, updates the search index, records
    /// which pages the change makes stale (the change log) and writes the audit record, all in one
    /// transaction: a search never sees a half-applied edit or import, and no cache outlives a commit.
    /// Everything is derived here, from the change tracker, once, whichever way the rows are written.
    /// </summary>
    private async Task<int> SaveAsync(ChangeSet? audit, bool detected, bool acceptAllChangesOnSuccess, CancellationToken ct)
    {
        // Changes are detected once: every tracker.Entries() call would otherwise detect them
        // again, and the steps below call it per entity, which made large imports quadratic.
        if (!detected)
        {
            ChangeTracker.DetectChanges();
        }
        var autoDetect = ChangeTracker.AutoDetectChangesEnabled;
        ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return await SaveDetectedChangesAsync(audit, acceptAllChangesOnSuccess, ct);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    private async Task<int> SaveDetectedChangesAsync(ChangeSet? audit, bool acceptAllChangesOnSuccess, CancellationToken ct)
    {
        var now = DateTime.UtcNow;
        RenderedTexts.Render(ChangeTracker);
        VersionStamps.Renew(ChangeTracker);
        Timestamps.Stamp(ChangeTracker, now);
        LinkKeys.Stamp(ChangeTracker);
        var index = SearchIndex.Collect(ChangeTracker);
        var scope = ChangeScope.Collect(ChangeTracker);
        var places = PlaceScopeIndex.Collect(ChangeTracker);
        if (index.IsEmpty && scope.IsEmpty && places.IsEmpty && audit is null)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, ct);
        }
        var ownTransaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(ct) : null;
        try
        {
            await scope.CaptureBeforeSaveAsync(this, ct);
            var saved = await NewIssues.SaveAsync(this, () => base.SaveChangesAsync(acceptAllChangesOnSuccess, ct), ct);
            await SearchIndex.ApplyAsync(this, index, ct);
            await PlaceScopeIndex.ApplyAsync(this, places, ct);
            await ChangeLog.AppendAsync(this, await scope.ResolveAsync(this, ct), now, ct);
            if (audit is not null)
            {
                await BulkInsert.InsertGraphAsync(this, [audit], ct);
            }
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(ct);
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
