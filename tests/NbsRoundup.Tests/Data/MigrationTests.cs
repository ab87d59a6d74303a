using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using NbsRoundup.Catalogue;
using NbsRoundup.Data;
using NbsRoundup.Importing;
using NbsRoundup.Search;
using NbsRoundup.Testing;

namespace NbsRoundup.Tests.Data;

/// <summary>The migrations of the engine the suite runs on (SQLite's, or PostgreSQL's own set).</summary>
public class MigrationTests
{
    [Fact]
    public void The_migrations_build_an_empty_database_with_the_seven_sections()
    {
        using var database = TestDatabase.Create(migrate: false);
        using var db = database.Open();

        db.Database.Migrate();

        Assert.Empty(db.Database.GetPendingMigrations());
        Assert.Equal(Section.All.Select(s => s.Key), db.Sections.OrderBy(s => s.Position).Select(s => s.Key));
        Assert.Equal("NbS 在 CBD COP15", db.Sections.Single(s => s.Key == "cop15").NameZh);
        Assert.Equal(0, db.Issues.Count());
    }

    [Fact]
    public void The_model_has_no_changes_missing_from_the_migrations()
    {
        using var database = TestDatabase.Create(migrate: false);
        using var db = database.Open();

        Assert.False(db.Database.HasPendingModelChanges(), TestDatabase.Provider == NbsRoundup.Data.DatabaseProvider.Postgres
            ? "run: dotnet ef migrations add <Name> --project src/NbsRoundup.Migrations.Postgres --startup-project src/NbsRoundup.Migrations.Postgres --output-dir Migrations"
            : "run: dotnet ef migrations add <Name> --project src/NbsRoundup --output-dir Data/Migrations");
    }

    [Fact]
    public async Task A_catalogue_of_the_previous_release_keeps_its_data_when_migrated_to_this_one()
    {
        using var database = TestDatabase.Create(migrate: false);
        string before;
        await using (var db = database.Open())
        {
            var migrations = db.Database.GetMigrations().ToList();
            Assert.True(migrations.Count >= 2, "a previous release needs a migration before the last");
            // The catalogue is imported by this release, then taken back to the schema before the stored
            // rendered texts by the migrations' own Down: that release's data, without what came since.
            var previous = migrations.FindIndex(m => m.EndsWith("_StoredRenderedText", StringComparison.Ordinal)) - 1;
            Assert.True(previous >= 0, "no migration before StoredRenderedText");
            await db.Database.MigrateAsync();
            var plan = await new CatalogueImporter(db).ImportAsync(ContentFiles.Parse(ContentFiles.Vol3), dryRun: false);
            Assert.True(plan.Applied);
            before = await CatalogueText.OfAsync(db);
            await db.GetService<IMigrator>().MigrateAsync(migrations[previous]);
            Assert.Equal(migrations.Skip(previous + 1), await db.Database.GetPendingMigrationsAsync());
        }

        await using (var db = database.Open())
        {
            await db.Database.MigrateAsync();

            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.Equal(before, await CatalogueText.OfAsync(db));
            Assert.Equal(70, await db.Entries.CountAsync());
            Assert.True(await SearchIndex.IsCompleteAsync(db, CancellationToken.None));
            var found = await new CatalogueSearch(db).RunAsync(new CatalogueQuery { Keywords = "红树林" });
            Assert.Contains(found.Items, i => i.Slug == "mangrove-ecological-restoration-handbook");

            // What start-up does next: every text stored before its HTML was is rendered, once.
            Assert.Equal(70 + 1 + await db.IssueSectionIntros.CountAsync(), await RenderedTexts.BackfillAsync(db, CancellationToken.None));
            var entry = await db.Entries.AsNoTracking().SingleAsync(e => e.Slug == "corporate-net-zero-standard");
            Assert.StartsWith("<p>该标准指出", entry.SummaryHtml);
            Assert.StartsWith("该标准指出", entry.SummaryText);
            Assert.Equal(0, await RenderedTexts.BackfillAsync(db, CancellationToken.None));
        }
    }
}
