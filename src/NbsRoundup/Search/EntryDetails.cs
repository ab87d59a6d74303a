using Microsoft.EntityFrameworkCore;
using NbsRoundup.Catalogue;
using NbsRoundup.Data;

namespace NbsRoundup.Search;

/// <summary>
/// A published entry as its page and `/api/entries/{slug}` show it: its row (with topics and places)
/// and the entries related to it. A fixed number of SQL commands whatever the catalogue's size.
/// </summary>
public sealed record EntryDetails(EntryRow Row, IReadOnlyList<RelatedEntry> Related)
{
    /// <summary>The entry, or null when no published entry (no entry at all, with <paramref name="includeDrafts"/>) has this slug.</summary>
    public static async Task<EntryDetails?> LoadAsync(CatalogueDb db, string slug, CancellationToken ct, bool includeDrafts = false)
    {
        var entries = db.Entries.AsNoTracking();
        var row = await (includeDrafts ? entries : entries.Published())
            .Where(e => e.Slug == slug)
            .Select(EntryRow.Projection)
            // Split: organisations, topics and places are three lists; joined in one query they would multiply.
            .AsSplitQuery()
            .FirstOrDefaultAsync(ct);
        return row is null ? null : new EntryDetails(row, await RelatedEntries.ForAsync(db, row, ct));
    }
}
