using Microsoft.EntityFrameworkCore;

namespace NbsRoundup.Data;

/// <summary>
/// One committed change and what it touched. Every portal instance (and every command-line import)
/// writes here in the transaction of the change; every instance reads what is new before it serves
/// from its cache, so no instance serves a page a commit made stale.
/// </summary>
public sealed class ChangeRecord
{
    public long Id { get; private set; }
    public DateTime CommittedAt { get; private set; }
    /// <summary>What changed, as CatalogueChange.Serialize writes it.</summary>
    public string Changed { get; private set; } = "";

    public CatalogueChange Change => CatalogueChange.Parse(Changed);
}

public static class ChangeLog
{
    /// <summary>Appends a change; runs inside the saving transaction.</summary>
    internal static async Task AppendAsync(CatalogueDb db, CatalogueChange change, DateTime now, CancellationToken ct)
    {
        if (db.Database.IsPostgres())
        {
            // Readers take the newest record's id as the catalogue's version, so records must become
            // visible in the order of their ids. PostgreSQL hands out ids at insert and commits in any
            // order: without this lock, held to commit, a record could commit after a newer one had been
            // read as the version, and its change would stay unseen until the next. SQLite has one writer.
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(4711009)", ct);
        }
        await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO \"ChangeRecords\" (\"CommittedAt\", \"Tags\") VALUES ({0}, {1})",
            [now, change.Serialize()], ct);
    }

    /// <summary>The newest change's id; 0 for none.</summary>
    public static async Task<long> LatestAsync(CatalogueDb db, CancellationToken ct) =>
        await db.Set<ChangeRecord>().MaxAsync(c => (long?)c.Id, ct) ?? 0;

    /// <summary>The newest change's id and time; (0, Unix epoch) for none.</summary>
    public static async Task<(long Id, DateTime CommittedAt)> LatestWithTimeAsync(CatalogueDb db, CancellationToken ct)
    {
        var latest = await db.Set<ChangeRecord>().AsNoTracking().OrderByDescending(c => c.Id)
            .Select(c => new { c.Id, c.CommittedAt }).FirstOrDefaultAsync(ct);
        return latest is null ? (0, DateTime.UnixEpoch) : (latest.Id, latest.CommittedAt);
    }

    /// <summary>Changes after the given id, oldest first.</summary>
    public static Task<List<ChangeRecord>> SinceAsync(CatalogueDb db, long afterId, CancellationToken ct) =>
        db.Set<ChangeRecord>().AsNoTracking().Where(c => c.Id > afterId).OrderBy(c => c.Id).Take(1000).ToListAsync(ct);
}
