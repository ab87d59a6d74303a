using Microsoft.EntityFrameworkCore;

namespace NbsRoundup.Data;

/// <summary>
/// Start-up's check of a table derived from the catalogue (the search index, the place scopes): one
/// IndexVersions row by name says it is complete and of the format this release writes, whatever the
/// size of the catalogue. The save pipeline keeps such a table in step; only a new format, or a
/// catalogue from before the row existed, needs more.
/// </summary>
public static class DerivedTables
{
    /// <summary>
    /// Rebuilds the table unless its row says it is complete and of <paramref name="version"/>. Without a row
    /// (a catalogue made before there was one) the table is checked once with <paramref name="isComplete"/>,
    /// which may count it, and recorded when complete. <paramref name="rebuild"/> records the row itself, in
    /// the transaction that rewrites the table.
    /// </summary>
    /// <returns>What the rebuild returned (how many rows it derived from); 0 when the table was complete.</returns>
    public static async Task<int> EnsureCompleteAsync(CatalogueDb db, string name, int version,
        Func<Task<bool>> isComplete, Func<Task<int>> rebuild, CancellationToken ct)
    {
        var recorded = await db.IndexVersions.AsNoTracking().Where(v => v.Name == name).Select(v => (int?)v.Version).SingleOrDefaultAsync(ct);
        if (recorded == version)
        {
            return 0;
        }
        if (recorded is null && await isComplete())
        {
            await RecordCompleteAsync(db, name, version, ct);
            return 0;
        }
        return await rebuild();
    }

    /// <summary>Records the table as complete and of this version. One statement both engines run; two instances that record at once both succeed.</summary>
    public static Task<int> RecordCompleteAsync(CatalogueDb db, string name, int version, CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync(
            "INSERT INTO \"IndexVersions\" (\"Name\", \"Version\", \"BuiltAt\") VALUES ({0}, {1}, {2}) " +
            "ON CONFLICT (\"Name\") DO UPDATE SET \"Version\" = excluded.\"Version\", \"BuiltAt\" = excluded.\"BuiltAt\"",
            [name, version, DateTime.UtcNow], ct);
}
