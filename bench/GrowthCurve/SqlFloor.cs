using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using NbsRoundup.Data;
using Npgsql;

namespace GrowthCurve;

/// <summary>
/// The floor under a portal query: the SQL commands it ran, captured as EF Core sends them (text and
/// parameters), run again on a plain ADO.NET connection of the same engine, every row read. What the
/// portal takes beyond that is its own: EF Core (query compilation cache, materialisation), the
/// context pool, several round trips, and its C# (facets, rows in order).
/// </summary>
internal sealed class SqlFloor : DbCommandInterceptor, IAsyncDisposable
{
    private readonly List<(string Text, DbParameter[] Parameters)> _captured = [];
    private readonly DbConnection _connection;

    private SqlFloor(DbConnection connection)
    {
        _connection = connection;
    }

    public static async Task<SqlFloor> OpenAsync(DatabaseProvider provider, string connectionString)
    {
        DbConnection connection = provider == DatabaseProvider.Postgres ? new NpgsqlConnection(connectionString) : new SqliteConnection(connectionString);
        await connection.OpenAsync();
        if (provider == DatabaseProvider.Sqlite)
        {
            // The portal's connections read the file memory-mapped (SqliteTuning); so does this one.
            await using var pragma = connection.CreateCommand();
            pragma.CommandText = $"PRAGMA mmap_size = {SqliteTuning.MmapBytes}";
            await pragma.ExecuteNonQueryAsync();
            // And rank with the portal's function; Program replays inside the lengths the portal ranked with.
            SqliteRank.Register((SqliteConnection)connection);
        }
        return new SqlFloor(connection);
    }

    /// <summary>Each command of the last replay with its time in milliseconds, for --profile.</summary>
    public List<(string Text, double Milliseconds)> LastTimes { get; } = [];

    /// <summary>Forgets what was captured, and captures from now on.</summary>
    public void Start() => _captured.Clear();

    /// <summary>The texts of the commands captured since Start.</summary>
    public IEnumerable<string> Texts => _captured.Select(c => c.Text);

    /// <summary>How many commands were captured since Start.</summary>
    public int Commands => _captured.Count;

    /// <summary>Runs the captured commands again, reading every row; milliseconds.</summary>
    public async Task<double> ReplayAsync()
    {
        var clock = Stopwatch.StartNew();
        LastTimes.Clear();
        foreach (var (text, parameters) in _captured)
        {
            var one = Stopwatch.StartNew();
            await using var command = _connection.CreateCommand();
            command.CommandText = text;
            command.Parameters.AddRange(parameters.Select(Copy).ToArray());
            await using var reader = await command.ExecuteReaderAsync();
            do
            {
                while (await reader.ReadAsync())
                {
                    for (var i = 0; i < reader.FieldCount; i++)
                    {
                        _ = reader.GetValue(i);
                    }
                }
            }
            while (await reader.NextResultAsync());
            // A full-text match shows its expression: what it costs depends on it.
            var match = text.Contains("MATCH", StringComparison.Ordinal) && parameters.Length > 0 ? $"  [{parameters[0].Value}]" : "";
            LastTimes.Add((text + match, one.Elapsed.TotalMilliseconds));
        }
        return clock.Elapsed.TotalMilliseconds;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Capture(command);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Capture(command);
        return ValueTask.FromResult(result);
    }

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();

    private void Capture(DbCommand command) =>
        _captured.Add((command.CommandText, command.Parameters.Cast<DbParameter>().Select(Copy).ToArray()));

    private static DbParameter Copy(DbParameter parameter) => parameter switch
    {
        NpgsqlParameter npgsql => npgsql.Clone(),
        SqliteParameter sqlite => new SqliteParameter(sqlite.ParameterName, sqlite.Value) { SqliteType = sqlite.SqliteType, Size = sqlite.Size },
        _ => throw new NotSupportedException($"parameters of {parameter.GetType().Name}"),
    };
}
