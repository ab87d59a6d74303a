using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using NbsRoundup.Data;

namespace NbsRoundup.Search;

/// <summary>
/// The total and the facets of the whole catalogue (no filter), which every unfiltered page shows
/// and which stay the same until something changes: counted once per catalogue version and kept per
/// database. The version is the change log's newest record, which CatalogueDb.SaveChangesAsync writes
/// in the transaction of every change to entries, issues and organisations; a kept count is used
/// only while its record is still the newest, so it is never stale, on any instance.
/// </summary>
internal static class WholeCatalogue
{
    private sealed record Snapshot(long ChangeId, DateTime CommittedAt, int Total, Facets Facets);

    // One per database (connection string): tests and tools open several in one process.
    private static readonly ConcurrentDictionary<string, Snapshot> _kept = new(StringComparer.Ordinal);

    /// <summary>The kept total and facets of the catalogue's current version, or the ones counted now.</summary>
    public static async Task<(int Total, Facets Facets)> CountAsync(CatalogueDb db, Func<Task<(int Total, Facets Facets)>> count, CancellationToken ct)
    {
        var key = db.Database.GetConnectionString() ?? "";
        // Read before counting: counts made after it are at least as new as the record they are kept under.
        var (changeId, committedAt) = await ChangeLog.LatestWithTimeAsync(db, ct);
        if (_kept.TryGetValue(key, out var kept) && kept.ChangeId == changeId && kept.CommittedAt == committedAt)
        {
            return (kept.Total, kept.Facets);
        }
        var (total, facets) = await count();
        _kept[key] = new Snapshot(changeId, committedAt, total, facets);
        return (total, facets);
    }
}
