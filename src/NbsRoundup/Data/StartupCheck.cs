using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using NbsRoundup.Catalogue;
using NbsRoundup.Rendering;

namespace NbsRoundup.Data;

/// <summary>
/// Start-up's quick look, in plain SQL on one connection: is the catalogue migrated to exactly this
/// build's migrations, with nothing for the catch-ups to do (stored renderings, link keys, the derived
/// tables' version rows)? Then start-up has nothing to change and skips EF Core's migrator and the
/// catch-ups' own queries, whose first compilation cost about half a second before the first page.
/// When anything is off (a new or older database, one from a newer build, a row to catch up) start-up
/// takes its full path, which decides what to do; this check only ever says "nothing to do".
/// </summary>
public static class StartupCheck
{
    public static async Task<bool> NothingToDoAsync(CatalogueDb db, CancellationToken ct)
    {
        if (!await db.GetService<IRelationalDatabaseCreator>().ExistsAsync(ct))
        {
            return false;
        }
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var connection = db.Database.GetDbConnection();
            if (Convert.ToInt64(await ScalarAsync(connection, DatabaseSafety.HistoryTableCountSql(db.Database), ct), System.Globalization.CultureInfo.InvariantCulture) == 0)
            {
                return false;
            }
            var applied = new HashSet<string>(StringComparer.Ordinal);
            await using (var command = Command(connection, "SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\""))
            await using (var reader = await command.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    applied.Add(reader.GetString(0));
                }
            }
            if (!applied.SetEquals(db.Database.GetMigrations()))
            {
                return false;
            }
            return Convert.ToInt64(await ScalarAsync(connection, WorkToDoSql(db), ct), System.Globalization.CultureInfo.InvariantCulture) == 0;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// 1 when a catch-up has work: the conditions of <see cref="RenderedTexts.BackfillAsync"/>,
    /// <see cref="LinkKeys.BackfillAsync"/> and of the version rows <see cref="DerivedTables"/> reads, in SQL.
    /// Names come from the model, so a renamed table or column cannot leave this looking at the old one.
    /// </summary>
    private static string WorkToDoSql(CatalogueDb db)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        string Table<T>() => sql.DelimitIdentifier(db.Model.FindEntityType(typeof(T))!.GetTableName()!);
        string Column<T>(string property) => sql.DelimitIdentifier(db.Model.FindEntityType(typeof(T))!.FindProperty(property)!.GetColumnName());
        string Unrendered<T>() =>
            $"EXISTS (SELECT 1 FROM {Table<T>()} WHERE {Column<T>(nameof(Entry.RenderedWith))} IS NULL OR {Column<T>(nameof(Entry.RenderedWith))} <> {MarkdownRenderer.Version})";
        string Outdated(string name, int version) =>
            $"NOT EXISTS (SELECT 1 FROM {Table<IndexVersion>()} WHERE {Column<IndexVersion>(nameof(IndexVersion.Name))} = '{name}' AND {Column<IndexVersion>(nameof(IndexVersion.Version))} = {version})";
        var conditions = new[]
        {
            Unrendered<Entry>(),
            Unrendered<Issue>(),
            Unrendered<IssueSectionIntro>(),
            $"EXISTS (SELECT 1 FROM {Table<Entry>()} WHERE {Column<Entry>(nameof(Entry.Link))} IS NOT NULL AND {Column<Entry>(nameof(Entry.LinkKey))} IS NULL)",
            Outdated(SearchIndex.Table, SearchIndex.FormatVersion),
            Outdated(PlaceScopeIndex.Table, PlaceScopeIndex.FormatVersion),
        };
        return "SELECT CASE WHEN " + string.Join(" OR ", conditions) + " THEN 1 ELSE 0 END";
    }

    private static DbCommand Command(DbConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    private static async Task<object?> ScalarAsync(DbConnection connection, string sql, CancellationToken ct)
    {
        await using var command = Command(connection, sql);
        return await command.ExecuteScalarAsync(ct);
    }
}
