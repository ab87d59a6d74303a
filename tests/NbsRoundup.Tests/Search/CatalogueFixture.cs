using NbsRoundup.Importing;
using NbsRoundup.Testing;
using NbsRoundup.Tests.Data;

namespace NbsRoundup.Tests.Search;

/// <summary>A migrated SQLite file holding the real 2021-11 issue, shared by a test class.</summary>
public sealed class CatalogueFixture : IDisposable
{
    public CatalogueFixture()
    {
        Database = TestDatabase.Create();
        using var db = Database.Open();
        var plan = new CatalogueImporter(db).ImportAsync(ContentFiles.Parse(ContentFiles.Vol3), dryRun: false).GetAwaiter().GetResult();
        Assert.True(plan.Applied);
    }

    public TestDatabase Database { get; }

    public void Dispose() => Database.Dispose();
}
