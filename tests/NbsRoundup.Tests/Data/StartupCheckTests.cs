using Microsoft.EntityFrameworkCore;
using NbsRoundup.Data;
using NbsRoundup.Importing;
using NbsRoundup.Testing;

namespace NbsRoundup.Tests.Data;

/// <summary>
/// Start-up skips the migrator and the catch-ups when its quick look says there is nothing to do.
/// The look must never say so wrongly: each way a catalogue can need work is made here, and the look
/// must see it, and the full path must then find that work to do (so the two agree on what "work" is).
/// </summary>
public sealed class StartupCheckTests : IDisposable
{
    private readonly TestDatabase _database = TestDatabase.Create();

    public StartupCheckTests()
    {
        using var db = _database.Open();
        Assert.True(new CatalogueImporter(db).ImportAsync(ContentFiles.Parse(ContentFiles.Vol3), dryRun: false).GetAwaiter().GetResult().Applied);
        CatchUpAsync(db).GetAwaiter().GetResult();
    }

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task A_migrated_catalogue_with_nothing_to_catch_up_needs_nothing()
    {
        await using var db = _database.Open();
        Assert.True(await StartupCheck.NothingToDoAsync(db, CancellationToken.None));
    }

    /// <summary>Each way a catalogue needs work; "recorded" when the table is complete and only its version row is missing.</summary>
    public static TheoryData<string, string, bool> Work => new()
    {
        { "an entry rendered by no renderer", "UPDATE \"Entries\" SET \"RenderedWith\" = NULL WHERE \"Id\" = (SELECT MIN(\"Id\") FROM \"Entries\")", false },
        { "an entry rendered by an older renderer", "UPDATE \"Entries\" SET \"RenderedWith\" = 0 WHERE \"Id\" = (SELECT MAX(\"Id\") FROM \"Entries\")", false },
        { "an issue introduction not rendered", "UPDATE \"Issues\" SET \"RenderedWith\" = NULL", false },
        { "a linked entry without its duplicate-check key", "UPDATE \"Entries\" SET \"Link\" = 'https://www.iucn.org/resources', \"LinkKey\" = NULL WHERE \"Id\" = (SELECT MIN(\"Id\") FROM \"Entries\")", false },
        { "a search index of an older format", "UPDATE \"IndexVersions\" SET \"Version\" = \"Version\" - 1 WHERE \"Name\" = 'EntrySearch'", false },
        { "place scopes of an older format", "UPDATE \"IndexVersions\" SET \"Version\" = \"Version\" - 1 WHERE \"Name\" = 'PlaceScopes'", false },
        { "a search index with no record", "DELETE FROM \"IndexVersions\" WHERE \"Name\" = 'EntrySearch'", true },
        { "place scopes with no record", "DELETE FROM \"IndexVersions\" WHERE \"Name\" = 'PlaceScopes'", true },
    };

    [Theory]
    [MemberData(nameof(Work))]
    public async Task Work_for_a_catch_up_is_seen_and_the_catch_up_agrees(string what, string sql, bool recorded)
    {
        TestEngine.Execute(_database.ConnectionString, sql);

        await using (var db = _database.Open())
        {
            Assert.False(await StartupCheck.NothingToDoAsync(db, CancellationToken.None), what);
            var done = await CatchUpAsync(db);
            if (recorded)
            {
                // Complete but unrecorded: the full path counts it, finds it complete and records it, rewriting nothing.
                Assert.Equal(0, done);
                Assert.Equal(2, await db.IndexVersions.CountAsync());
            }
            else
            {
                Assert.True(done > 0, what);
            }
        }
        await using (var db = _database.Open())
        {
            Assert.True(await StartupCheck.NothingToDoAsync(db, CancellationToken.None), what + ", once caught up");
        }
    }

    [Fact]
    public async Task A_pending_migration_sends_start_up_to_the_migrator()
    {
        TestEngine.Execute(_database.ConnectionString,
            "DELETE FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" = (SELECT MAX(\"MigrationId\") FROM \"__EFMigrationsHistory\")");

        await using var db = _database.Open();
        Assert.False(await StartupCheck.NothingToDoAsync(db, CancellationToken.None));
    }

    [Fact]
    public async Task A_catalogue_migrated_by_a_newer_build_sends_start_up_to_its_refusal()
    {
        TestEngine.Execute(_database.ConnectionString,
            "INSERT INTO \"__EFMigrationsHistory\" (\"MigrationId\", \"ProductVersion\") VALUES ('29991231000000_FromANewerBuild', '10.0.15')");

        await using var db = _database.Open();
        Assert.False(await StartupCheck.NothingToDoAsync(db, CancellationToken.None));
    }

    [Fact]
    public async Task A_database_without_tables_needs_migrating_and_is_left_as_it_was()
    {
        using var empty = TestDatabase.Create(migrate: false);
        var before = empty.Dump();

        await using (var db = empty.Open())
        {
            Assert.False(await StartupCheck.NothingToDoAsync(db, CancellationToken.None));
        }

        Assert.Equal(before, empty.Dump());
    }

    /// <summary>What start-up's full path does after migrating: every catch-up, with how many rows each did.</summary>
    private static async Task<int> CatchUpAsync(CatalogueDb db) =>
        await RenderedTexts.BackfillAsync(db, CancellationToken.None)
        + await SearchIndex.EnsureCompleteAsync(db, CancellationToken.None)
        + await LinkKeys.BackfillAsync(db, CancellationToken.None)
        + await PlaceScopeIndex.EnsureCompleteAsync(db, CancellationToken.None);
}
