using Microsoft.EntityFrameworkCore;
using NbsRoundup.Data;
using NbsRoundup.Catalogue;
using NbsRoundup.Importing;
using NbsRoundup.Testing;
using NbsRoundup.Tests.Data;

namespace NbsRoundup.Tests.Caching;

/// <summary>Each committed change records exactly the cache tags of the pages it makes stale.</summary>
public sealed class ChangeLogTests : IDisposable
{
    private readonly TestDatabase _database = TestDatabase.Create();

    public ChangeLogTests()
    {
        using var db = _database.Open();
        new CatalogueImporter(db).ImportAsync(ContentFiles.Parse(ContentFiles.Vol3), dryRun: false).GetAwaiter().GetResult();
    }

    public void Dispose() => _database.Dispose();

    private async Task<HashSet<string>> ChangeAsync(Func<NbsRoundup.Data.CatalogueDb, Task> change)
    {
        long before;
        await using (var db = _database.Open())
        {
            before = await ChangeLog.LatestAsync(db, CancellationToken.None);
            await change(db);
        }
        await using var check = _database.Open();
        var records = await ChangeLog.SinceAsync(check, before, CancellationToken.None);
        return records.SelectMany(r => r.Changed.Split(' ')).ToHashSet();
    }

    [Fact]
    public async Task Editing_an_entry_names_it_its_issue_section_and_organisations()
    {
        var tags = await ChangeAsync(async db =>
        {
            var entry = await db.Entries.SingleAsync(e => e.Slug == "corporate-net-zero-standard");
            entry.Update(entry.Content with { Summary = "新的摘要" });
            await db.SaveChangesAsync();
        });

        Assert.Equal(["entry:corporate-net-zero-standard", "issue:2021-11", "organisation:sbti", "section:standards"], tags.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Moving_an_entry_to_another_section_names_both_sections()
    {
        var tags = await ChangeAsync(async db =>
        {
            var entry = await db.Entries.SingleAsync(e => e.Slug == "corporate-net-zero-standard");
            entry.Update(entry.Content with { SectionId = Section.Find("policy")!.Id });
            await db.SaveChangesAsync();
        });

        Assert.Contains("section:standards", tags);
        Assert.Contains("section:policy", tags);
    }

    [Fact]
    public async Task Changing_an_entrys_organisations_names_the_old_and_the_new_one()
    {
        var tags = await ChangeAsync(async db =>
        {
            var entry = await db.Entries.Include(e => e.Organisations).ThenInclude(o => o.Organisation).SingleAsync(e => e.Slug == "corporate-net-zero-standard");
            entry.SetOrganisations([await db.Organisations.SingleAsync(o => o.Slug == "wri")]);
            await db.SaveChangesAsync();
        });

        Assert.Contains("organisation:sbti", tags);
        Assert.Contains("organisation:wri", tags);
        Assert.DoesNotContain("organisation:tnc", tags);
    }

    [Fact]
    public async Task Renaming_an_organisation_names_every_page_that_shows_its_name()
    {
        var tags = await ChangeAsync(async db =>
        {
            var organisation = await db.Organisations.Include(o => o.Aliases).SingleAsync(o => o.Slug == "wri");
            organisation.Rename("World Resources Institute (WRI)", "WRI");
            await db.SaveChangesAsync();
        });

        Assert.Contains("organisation:wri", tags);
        Assert.Contains("entry:wri-climate-resilient-infrastructure-china", tags);
        Assert.Contains("section:research", tags);
        Assert.DoesNotContain("entry:corporate-net-zero-standard", tags);
    }

    [Fact]
    public async Task Unpublishing_an_issue_names_all_of_its_entries()
    {
        var tags = await ChangeAsync(async db =>
        {
            (await db.Issues.SingleAsync()).Unpublish();
            await db.SaveChangesAsync();
        });

        Assert.Equal(70, tags.Count(t => t.StartsWith("entry:", StringComparison.Ordinal)));
        Assert.Equal(7, tags.Count(t => t.StartsWith("section:", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Deleting_an_entry_names_the_pages_it_was_on()
    {
        var tags = await ChangeAsync(async db =>
        {
            var issue = await db.Issues.Include(i => i.Entries).SingleAsync();
            issue.RemoveEntry(issue.Entries.Single(e => e.Slug == "tnc-foodscales-food-system-transition"));
            await db.SaveChangesAsync();
        });

        Assert.Contains("entry:tnc-foodscales-food-system-transition", tags);
        Assert.Contains("organisation:tnc", tags);
        Assert.Contains("section:research", tags);
    }

    [Fact]
    public async Task An_import_that_changes_nothing_records_nothing()
    {
        var tags = await ChangeAsync(db => new CatalogueImporter(db).ImportAsync(ContentFiles.Parse(ContentFiles.Vol3), dryRun: false));
        Assert.Empty(tags);
    }

    [Fact]
    public async Task A_dry_run_records_nothing()
    {
        var changed = ContentFiles.Text(ContentFiles.Vol3).Replace("date: 10月\n", "date: 9月\n", StringComparison.Ordinal);
        var tags = await ChangeAsync(db => new CatalogueImporter(db).ImportAsync(NewsletterParser.Parse(changed, "x.md").Document!, dryRun: true));
        Assert.Empty(tags);
    }
}
