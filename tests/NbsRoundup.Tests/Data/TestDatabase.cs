using Microsoft.EntityFrameworkCore;
using NbsRoundup.Data;
using NbsRoundup.Testing;

namespace NbsRoundup.Tests.Data;

/// <summary>
/// A real database of its own — an SQLite file in the temp folder, or a PostgreSQL database
/// when the suite runs on PostgreSQL — migrated with the real migrations, removed afterwards.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    private TestDatabase(string connectionString)
    {
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    public static DatabaseProvider Provider => TestEngine.Provider;

    public static TestDatabase Create(bool migrate = true)
    {
        var database = new TestDatabase(TestEngine.CreateDatabase("nbs-test"));
        if (migrate)
        {
            using var db = database.Open();
            db.Database.Migrate();
        }
        return database;
    }

    public CatalogueDb Open() => new(CatalogueDatabase.Options(Provider, ConnectionString));

    /// <summary>Every row of every catalogue table, as text: equal dumps mean an unchanged catalogue.</summary>
    public string Dump() => TestEngine.Dump(ConnectionString);

    public void Dispose() => TestEngine.DropDatabase(ConnectionString);
}
