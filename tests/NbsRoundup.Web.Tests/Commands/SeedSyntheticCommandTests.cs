using Microsoft.Data.Sqlite;
using NbsRoundup.Testing;
using NbsRoundup.Web.Commands;
using Npgsql;

namespace NbsRoundup.Web.Tests.Commands;

/// <summary>`seed-synthetic` on either engine: a separate database, never the catalogue.</summary>
public sealed class SeedSyntheticCommandTests
{
    [Fact]
    public async Task Seed_synthetic_fills_a_new_database_of_its_own_and_leaves_the_catalogue_as_it_was()
    {
        using var portal = new PortalFactory();
        _ = portal.Services;
        var before = DatabaseDump.Of(portal);
        var name = TestEngine.IsPostgres ? $"nbs_synthetic_{Guid.NewGuid():N}" : Path.Combine(Path.GetTempPath(), $"nbs-synthetic-{Guid.NewGuid():N}.db");
        var target = TestEngine.IsPostgres
            ? new NpgsqlConnectionStringBuilder(portal.ConnectionString) { Database = name }.ToString()
            : new SqliteConnectionStringBuilder { DataSource = name }.ToString();
        try
        {
            using var output = new StringWriter();
            using var error = new StringWriter();
            var exit = await CommandLine.RunAsync(["seed-synthetic", "--entries", "150", "--database", name, .. portal.DatabaseArguments], output, error);

            Assert.True(exit == 0, error.ToString());
            Assert.Contains("Wrote 150 entries", output.ToString(), StringComparison.Ordinal);
            Assert.Equal(150, TestEngine.Count(target, "Entries"));
            Assert.Equal(before, DatabaseDump.Of(portal));

            using var again = new StringWriter();
            Assert.Equal(1, await CommandLine.RunAsync(["seed-synthetic", "--entries", "10", "--database", name, .. portal.DatabaseArguments], output, again));
            Assert.Contains("already exists", again.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            TestEngine.DropDatabase(target);
        }
    }
}
