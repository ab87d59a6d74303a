using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace NbsRoundup.Web.Caching;

/// <summary>
/// Says cheaply whether the database may have changed since it was last asked, so that a request
/// served from the cache need not read the change log. On SQLite a read-only connection of its own
/// watches <c>PRAGMA data_version</c>, which moves whenever any other connection — this portal's,
/// a command-line import's, another process's — commits. Elsewhere every request reads the log.
/// </summary>
public sealed class ChangeSignal : IDisposable
{
    private readonly Lock _lock = new();
    private readonly SqliteConnection? _watch;
    private long _lastVersion = -1;

    public ChangeSignal(IServiceProvider services)
    {
        // From the store's options, not from a context: the first context of the process costs EF Core's
        // whole service set-up, which start-up does on another core while this runs.
        var options = services.GetRequiredService<DbContextOptions<CatalogueDb>>();
        if (options.Provider() == DatabaseProvider.Sqlite)
        {
            var builder = new SqliteConnectionStringBuilder(RelationalOptionsExtension.Extract(options).ConnectionString) { Mode = SqliteOpenMode.ReadOnly, Pooling = false };
            _watch = new SqliteConnection(builder.ToString());
        }
    }

    /// <summary>Whether this engine has a local signal; without one every request reads the change log.</summary>
    public bool IsCheap => _watch is not null;

    /// <summary>True when a commit may have happened since the last call that returned true.</summary>
    public bool MayHaveChanged()
    {
        if (_watch is null)
        {
            return true;
        }
        lock (_lock)
        {
            if (_watch.State != System.Data.ConnectionState.Open)
            {
                _watch.Open();
            }
            using var command = _watch.CreateCommand();
            command.CommandText = "PRAGMA data_version";
            var version = (long)command.ExecuteScalar()!;
            if (version == _lastVersion)
            {
                return false;
            }
            _lastVersion = version;
            return true;
        }
    }

    public void Dispose() => _watch?.Dispose();
}
