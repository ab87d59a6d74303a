using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace NbsRoundup.Data;

/// <summary>
/// Per-connection SQLite settings EF cannot put in a connection string: synchronous=FULL so that a
/// committed change survives a power cut, a busy timeout so that a writer waits for another instead
/// of failing with "database is locked", and memory-mapped reads so that catalogue queries over a
/// large file read pages without a system call each (the operating system's shared file cache,
/// not memory of the process's own). It also gives the connection the full-text index's rank
/// function (<see cref="SqliteRank"/>).
/// </summary>
public sealed class SqliteTuning : DbConnectionInterceptor
{
    public const long MmapBytes = 256L * 1024 * 1024;

    public static readonly SqliteTuning Instance = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
        SqliteRank.Register((SqliteConnection)connection);
    }

    private static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Sql;
        command.ExecuteNonQuery();
        SqliteRank.Register((SqliteConnection)connection);
    }

    public const int BusyTimeoutMs = 30_000;

    private static readonly string Sql = $"PRAGMA synchronous = FULL; PRAGMA busy_timeout = {BusyTimeoutMs}; PRAGMA mmap_size = {MmapBytes};";
}
