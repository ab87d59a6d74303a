using NbsRoundup.Importing;
using NbsRoundup.Synthetic;
using NbsRoundup.Tests.Data;

namespace NbsRoundup.Tests.Synthetic;

/// <summary>
/// The growth benchmark imports synthetic newsletter files into a synthetic catalogue to measure
/// adding entries; the files name organisations as the catalogue does, so the import renames nothing.
/// </summary>
public sealed class SyntheticNewsletterTests
{
    [Fact]
    public async Task A_synthetic_newsletter_adds_its_entries_to_a_synthetic_catalogue_and_changes_no_organisation()
    {
        using var database = TestDatabase.Create();
        await new SyntheticCatalogue(700).WriteAsync(database.Open);
        var markdown = SyntheticNewsletters.Issue(100_001, entriesPerFile: 45);

        await using var db = database.Open();
        var parsed = NewsletterParser.Parse(markdown, "syn-100001.md");
        Assert.NotNull(parsed.Document);
        var plan = await new CatalogueImporter(db).ImportAsync(parsed.Document!, dryRun: false);

        Assert.True(plan.Applied, string.Join("; ", plan.Diagnostics.Select(d => d.Message)));
        Assert.Equal(45, plan.Count(ChangeKind.Added));
        Assert.Empty(plan.OrganisationChanges);
        Assert.All(plan.Entries, e => Assert.Equal(ChangeKind.Added, e.Kind));
    }
}
