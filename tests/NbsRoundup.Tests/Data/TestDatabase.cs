using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NbsRoundup.Data;

namespace NbsRoundup.Tests.Data;

/// <summary>A real SQLite file in the temp folder, migrated with the real migrations, removed afterwards.</summary>
public sealed class TestDatabase : IDisposable
{
    private TestDatabase(string path)
    {
        Path = path;
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();
    }

    public string Path { get; }
    public string ConnectionString { get; }

    public static TestDatabase Create(bool migrate = true)
    {
        var database = new TestDatabase(System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"nbs-test-{Guid.NewGuid():N}.db"));
        if (migrate)
        {
            using var db = database.Open();
            db.Database.Migrate();
        }
        return database;
    }

    public CatalogueDb Open() => new(new DbContextOptionsBuilder<CatalogueDb>().UseSqlite(ConnectionString).Options);

    /// <summary>Every row of every catalogue table, as text: equal dumps mean an unchanged catalogue.</summary>
    public string Dump()
    {
        using var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
            using var reader = list.ExecuteReader();
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }
        var sb = new System.Text.StringBuilder();
        foreach (var table in tables)
        {
            using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\" ORDER BY 1";
            using var reader = select.ExecuteReader();
            sb.Append("## ").AppendLine(table);
            while (reader.Read())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    sb.Append(reader.IsDBNull(i) ? "NULL" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)).Append('|');
                }
                sb.AppendLine();
            }
        }
        return sb.ToString();
    }

    public void Dispose()
    {
        foreach (var file in new[] { Path, Path + "-wal", Path + "-shm" })
        {
            File.Delete(file);
        }
    }
}
