using Microsoft.EntityFrameworkCore;
using NbsRoundup.Auditing;
using NbsRoundup.Catalogue;

namespace NbsRoundup.Data;

/// <summary>Who makes a change and what it is, as the audit log names it.</summary>
public sealed record ChangeNote(string Actor, string Description, string? File = null);

public enum SaveOutcome
{
    Saved,
    /// <summary>The change altered nothing: nothing was written.</summary>
    Unchanged,
    /// <summary>Someone saved the entity since the form showed it: nothing was written.</summary>
    Conflict,
    /// <summary>Someone deleted the entity since the form showed it: nothing was written.</summary>
    Gone,
}

/// <summary>What an audited save did; on a conflict, the version saved meanwhile, as fields and token.</summary>
public sealed record SaveResult(SaveOutcome Outcome, EntityFields? Current = null, Guid CurrentVersion = default)
{
    public static readonly SaveResult Saved = new(SaveOutcome.Saved);
    public static readonly SaveResult Unchanged = new(SaveOutcome.Unchanged);
}

/// <summary>
/// The one way the catalogue is changed: every admin form, the importer and the merge go through it.
/// Begin describes every issue, entry and organisation the context tracks; SaveAsync describes them
/// again, records each field that differs (new and deleted entities included) in one change set of
/// the audit log, and saves it with the change in one transaction, where CatalogueDb.SaveChanges
/// renews versions and timestamps, search rows and the change log. Whichever path writes, the audit
/// log reads the same. An edit made from a form names the version the form showed: a save over a
/// newer version is refused and answers with the version saved meanwhile, so nothing is overwritten unseen.
/// </summary>
public sealed class AuditedEdit
{
    private readonly CatalogueDb _db;
    private readonly Dictionary<(string Kind, string Key), EntityFields> _before = [];
    private readonly IVersioned? _subject;
    private readonly Guid _expected;

    private AuditedEdit(CatalogueDb db, IVersioned? subject, Guid expected)
    {
        _db = db;
        _subject = subject;
        _expected = expected;
        foreach (var (kind, entity) in Tracked(db))
        {
            _before.TryAdd((kind, entity.Slug), entity.Describe());
        }
    }

    /// <summary>Starts a change: load what it touches first, then Begin, then change the entities.</summary>
    public static AuditedEdit Begin(CatalogueDb db) => new(db, null, Guid.Empty);

    /// <summary>Starts an edit of an entity a form showed at the given version.</summary>
    public static AuditedEdit Begin(CatalogueDb db, IVersioned subject, Guid expectedVersion)
    {
        var edit = new AuditedEdit(db, subject, expectedVersion);
        // Saved against the version the form showed: SaveChanges fails if the row has moved on since.
        db.Entry(subject).Property(nameof(IVersioned.Version)).OriginalValue = expectedVersion;
        return edit;
    }

    /// <summary>True when the entity was saved by someone else after the form showed it: do not change it.</summary>
    public bool IsStale => _subject is not null && _subject.Version != _expected;

    /// <summary>The answer to a stale edit: the version saved now.</summary>
    public SaveResult Stale => new(SaveOutcome.Conflict, _subject!.Describe(), _subject.Version);

    /// <summary>Records what changed since Begin and saves it, in one transaction.</summary>
    public async Task<SaveResult> SaveAsync(ChangeNote note, CancellationToken ct)
    {
        if (IsStale)
        {
            return Stale;
        }
        _db.ChangeTracker.DetectChanges();
        var changes = new ChangeSet(note.Actor, note.Description, note.File);
        var after = new Dictionary<(string Kind, string Key), EntityFields?>();
        foreach (var entry in _db.ChangeTracker.Entries().Where(e => e.Entity is IVersioned))
        {
            var entity = (IVersioned)entry.Entity;
            after.TryAdd((Kind(entity), entity.Slug), entry.State == EntityState.Deleted ? null : entity.Describe());
        }
        foreach (var key in _before.Keys.Concat(after.Keys).Distinct().OrderBy(k => KindOrder(k.Kind)))
        {
            changes.Record(key.Kind, key.Key, _before.GetValueOrDefault(key), after.GetValueOrDefault(key));
        }
        if (changes.IsEmpty && !_db.ChangeTracker.HasChanges())
        {
            return SaveResult.Unchanged;
        }
        try
        {
            await _db.SaveChangesAsync(changes.IsEmpty ? null : changes, ct);
            return SaveResult.Saved;
        }
        catch (DbUpdateConcurrencyException) when (_subject is not null)
        {
            _db.ChangeTracker.Clear();
            var current = await CurrentAsync(_db, _subject, ct);
            return current is null ? new SaveResult(SaveOutcome.Gone) : new SaveResult(SaveOutcome.Conflict, current.Describe(), current.Version);
        }
    }

    private static IEnumerable<(string Kind, IVersioned Entity)> Tracked(CatalogueDb db) =>
        db.ChangeTracker.Entries()
            .Where(e => e.Entity is IVersioned && e.State != EntityState.Added)
            .Select(e => (Kind((IVersioned)e.Entity), (IVersioned)e.Entity));

    private static string Kind(IVersioned entity) => entity switch
    {
        Issue => FieldChange.Issue,
        Organisation => FieldChange.Organisation,
        _ => FieldChange.Entry,
    };

    // Issues first, then organisations, then entries: the order in which the history lists them.
    private static int KindOrder(string kind) => kind switch
    {
        FieldChange.Issue => 0,
        FieldChange.Organisation => 1,
        _ => 2,
    };

    /// <summary>The entity as saved now, with what its description needs; null when it was deleted.</summary>
    private static async Task<IVersioned?> CurrentAsync(CatalogueDb db, IVersioned subject, CancellationToken ct) => subject switch
    {
        Entry entry => await db.Entries.AsNoTracking().Include(e => e.Organisations).ThenInclude(eo => eo.Organisation)
            .Include(e => e.Tags).AsSplitQuery()
            .FirstOrDefaultAsync(e => e.Slug == entry.Slug, ct),
        Issue issue => await db.Issues.AsNoTracking().Include(i => i.SectionIntros).FirstOrDefaultAsync(i => i.Slug == issue.Slug, ct),
        Organisation organisation => await db.Organisations.AsNoTracking().Include(o => o.Aliases).FirstOrDefaultAsync(o => o.Slug == organisation.Slug, ct),
        _ => throw new ArgumentException($"{subject.GetType().Name} is not an edited entity", nameof(subject)),
    };
}

/// <summary>The audited save in one call, for changes that need no preparation between describing and saving.</summary>
public static class AuditedSave
{
    /// <summary>Applies a change to what the context tracks and saves it with its audit record.</summary>
    public static Task<SaveResult> SaveAuditedAsync(this CatalogueDb db, ChangeNote note, Action change, CancellationToken ct)
    {
        var edit = AuditedEdit.Begin(db);
        change();
        return edit.SaveAsync(note, ct);
    }

    /// <summary>The same for an edit of an entity a form showed at the given version; a stale form changes nothing.</summary>
    public static Task<SaveResult> SaveAuditedAsync(this CatalogueDb db, ChangeNote note, IVersioned subject, Guid expectedVersion, Action change, CancellationToken ct)
    {
        var edit = AuditedEdit.Begin(db, subject, expectedVersion);
        if (edit.IsStale)
        {
            return Task.FromResult(edit.Stale);
        }
        change();
        return edit.SaveAsync(note, ct);
    }
}
