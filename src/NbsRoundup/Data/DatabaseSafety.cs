using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;

namespace NbsRoundup.Data;

/// <summary>
/// What the store checks before it serves: durable SQLite settings, and a schema this code knows.
/// The settings, the backup and the integrity check are SQLite's alone; start-up skips them on
/// PostgreSQL, whose server keeps its own durability settings and whose backups are pg_dump's.
/// </summary>
public static class DatabaseSafety
{
    public sealed record Settings(string JournalMode, int Synchronous, int BusyTimeoutMs)
    {
        /// <summary>WAL, synchronous=FULL (2) and a busy timeout: committed data survives a crash, writers wait instead of failing.</summary>
        public bool AreSafe => JournalMode == "wal" && Synchronous >= 2 && BusyTimeoutMs >= 1000;

        public override string ToString() => $"journal_mode={JournalMode} synchronous={(Synchronous >= 2 ? "FULL" : Synchronous.ToString(System.Globalization.CultureInfo.InvariantCulture))} busy_timeout={BusyTimeoutMs} ms";
    }

    /// <summary>Puts the file in WAL mode (it is a property of the file) and reads back the connection's settings.</summary>
    public static async Task<Settings> EnsureAsync(CatalogueDb db, CancellationToken ct)
    {
        SqliteOnly(db, "WAL and synchronous settings");
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await ScalarAsync(connection, "PRAGMA journal_mode = WAL", ct);
            return new Settings(
                (string)(await ScalarAsync(connection, "PRAGMA journal_mode", ct))!,
                Convert.ToInt32(await ScalarAsync(connection, "PRAGMA synchronous", ct), System.Globalization.CultureInfo.InvariantCulture),
                Convert.ToInt32(await ScalarAsync(connection, "PRAGMA busy_timeout", ct), System.Globalization.CultureInfo.InvariantCulture));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Migrations recorded in the database that this build does not have: it was migrated by a newer version.</summary>
    /// <summary>
    /// Whether the database exists and has EF Core's history table, asked of the engine's catalog:
    /// EF Core's own answer on PostgreSQL runs the failing query and logs it as an error.
    /// </summary>
    public static async Task<bool> HasMigrationHistoryAsync(CatalogueDb db, CancellationToken ct)
    {
        if (!await db.GetService<IRelationalDatabaseCreator>().ExistsAsync(ct))
        {
            return false;
        }
        return await db.Database.SqlQueryRaw<int>(HistoryTableCountSql(db.Database)).SingleAsync(ct) > 0;
    }

    /// <summary>1 when EF Core's history table exists, else 0, asked of the engine's catalog (column "Value").</summary>
    internal static string HistoryTableCountSql(DatabaseFacade database) => database.IsPostgres()
        ? "SELECT CASE WHEN to_regclass('\"__EFMigrationsHistory\"') IS NULL THEN 0 ELSE 1 END AS \"Value\""
        : "SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsHistory'";

    /// <summary>Makes the database (when missing) and EF Core's empty history table.</summary>
    public static async Task CreateMigrationHistoryAsync(CatalogueDb db, CancellationToken ct)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync(ct))
        {
            await creator.CreateAsync(ct);
        }
        await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(ct);
    }

    public static async Task<IReadOnlyList<string>> UnknownMigrationsAsync(CatalogueDb db, CancellationToken ct)
    {
        var known = db.Database.GetMigrations().ToHashSet();
        return (await db.Database.GetAppliedMigrationsAsync(ct)).Where(m => !known.Contains(m)).ToList();
    }

    /// <summary>A consistent copy of a live database (VACUUM INTO), while others read and write it.</summary>
    public static async Task BackupAsync(CatalogueDb db, string target, CancellationToken ct)
    {
        SqliteOnly(db, "VACUUM INTO backups (on PostgreSQL use pg_dump)");
        if (File.Exists(target))
        {
            throw new IOException($"{target} already exists");
        }
        await db.Database.ExecuteSqlRawAsync("VACUUM INTO {0}", [target], ct);
    }

    /// <summary>"ok" when SQLite finds nothing wrong with the file, else its complaints.</summary>
    public static async Task<string> IntegrityCheckAsync(string path, CancellationToken ct)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync(ct);
        var lines = new List<string>();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            lines.Add(reader.GetString(0));
        }
        return string.Join("; ", lines);
    }

    private static void SqliteOnly(CatalogueDb db, string what)
    {
        if (db.Database.IsPostgres())
        {
            throw new InvalidOperationException($"{what} are SQLite's; this catalogue is on PostgreSQL.");
        }
    }

    private static async Task<object?> ScalarAsync(DbConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(ct);
    }
}
