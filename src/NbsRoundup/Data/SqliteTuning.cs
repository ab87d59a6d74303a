using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace NbsRoundup.Data;

/// <summary>
/// Per-connection SQLite settings EF cannot put in a connection string: memory-mapped reads, so
/// that catalogue queries over a large file read pages without a system call each. The pages are
/// the operating system's shared file cache, not memory of the process's own.
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
    }

    private static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Sql;
        command.ExecuteNonQuery();
    }

    private static readonly string Sql = $"PRAGMA mmap_size = {MmapBytes};";
}
