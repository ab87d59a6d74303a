using Microsoft.EntityFrameworkCore;
using NbsRoundup.Catalogue;

namespace NbsRoundup.Data;

/// <summary>
/// How a save writes new issues: with multi-row inserts rather than the change tracker's commands, a
/// few thousand entries at a time (imports of many files are dominated by new issues, and the
/// tracker's per-row cost made them several times slower). Only the writing differs: versions,
/// timestamps, search rows, the change log and the audit record are derived from the change tracker
/// before and after, as for any save. Runs inside CatalogueDb's transaction.
/// </summary>
internal static class NewIssues
{
    public static async Task<int> SaveAsync(CatalogueDb db, Func<Task<int>> saveTracked, CancellationToken ct)
    {
        var issues = db.ChangeTracker.Entries<Issue>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        if (issues.Count == 0)
        {
            return await saveTracked();
        }
        // The new issues leave the tracker while it saves everything else, so that new organisations
        // they name have their keys by the time the issues' rows refer to them.
        // Everything they own, as the bulk insert will write it (an entry's organisation links, topics, places).
        var rows = BulkInsert.GraphOf(db, issues);
        foreach (var row in rows)
        {
            db.Entry(row).State = EntityState.Detached;
        }
        var saved = await saveTracked();
        await BulkInsert.InsertGraphAsync(db, issues, ct);
        // Tracked again with their keys, as SaveChanges leaves what it wrote: unchanged.
        foreach (var issue in issues)
        {
            db.Attach(issue);
        }
        return saved + rows.Count;
    }
}
