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
        using var current = TestDatabase.Create();
        await using (var db = current.Open())
        {
            Assert.True((await new CatalogueImporter(db).ImportAsync(ContentFiles.Parse(ContentFiles.Vol3), dryRun: false)).Applied);
        }
        string before;
        await using (var db = database.Open())
        {
            var migrations = db.Database.GetMigrations().ToList();
            Assert.True(migrations.Count >= 2, "a previous release needs a migration before the last");
            await db.GetService<IMigrator>().MigrateAsync(migrations[^2]);
            // The previous release's catalogue: the issue's rows in the tables that release had, as this
            // release's importer wrote them (the previous importer's rows, without this release's new tables).
            await using (var source = current.Open())
            {
                await CopyRowsAsync(source, db, ["Organisations", "OrganisationAliases", "Issues", "IssueSectionIntros", "Entries", "EntryOrganisations"]);
            }
            await SearchIndex.RebuildAsync(db, CancellationToken.None);
            Assert.Equal([migrations[^1]], await db.Database.GetPendingMigrationsAsync());
            before = await CatalogueText.OfAsync(db, withTags: false);
        }

        await using (var db = database.Open())
        {
            await db.Database.MigrateAsync();

            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.Equal(before, await CatalogueText.OfAsync(db, withTags: false));
            Assert.Equal(70, await db.Entries.CountAsync());
            Assert.True(await SearchIndex.IsCompleteAsync(db, CancellationToken.None));
            var found = await new CatalogueSearch(db).RunAsync(new CatalogueQuery { Keywords = "红树林" });
            Assert.Contains(found.Items, i => i.Slug == "mangrove-ecological-restoration-handbook");
        }
    }

    /// <summary>Copies every row of the tables, column by column as the target has them, keys included.</summary>
    private static async Task CopyRowsAsync(CatalogueDb from, CatalogueDb to, IReadOnlyList<string> tables)
    {
        await from.Database.OpenConnectionAsync();
        await to.Database.OpenConnectionAsync();
        var source = from.Database.GetDbConnection();
        var target = to.Database.GetDbConnection();
        await using var transaction = await target.BeginTransactionAsync();
        foreach (var table in tables)
        {
            await using var columnsCommand = target.CreateCommand();
            columnsCommand.Transaction = transaction;
            columnsCommand.CommandText = $"SELECT * FROM \"{table}\" WHERE 1 = 0";
            List<string> columns;
            await using (var empty = await columnsCommand.ExecuteReaderAsync())
            {
                columns = Enumerable.Range(0, empty.FieldCount).Select(empty.GetName).ToList();
            }
            await using var read = source.CreateCommand();
            read.CommandText = $"SELECT {string.Join(", ", columns.Select(c => $"\"{c}\""))} FROM \"{table}\"";
            await using var rows = await read.ExecuteReaderAsync();
            while (await rows.ReadAsync())
            {
                await using var insert = target.CreateCommand();
                insert.Transaction = transaction;
                insert.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i))})";
                for (var i = 0; i < columns.Count; i++)
                {
                    var parameter = insert.CreateParameter();
                    parameter.ParameterName = "@p" + i;
                    parameter.Value = rows.GetValue(i);
                    insert.Parameters.Add(parameter);
                }
                await insert.ExecuteNonQueryAsync();
            }
        }
        await transaction.CommitAsync();
    }
}
