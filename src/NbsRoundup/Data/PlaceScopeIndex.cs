using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using NbsRoundup.Catalogue;
using NbsRoundup.Discovery;

namespace NbsRoundup.Data;

/// <summary>
/// One place an entry falls within: each place it is tagged with, and every region containing that
/// place (an entry tagged `BZ` falls within `BZ`, `013` Central America, `003`, `019` and `419`).
/// Derived from the entry's places by the save pipeline, never edited: a filter on a region is one
/// indexed lookup of its code, and a facet counts each entry once per place however many of its
/// countries lie in it.
/// </summary>
public sealed class PlaceScope
{
    public int EntryId { get; private set; }
    public string Code { get; private set; } = "";

    private PlaceScope()
    {
    }

    internal PlaceScope(int entryId, string code)
    {
        EntryId = entryId;
        Code = code;
    }
}

/// <summary>
/// Keeps PlaceScope rows in step with entries' places, in CatalogueDb's save transaction, for new
/// entries (from memory, as written by the bulk path or the change tracker) and for entries whose
/// places changed (read again). A deleted entry's rows go with it (a cascading foreign key).
/// </summary>
public static class PlaceScopeIndex
{
    /// <summary>The table's name, also its IndexVersions row.</summary>
    public const string Table = "PlaceScopes";

    /// <summary>Raise when which region holds which place changes (places.tsv): start-up then rewrites every scope.</summary>
    public const int FormatVersion = 1;

    internal sealed class PendingWork
    {
        internal List<Entry> Added { get; } = [];
        internal List<EntryTag> Changed { get; } = [];

        public bool IsEmpty => Added.Count == 0 && Changed.Count == 0;
    }

    internal static PendingWork Collect(ChangeTracker tracker)
    {
        var work = new PendingWork();
        foreach (var change in tracker.Entries())
        {
            switch (change.Entity)
            {
                case Entry entry when change.State == EntityState.Added:
                    work.Added.Add(entry);
                    break;
                case EntryTag { Kind: TagKind.Place } place when change.State is EntityState.Added or EntityState.Deleted or EntityState.Modified:
                    work.Changed.Add(place);
                    break;
                default:
                    break;
            }
        }
        return work;
    }

    /// <summary>Runs after SaveChanges, in its transaction: keys are known now.</summary>
    internal static async Task ApplyAsync(CatalogueDb db, PendingWork work, CancellationToken ct)
    {
        if (work.IsEmpty)
        {
            return;
        }
        var added = work.Added.Select(e => e.Id).ToHashSet();
        var rows = work.Added.SelectMany(e => For(e.Id, e.Places.Select(p => p.Key))).ToList();
        var changed = work.Changed.Select(p => p.EntryId).Where(id => !added.Contains(id)).ToHashSet();
        foreach (var chunk in changed.Chunk(500))
        {
            await db.PlaceScopes.Where(s => chunk.Contains(s.EntryId)).ExecuteDeleteAsync(ct);
            var places = await db.EntryTags.AsNoTracking().Where(p => p.Kind == TagKind.Place && chunk.Contains(p.EntryId)).Select(p => new { p.EntryId, Code = p.Key }).ToListAsync(ct);
            rows.AddRange(places.GroupBy(p => p.EntryId).SelectMany(g => For(g.Key, g.Select(p => p.Code))));
        }
        if (rows.Count > 0)
        {
            await BulkInsert.InsertGraphAsync(db, rows, ct);
        }
    }

    /// <summary>Rewrites every row from the entries' places, and records the table as complete and the change, in one transaction.</summary>
    public static async Task<int> RebuildAsync(CatalogueDb db, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.PlaceScopes.ExecuteDeleteAsync(ct);
        var places = await db.EntryTags.AsNoTracking().Where(p => p.Kind == TagKind.Place).Select(p => new { p.EntryId, Code = p.Key }).ToListAsync(ct);
        var rows = places.GroupBy(p => p.EntryId).SelectMany(g => For(g.Key, g.Select(p => p.Code))).ToList();
        foreach (var chunk in rows.Chunk(10_000))
        {
            await BulkInsert.InsertGraphAsync(db, chunk, ct);
        }
        await DerivedTables.RecordCompleteAsync(db, Table, FormatVersion, ct);
        // Which entries a region holds may have changed: a change record (naming nothing, so the
        // catalogue as a whole) tells running instances' caches and kept columns.
        await ChangeLog.AppendAsync(db, new CatalogueChange(new HashSet<string>(), new HashSet<string>(), new HashSet<string>(), new HashSet<string>()), DateTime.UtcNow, ct);
        await transaction.CommitAsync(ct);
        return rows.Count;
    }

    /// <summary>What start-up does: one IndexVersions row read, the table rewritten only when it is not of this FormatVersion (<see cref="DerivedTables"/>).</summary>
    /// <returns>How many scopes were written; 0 when the table was complete.</returns>
    public static Task<int> EnsureCompleteAsync(CatalogueDb db, CancellationToken ct) =>
        DerivedTables.EnsureCompleteAsync(db, Table, FormatVersion, () => IsCompleteAsync(db, ct), () => RebuildAsync(db, ct), ct);

    /// <summary>True when every entry with places has its scopes (false after the table was added to a tagged catalogue): counts both tables.</summary>
    public static async Task<bool> IsCompleteAsync(CatalogueDb db, CancellationToken ct) =>
        await db.EntryTags.Where(p => p.Kind == TagKind.Place).Select(p => p.EntryId).Distinct().CountAsync(ct) == await db.PlaceScopes.Select(s => s.EntryId).Distinct().CountAsync(ct);

    private static IEnumerable<PlaceScope> For(int entryId, IEnumerable<string> codes) =>
        codes.SelectMany(Places.Within).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(code => new PlaceScope(entryId, code));
}
