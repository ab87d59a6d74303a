using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using NbsRoundup.Data;
using Npgsql;

namespace NbsRoundup.Testing;

/// <summary>
/// The database engine the test suites run on: SQLite files by default; PostgreSQL when
/// NBS_TEST_PROVIDER=Postgres, on the server named by NBS_TEST_POSTGRES (a connection string,
/// without Database, of a role that may create databases). Each fixture gets a database of its
/// own — a temp file, or a CREATE DATABASE with a unique name — dropped when it is disposed.
/// </summary>
internal static class TestEngine
{
    public static DatabaseProvider Provider { get; } = CatalogueDatabase.ParseProvider(Environment.GetEnvironmentVariable("NBS_TEST_PROVIDER"));

    public static bool IsPostgres => Provider == DatabaseProvider.Postgres;

    /// <summary>NBS_TEST_REDIS: a Redis server (host:port) that the web suite's portals keep their output cache in.</summary>
    public static string? Redis => Environment.GetEnvironmentVariable("NBS_TEST_REDIS") is { Length: > 0 } redis ? redis : null;

    private static string Server =>
        Environment.GetEnvironmentVariable("NBS_TEST_POSTGRES") is { Length: > 0 } server
            ? server
            : throw new InvalidOperationException("NBS_TEST_PROVIDER=Postgres needs NBS_TEST_POSTGRES, e.g. \"Host=127.0.0.1;Port=5432;Username=postgres\" (./test.sh sets both)");

    /// <summary>A new, empty database; its connection string.</summary>
    public static string CreateDatabase(string prefix)
    {
        var name = $"{prefix}-{Guid.NewGuid():N}";
        if (!IsPostgres)
        {
            return new SqliteConnectionStringBuilder { DataSource = Path.Combine(Path.GetTempPath(), name + ".db") }.ToString();
        }
        name = name.Replace('-', '_');
        using (var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Server) { Database = "postgres", Pooling = false }.ToString()))
        {
            connection.Open();
            using var create = connection.CreateCommand();
            create.CommandText = $"CREATE DATABASE \"{name}\"";
            create.ExecuteNonQuery();
        }
        return new NpgsqlConnectionStringBuilder(Server) { Database = name }.ToString();
    }

    /// <summary>Removes a database made by CreateDatabase, with whatever connections are still open to it.</summary>
    public static void DropDatabase(string connectionString)
    {
        if (!IsPostgres)
        {
            SqliteConnection.ClearAllPools();
            var path = new SqliteConnectionStringBuilder(connectionString).DataSource;
            foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            {
                File.Delete(file);
            }
            return;
        }
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        using (var own = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(own);
        }
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Server) { Database = "postgres", Pooling = false }.ToString());
        connection.Open();
        using var drop = connection.CreateCommand();
        drop.CommandText = $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)";
        drop.ExecuteNonQuery();
    }

    /// <summary>An open ADO.NET connection to a test database, for checks beside EF.</summary>
    public static DbConnection Connect(string connectionString)
    {
        DbConnection connection = IsPostgres ? new NpgsqlConnection(connectionString) : new SqliteConnection(connectionString);
        connection.Open();
        return connection;
    }

    public static long Count(string connectionString, string table)
    {
        using var connection = Connect(connectionString);
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    public static void Execute(string connectionString, string sql)
    {
        using var connection = Connect(connectionString);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// Every row of every table, as text: equal dumps mean an unchanged database. Data Protection
    /// keys are left out: the first request that needs one makes it, whatever the test does.
    /// </summary>
    public static string Dump(string connectionString)
    {
        using var connection = Connect(connectionString);
        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = IsPostgres
                ? "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name COLLATE \"C\""
                : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
            using var reader = list.ExecuteReader();
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }
        var sb = new StringBuilder();
        foreach (var table in tables.Where(t => t != "DataProtectionKeys"))
        {
            using var select = connection.CreateCommand();
            // PostgreSQL returns rows that tie on the first column in no fixed order: sort by the whole row.
            select.CommandText = IsPostgres ? $"SELECT t::text FROM \"{table}\" t ORDER BY t::text COLLATE \"C\"" : $"SELECT * FROM \"{table}\" ORDER BY 1";
            using var reader = select.ExecuteReader();
            sb.Append("## ").AppendLine(table);
            while (reader.Read())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    sb.Append(reader.IsDBNull(i) ? "NULL" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)).Append('|');
                }
                sb.AppendLine();
            }
        }
        return sb.ToString();
    }
}

/// <summary>A test of something only SQLite has; skipped, with the reason, when the suite runs on PostgreSQL.</summary>
internal sealed class SqliteOnlyFactAttribute : FactAttribute
{
    public SqliteOnlyFactAttribute(string reason)
    {
        if (TestEngine.IsPostgres)
        {
            Skip = "SQLite only: " + reason;
        }
    }
}

/// <summary>A theory about something only SQLite has; skipped, with the reason, when the suite runs on PostgreSQL.</summary>
internal sealed class SqliteOnlyTheoryAttribute : TheoryAttribute
{
    public SqliteOnlyTheoryAttribute(string reason)
    {
        if (TestEngine.IsPostgres)
        {
            Skip = "SQLite only: " + reason;
        }
    }
}

/// <summary>A test of how the portal behaves on PostgreSQL; skipped on SQLite, where its counterpart runs.</summary>
internal sealed class PostgresOnlyFactAttribute : FactAttribute
{
    public PostgresOnlyFactAttribute(string reason)
    {
        if (!TestEngine.IsPostgres)
        {
            Skip = "PostgreSQL only: " + reason;
        }
    }
}
