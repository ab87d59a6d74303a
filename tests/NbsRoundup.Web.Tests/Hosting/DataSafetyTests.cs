using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NbsRoundup.Catalogue;
using NbsRoundup.Data;
using NbsRoundup.Testing;
using NbsRoundup.Web.Commands;

namespace NbsRoundup.Web.Tests.Hosting;

public class DataSafetyTests
{
    [SqliteOnlyFact("journal mode, synchronous and busy_timeout are SQLite settings; a PostgreSQL server keeps its own")]
    public async Task The_store_runs_in_wal_with_full_sync_and_a_busy_timeout()
    {
        using var portal = new PortalFactory();
        using var scope = portal.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CatalogueDb>();

        var settings = await DatabaseSafety.EnsureAsync(db, CancellationToken.None);

        Assert.Equal("wal", settings.JournalMode);
        Assert.Equal(2, settings.Synchronous);
        Assert.Equal(SqliteTuning.BusyTimeoutMs, settings.BusyTimeoutMs);
        Assert.True(settings.AreSafe);
    }

    [Fact]
    public async Task A_database_migrated_by_a_newer_version_is_refused_at_start()
    {
        using var first = new PortalFactory();
        _ = first.Services; // the first start migrates and seeds
        TestEngine.Execute(first.ConnectionString,
            "INSERT INTO \"__EFMigrationsHistory\" (\"MigrationId\", \"ProductVersion\") VALUES ('29991231000000_FromTheFuture', '99.0.0')");

        using var second = PortalFactory.On(first.ConnectionString);
        var refused = Assert.ThrowsAny<Exception>(() => second.Services);
        Assert.Contains("29991231000000_FromTheFuture", refused.ToString());
    }

    [SqliteOnlyFact("backup copies an SQLite catalogue with VACUUM INTO; on PostgreSQL it names pg_dump (tested below)")]
    public async Task A_backup_taken_while_editors_write_is_consistent()
    {
        using var portal = new PortalFactory();
        var backup = Path.Combine(Path.GetTempPath(), $"nbs-backup-{Guid.NewGuid():N}.db");
        using var stop = new CancellationTokenSource();
        var writes = 0;
        // An editor adds entries ten at a time, each ten in one transaction, while the backup runs.
        var writer = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                using var scope = portal.Services.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<CatalogueDb>();
                var issue = await db.Issues.Include(i => i.Entries).SingleAsync();
                for (var i = 0; i < 10; i++)
                {
                    issue.AddEntry($"concurrent-{writes}-{i}", new EntryContent(1, 100 + i, null, "并发条目", null, "湿地", null, null, null, null));
                }
                await db.SaveChangesAsync();
                writes++;
            }
        });
        try
        {
            while (writes < 3)
            {
                await Task.Delay(20);
            }
            using var output = new StringWriter();
            using var error = new StringWriter();
            var exit = await CommandLine.RunAsync(["backup", "--to", backup, .. portal.DatabaseArguments], output, error);
            Assert.True(exit == 0, error.ToString());
            Assert.Contains("integrity ok", output.ToString());
        }
        finally
        {
            await stop.CancelAsync();
            await writer;
        }
        try
        {
            Assert.Equal("ok", await DatabaseSafety.IntegrityCheckAsync(backup, CancellationToken.None));
            await using var copy = new SqliteConnection($"Data Source={backup};Pooling=False");
            await copy.OpenAsync();
            await using var count = copy.CreateCommand();
            count.CommandText = "SELECT COUNT(*) FROM Entries";
            var entries = (long)(await count.ExecuteScalarAsync())!;
            Assert.Equal(0, (entries - 70) % 10); // never half of a transaction
            Assert.True(entries >= 100);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(backup);
        }
    }

    [SqliteOnlyFact("backup writes SQLite copies only; on PostgreSQL it names pg_dump (tested below)")]
    public async Task A_backup_never_overwrites_a_file()
    {
        using var portal = new PortalFactory();
        _ = portal.Services;
        var existing = Path.GetTempFileName();
        try
        {
            using var output = new StringWriter();
            using var error = new StringWriter();
            var exit = await CommandLine.RunAsync(["backup", "--to", existing, .. portal.DatabaseArguments], output, error);

            Assert.Equal(1, exit);
            Assert.Contains("already exists", error.ToString());
            Assert.Equal(0, new FileInfo(existing).Length);
        }
        finally
        {
            File.Delete(existing);
        }
    }

    [PostgresOnlyFact("on SQLite the backup tests above run")]
    public async Task On_postgres_backup_points_to_pg_dump_and_fails_without_writing_a_file()
    {
        using var portal = new PortalFactory();
        _ = portal.Services;
        var target = Path.Combine(Path.GetTempPath(), $"nbs-backup-{Guid.NewGuid():N}.db");
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await CommandLine.RunAsync(["backup", "--to", target, .. portal.DatabaseArguments], output, error);

        Assert.Equal(1, exit);
        Assert.Contains("pg_dump", error.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(target));
    }
}
