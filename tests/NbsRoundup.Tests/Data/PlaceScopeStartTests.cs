using Microsoft.EntityFrameworkCore;
using NbsRoundup.Data;
using NbsRoundup.Importing;
using NbsRoundup.Search;
using NbsRoundup.Testing;

namespace NbsRoundup.Tests.Data;

/// <summary>
/// What start-up does with the place scopes: like the search index, one IndexVersions row says they are
/// complete, so a tagged catalogue is not counted at every start; missing or outdated scopes are rewritten.
/// </summary>
public sealed class PlaceScopeStartTests : IDisposable
{
    private readonly TestDatabase _database = TestDatabase.Create();
    private readonly int _scopes;

    public PlaceScopeStartTests()
    {
        using var db = _database.Open();
        Assert.True(new CatalogueImporter(db).ImportAsync(ContentFiles.Parse(ContentFiles.Vol3), dryRun: false).GetAwaiter().GetResult().Applied);
        _scopes = db.PlaceScopes.Count();
        Assert.True(_scopes > 0);
    }

    public void Dispose() => _database.Dispose();

    private async Task<int> EnsureAsync()
    {
        await using var db = _database.Open();
        return await PlaceScopeIndex.EnsureCompleteAsync(db, CancellationToken.None);
    }

    /// <summary>The entries in Latin America, as readers find them (the catalogue's kept columns), or as the table holds them now.</summary>
    private async Task<IReadOnlyList<string>> LatinAmericaAsync(bool fromTable = false)
    {
        await using var db = _database.Open();
        var options = new CatalogueSearch.Options(Columns: !fromTable);
        return (await new CatalogueSearch(db).RunAsync(new CatalogueQuery { Places = ["419"] }, options)).Items.Select(i => i.Slug).ToList();
    }

    [Fact]
    public async Task Scopes_missing_from_a_tagged_catalogue_are_written_once_and_recorded()
    {
        var before = await LatinAmericaAsync();
        Assert.NotEmpty(before);
        // As after the migration that added the table to a tagged catalogue.
        TestEngine.Execute(_database.ConnectionString, "DELETE FROM \"PlaceScopes\"; DELETE FROM \"IndexVersions\"");
        Assert.Empty(await LatinAmericaAsync(fromTable: true));

        Assert.Equal(_scopes, await EnsureAsync());

        Assert.Equal(before, await LatinAmericaAsync(fromTable: true));
        Assert.Equal(before, await LatinAmericaAsync());
        Assert.Equal(0, await EnsureAsync());
    }

    [Fact]
    public async Task Complete_scopes_without_a_record_are_counted_once_and_recorded()
    {
        TestEngine.Execute(_database.ConnectionString, "DELETE FROM \"IndexVersions\"");

        Assert.Equal(0, await EnsureAsync());

        await using var db = _database.Open();
        Assert.Equal(PlaceScopeIndex.FormatVersion, (await db.IndexVersions.SingleAsync(v => v.Name == PlaceScopeIndex.Table)).Version);
    }

    [Fact]
    public async Task Scopes_recorded_by_an_older_format_are_rewritten()
    {
        Assert.Equal(0, await EnsureAsync());
        TestEngine.Execute(_database.ConnectionString,
            $"DELETE FROM \"PlaceScopes\" WHERE \"Code\" = '419'; UPDATE \"IndexVersions\" SET \"Version\" = {PlaceScopeIndex.FormatVersion - 1} WHERE \"Name\" = '{PlaceScopeIndex.Table}'");

        Assert.Empty(await LatinAmericaAsync()); // read into the kept columns

        Assert.Equal(_scopes, await EnsureAsync());

        // The rewrite is a change: what readers are shown follows it, without waiting for an edit.
        Assert.NotEmpty(await LatinAmericaAsync());
    }
}
