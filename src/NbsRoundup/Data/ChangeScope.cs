using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using NbsRoundup.Catalogue;

namespace NbsRoundup.Data;

/// <summary>
/// Works out, around one save, what the save changes (CatalogueChange): read from the change tracker before
/// saving (and from the database for what is about to be deleted), resolved to slugs afterwards,
/// inside the same transaction.
/// </summary>
internal sealed class ChangeScope
{
    private readonly HashSet<int> _entryIds = [];
    private readonly HashSet<int> _issueIds = [];
    private readonly HashSet<int> _wholeIssueIds = [];
    private readonly HashSet<int> _organisationIds = [];
    private readonly HashSet<int> _wholeOrganisationIds = [];
    private readonly HashSet<int> _sectionIds = [];
    private readonly HashSet<string> _entrySlugs = [];
    private readonly HashSet<string> _issueSlugs = [];
    private readonly HashSet<string> _organisationSlugs = [];
    private readonly HashSet<int> _deletedEntryIds = [];

    public bool IsEmpty { get; private set; } = true;

    public static ChangeScope Collect(ChangeTracker tracker)
    {
        var scope = new ChangeScope();
        foreach (var change in tracker.Entries())
        {
            if (change.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }
            scope.Add(change);
        }
        return scope;
    }

    private void Add(EntityEntry change)
    {
        switch (change.Entity)
        {
            case Entry entry:
                IsEmpty = false;
                _entrySlugs.Add(entry.Slug);
                // A new entry's issue, section and organisations are named by what this save adds
                // (below and in the link and organisation cases); an existing one's are looked up.
                if (change.State != EntityState.Added)
                {
                    _entryIds.Add(entry.Id);
                }
                if (change.State == EntityState.Deleted)
                {
                    _deletedEntryIds.Add(entry.Id);
                }
                _sectionIds.Add(entry.SectionId);
                _sectionIds.Add((int)change.OriginalValues[nameof(Entry.SectionId)]!);
                _issueIds.Add(entry.IssueId);
                _issueIds.Add((int)change.OriginalValues[nameof(Entry.IssueId)]!);
                if (entry.Issue is { } parent)
                {
                    _issueSlugs.Add(parent.Slug);
                }
                break;
            case EntryOrganisation link:
                IsEmpty = false;
                _entryIds.Add(link.EntryId);
                _organisationIds.Add(link.OrganisationId);
                break;
            case EntryTag tag:
                IsEmpty = false;
                _entryIds.Add(tag.EntryId);
                break;
            case Organisation organisation:
                IsEmpty = false;
                _organisationSlugs.Add(organisation.Slug);
                if (change.State != EntityState.Added)
                {
                    _organisationIds.Add(organisation.Id);
                    if (change.State == EntityState.Deleted || Organisation.FieldsItsEntriesCarry.Any(p => change.Property(p).IsModified))
                    {
                        _wholeOrganisationIds.Add(organisation.Id);
                    }
                }
                break;
            case OrganisationAlias alias:
                IsEmpty = false;
                _organisationIds.Add(alias.OrganisationId);
                break;
            case Issue issue:
                IsEmpty = false;
                _issueSlugs.Add(issue.Slug);
                if (change.State != EntityState.Added)
                {
                    _issueIds.Add(issue.Id);
                    if (change.State == EntityState.Deleted || Issue.FieldsItsEntriesCarry.Any(p => change.Property(p).IsModified))
                    {
                        _wholeIssueIds.Add(issue.Id);
                    }
                }
                break;
            case IssueSectionIntro intro:
                IsEmpty = false;
                _issueIds.Add(intro.IssueId);
                _sectionIds.Add(intro.SectionId);
                break;
            default:
                break;
        }
    }

    /// <summary>Before saving: what is about to disappear can only be read now.</summary>
    public async Task CaptureBeforeSaveAsync(CatalogueDb db, CancellationToken ct)
    {
        await AddRelatedEntriesAsync(db, _deletedEntryIds, ct);
        await AddSlugsAsync(db, ct);
    }

    /// <summary>After saving, in the same transaction: the current side of every touched entry.</summary>
    public async Task<CatalogueChange> ResolveAsync(CatalogueDb db, CancellationToken ct)
    {
        await AddRelatedEntriesAsync(db, _entryIds, ct);
        await AddSlugsAsync(db, ct);
        var sections = Section.All.Where(s => _sectionIds.Contains(s.Id)).Select(s => s.Key).ToHashSet();
        return new CatalogueChange(_entrySlugs, _issueSlugs, sections, _organisationSlugs);
    }

    /// <summary>
    /// Adds the pages of the given entries, and of every entry of a wholly changed issue or
    /// organisation. Each kind is its own indexed query: an OR of them would scan every entry
    /// on every save, and imports would slow down as the catalogue grows.
    /// </summary>
    private async Task AddRelatedEntriesAsync(CatalogueDb db, IReadOnlyCollection<int> entryIds, CancellationToken ct)
    {
        var ids = new HashSet<int>(entryIds);
        if (_wholeIssueIds.Count > 0)
        {
            var issues = _wholeIssueIds.ToList();
            ids.UnionWith(await db.Entries.Where(e => issues.Contains(e.IssueId)).Select(e => e.Id).ToListAsync(ct));
        }
        if (_wholeOrganisationIds.Count > 0)
        {
            var organisations = _wholeOrganisationIds.ToList();
            ids.UnionWith(await db.EntryOrganisations.Where(o => organisations.Contains(o.OrganisationId)).Select(o => o.EntryId).ToListAsync(ct));
        }
        if (ids.Count == 0)
        {
            return;
        }
        foreach (var chunk in ids.Chunk(500))
        {
            var related = await db.Entries.AsNoTracking()
                .Where(e => chunk.Contains(e.Id))
                .Select(e => new { e.Slug, e.SectionId, Issue = e.Issue.Slug, Organisations = e.Organisations.Select(o => o.Organisation.Slug).ToList() })
                // Split: as one query SQLite materialises every entry-organisation link before joining,
                // and each save would take longer as the catalogue grows.
                .AsSplitQuery()
                .ToListAsync(ct);
            foreach (var entry in related)
            {
                _entrySlugs.Add(entry.Slug);
                _sectionIds.Add(entry.SectionId);
                _issueSlugs.Add(entry.Issue);
                _organisationSlugs.UnionWith(entry.Organisations);
            }
        }
    }

    private async Task AddSlugsAsync(CatalogueDb db, CancellationToken ct)
    {
        if (_issueIds.Count > 0)
        {
            var issueIds = _issueIds.ToList();
            _issueSlugs.UnionWith(await db.Issues.AsNoTracking().Where(i => issueIds.Contains(i.Id)).Select(i => i.Slug).ToListAsync(ct));
        }
        if (_organisationIds.Count > 0)
        {
            var organisationIds = _organisationIds.ToList();
            _organisationSlugs.UnionWith(await db.Organisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id)).Select(o => o.Slug).ToListAsync(ct));
        }
    }
}
