using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using NbsRoundup.Data;

namespace NbsRoundup.Search;

/// <summary>
/// The facets of the whole catalogue (no filter; their section counts add up to its total), which
/// every unfiltered page shows and which stay the same until something changes: counted once per
/// catalogue version and kept per database. The version is the change log's newest record, which
/// CatalogueDb.SaveChangesAsync writes in the transaction of every change to entries, issues and
/// organisations; kept counts are used only while their record is still the newest, so they are
/// never stale, on any instance.
/// </summary>
internal static class WholeCatalogue
{
    private sealed record Snapshot(long ChangeId, DateTime CommittedAt, Facets Facets);

    // One per database (connection string): tests and tools open several in one process.
    private static readonly ConcurrentDictionary<string, Snapshot> _kept = new(StringComparer.Ordinal);

    /// <summary>The kept facets of the catalogue's current version, or the ones counted now.</summary>
    public static async Task<Facets> FacetsAsync(CatalogueDb db, Func<Task<Facets>> count, CancellationToken ct)
    {
        var key = db.Database.GetConnectionString() ?? "";
        // Read before counting: counts made after it are at least as new as the record they are kept under.
        var (changeId, committedAt) = await ChangeLog.LatestWithTimeAsync(db, ct);
        if (_kept.TryGetValue(key, out var kept) && kept.ChangeId == changeId && kept.CommittedAt == committedAt)
        {
            return kept.Facets;
        }
        var facets = await count();
        _kept[key] = new Snapshot(changeId, committedAt, facets);
        return facets;
    }
}
