using Microsoft.EntityFrameworkCore;
using NbsRoundup.Catalogue;

namespace NbsRoundup.Tests.Data;

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

        Assert.False(db.Database.HasPendingModelChanges(), "run: dotnet ef migrations add <Name> --project src/NbsRoundup --output-dir Data/Migrations");
    }
}
