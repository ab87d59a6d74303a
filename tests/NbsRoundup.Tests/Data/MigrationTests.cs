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
        // The catalogue as this release writes it, then copied into the previous release's schema (the
        // columns and tables that schema has): what the previous release would have held.
        using var current = TestDatabase.Create();
        string before;
        await using (var db = current.Open())
        {
            var plan = await new CatalogueImporter(db).ImportAsync(ContentFiles.Parse(ContentFiles.Vol3), dryRun: false);
            Assert.True(plan.Applied);
            before = await CatalogueText.OfAsync(db, withTags: false);
        }
        using var database = TestDatabase.Create(migrate: false);
        await using (var db = database.Open())
        {
            var migrations = db.Database.GetMigrations().ToList();
            Assert.True(migrations.Count >= 2, "a previous release needs a migration before the last");
            await db.GetService<IMigrator>().MigrateAsync(migrations[^2]);
            Assert.Equal([migrations[^1]], await db.Database.GetPendingMigrationsAsync());
        }
        PreviousRelease.Copy(current.ConnectionString, database.ConnectionString);

        await using (var db = database.Open())
        {
            await db.Database.MigrateAsync();

            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.Equal(before, await CatalogueText.OfAsync(db, withTags: false));
            Assert.Equal(70, await db.Entries.CountAsync());
            Assert.True(await SearchIndex.IsCompleteAsync(db, CancellationToken.None));
            var found = await new CatalogueSearch(db).RunAsync(new CatalogueQuery { Keywords = "红树林" });
            Assert.Contains(found.Items, i => i.Slug == "mangrove-ecological-restoration-handbook");

            // What start-up does for a catalogue of a release before stored rendering (its texts have no HTML
            // yet, as after the StoredRenderedText migration): every such text is rendered, once.
            await db.Database.ExecuteSqlRawAsync("UPDATE \"Entries\" SET \"RenderedWith\" = NULL, \"SummaryHtml\" = '', \"SummaryText\" = ''");
            await db.Database.ExecuteSqlRawAsync("UPDATE \"Issues\" SET \"RenderedWith\" = NULL, \"IntroductionHtml\" = '', \"IntroductionText\" = ''");
            await db.Database.ExecuteSqlRawAsync("UPDATE \"IssueSectionIntros\" SET \"RenderedWith\" = NULL, \"Html\" = '', \"Text\" = ''");
            Assert.Equal(70 + 1 + await db.IssueSectionIntros.CountAsync(), await RenderedTexts.BackfillAsync(db, CancellationToken.None));
            var entry = await db.Entries.AsNoTracking().SingleAsync(e => e.Slug == "corporate-net-zero-standard");
            Assert.StartsWith("<p>该标准指出", entry.SummaryHtml);
            Assert.StartsWith("该标准指出", entry.SummaryText);
            Assert.Equal(0, await RenderedTexts.BackfillAsync(db, CancellationToken.None));
        }
    }
}
