using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using NbsRoundup.Data;
using NbsRoundup.Importing;
using NbsRoundup.Search;
using NbsRoundup.Testing;

namespace NbsRoundup.Tests.Data;

/// <summary>
/// What start-up does with the full-text index: one row tells it the index is complete, so a large
/// catalogue is not counted at every start; an index that is not complete is still found and rebuilt.
/// </summary>
public sealed class SearchIndexStartTests : IDisposable
{
    private readonly TestDatabase _database = TestDatabase.Create();

    public SearchIndexStartTests()
    {
        using var db = _database.Open();
        Assert.True(new CatalogueImporter(db).ImportAsync(ContentFiles.Parse(ContentFiles.Vol3), dryRun: false).GetAwaiter().GetResult().Applied);
        // The first start on it: counted once, and recorded complete.
        Assert.Equal(0, SearchIndex.EnsureCompleteAsync(db, CancellationToken.None).GetAwaiter().GetResult());
    }

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task A_recorded_complete_index_is_confirmed_by_one_read_of_one_row()
    {
        var commands = new CommandLog();
        var options = new DbContextOptionsBuilder<CatalogueDb>();
        options.Use(TestDatabase.Provider, _database.ConnectionString).AddInterceptors(commands);
        await using (var db = new CatalogueDb(options.Options))
        {
            Assert.Equal(0, await SearchIndex.EnsureCompleteAsync(db, CancellationToken.None));
        }

        var command = Assert.Single(commands.Texts);
        Assert.Contains("\"IndexVersions\"", command, StringComparison.Ordinal);
        Assert.DoesNotContain("COUNT", command, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_empty_index_without_a_record_is_rebuilt_and_then_recorded()
    {
        // As after the migration that added the index table to a filled catalogue.
        TestEngine.Execute(_database.ConnectionString, "DELETE FROM \"EntrySearch\"; DELETE FROM \"IndexVersions\"");

        await using (var db = _database.Open())
        {
            Assert.Equal(70, await SearchIndex.EnsureCompleteAsync(db, CancellationToken.None));
        }

        await using (var db = _database.Open())
        {
            Assert.True(await SearchIndex.IsCompleteAsync(db, CancellationToken.None));
            Assert.Equal(SearchIndex.FormatVersion, (await db.IndexVersions.SingleAsync()).Version);
            var found = await new CatalogueSearch(db).RunAsync(new CatalogueQuery { Keywords = "红树林" });
            Assert.Contains(found.Items, i => i.Slug == "mangrove-ecological-restoration-handbook");
        }
    }

    [Fact]
    public async Task An_index_recorded_by_an_older_format_is_rebuilt()
    {
        TestEngine.Execute(_database.ConnectionString,
            $"DELETE FROM \"EntrySearch\" WHERE {(TestEngine.IsPostgres ? "\"Id\"" : "rowid")} % 2 = 0; UPDATE \"IndexVersions\" SET \"Version\" = {SearchIndex.FormatVersion - 1}");

        await using (var db = _database.Open())
        {
            Assert.Equal(70, await SearchIndex.EnsureCompleteAsync(db, CancellationToken.None));
        }

        await using (var db = _database.Open())
        {
            Assert.True(await SearchIndex.IsCompleteAsync(db, CancellationToken.None));
            Assert.Equal(SearchIndex.FormatVersion, (await db.IndexVersions.SingleAsync()).Version);
        }
    }

    [Fact]
    public async Task A_complete_index_of_an_older_catalogue_without_a_record_is_counted_once_and_recorded()
    {
        TestEngine.Execute(_database.ConnectionString, "DELETE FROM \"IndexVersions\"");

        await using (var db = _database.Open())
        {
            Assert.Equal(0, await SearchIndex.EnsureCompleteAsync(db, CancellationToken.None));
            Assert.Equal(SearchIndex.FormatVersion, (await db.IndexVersions.SingleAsync()).Version);
        }
    }

    private sealed class CommandLog : DbCommandInterceptor
    {
        public List<string> Texts { get; } = [];

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Texts.Add(command.CommandText);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Texts.Add(command.CommandText);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Texts.Add(command.CommandText);
            return ValueTask.FromResult(result);
        }
    }
}
