using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using NbsRoundup.Catalogue;
using NbsRoundup.Lookup;

namespace NbsRoundup.Data;

/// <summary>
/// Keeps Entry.LinkKey, the indexed comparison key of an entry's link (LinkNormaliser), in step with the
/// link: derived in the save pipeline for entries a save adds or whose link it changes, like the other
/// derived values, whichever way the rows are then written.
/// </summary>
public static class LinkKeys
{
    /// <summary>The key a link is stored and looked up by; null without a link.</summary>
    public static string? For(string? link)
    {
        if (string.IsNullOrWhiteSpace(link))
        {
            return null;
        }
        var key = LinkNormaliser.Normalise(link);
        return key.Length > 2000 ? key[..2000] : key;
    }

    internal static void Stamp(ChangeTracker tracker)
    {
        foreach (var entry in tracker.Entries<Entry>())
        {
            if (entry.State == EntityState.Added || (entry.State == EntityState.Modified && entry.Property(e => e.Link).IsModified))
            {
                var key = For(entry.Entity.Link);
                if (entry.Entity.LinkKey != key)
                {
                    entry.Property(e => e.LinkKey).CurrentValue = key;
                }
            }
        }
    }

    /// <summary>
    /// Gives entries saved before the key existed their key (once, after the migration that added it), in
    /// batches. A derived column, like the search index: written directly, not as an edit of the entries.
    /// </summary>
    public static async Task<int> BackfillAsync(CatalogueDb db, CancellationToken ct = default)
    {
        var done = 0;
        while (true)
        {
            var batch = await db.Entries.AsNoTracking()
                .Where(e => e.Link != null && e.LinkKey == null)
                .OrderBy(e => e.Id).Select(e => new { e.Id, e.Link }).Take(500).ToListAsync(ct);
            if (batch.Count == 0)
            {
                return done;
            }
            foreach (var row in batch)
            {
                // A blank link (never written by the forms or the importer) gets "" so it is not picked again.
                var key = For(row.Link) ?? "";
                await db.Entries.Where(e => e.Id == row.Id).ExecuteUpdateAsync(u => u.SetProperty(e => e.LinkKey, key), ct);
            }
            done += batch.Count;
        }
    }
}
