using Microsoft.EntityFrameworkCore;
using NbsRoundup.Importing;
using NbsRoundup.Testing;
using NbsRoundup.Tests.Data;

namespace NbsRoundup.Tests.Importing;

/// <summary>Imports into a real, migrated SQLite file.</summary>
public sealed class CatalogueImporterTests : IDisposable
{
    private readonly TestDatabase _database = TestDatabase.Create();

    public void Dispose() => _database.Dispose();

    private async Task<ImportPlan> ImportAsync(string text, bool dryRun = false, string file = "test.md")
    {
        var parsed = NewsletterParser.Parse(text, file);
        Assert.False(parsed.HasErrors, string.Join("\n", parsed.Diagnostics));
        await using var db = _database.Open();
        return await new CatalogueImporter(db).ImportAsync(parsed.Document!, dryRun);
    }

    private Task<ImportPlan> ImportVol3Async() => ImportAsync(ContentFiles.Text(ContentFiles.Vol3));

    [Fact]
    public async Task Importing_the_real_issue_stores_every_entry_and_organisation()
    {
        var plan = await ImportVol3Async();

        Assert.True(plan.Applied);
        Assert.Equal(70, plan.Count(ChangeKind.Added));
        await using var db = _database.Open();
        Assert.Equal(70, await db.Entries.CountAsync());
        var issue = await db.Issues.SingleAsync();
        Assert.Equal((3, 3), (issue.Volume, issue.Number));
        Assert.Equal(2, await db.IssueSectionIntros.CountAsync());
        var footprint = await db.Entries.SingleAsync(e => e.Slug == "uk-footprint-on-global-biodiversity");
        Assert.Equal(("9 月 31 日", 9, (int?)null), (footprint.DateText, footprint.DateMonth, footprint.DateDay));
        Assert.Equal((new DateOnly(2021, 9, 1), new DateOnly(2021, 9, 30)), (footprint.DateStart!.Value, footprint.DateEnd!.Value));
    }

    [Fact]
    public async Task Tnc_and_its_chinese_name_are_one_organisation()
    {
        await ImportVol3Async();

        await using var db = _database.Open();
        var tnc = await db.Organisations.Include(o => o.Aliases).SingleAsync(o => o.ShortName == "TNC");
        Assert.Contains(tnc.Aliases, a => a.Name == "大自然保护协会");
        // The climate forum names it "大自然保护协会", the Foodscales report "TNC": both link to the one organisation.
        var slugs = await db.EntryOrganisations.Where(eo => eo.OrganisationId == tnc.Id)
            .Select(eo => db.Entries.Single(e => e.Id == eo.EntryId).Slug).ToListAsync();
        Assert.Contains("cop15-forum-climate-biodiversity", slugs);
        Assert.Contains("tnc-foodscales-food-system-transition", slugs);
        Assert.DoesNotContain(await db.Organisations.Select(o => o.Name).ToListAsync(), n => n == "大自然保护协会");
    }

    [Fact]
    public async Task Importing_the_same_file_twice_changes_nothing()
    {
        await ImportVol3Async();
        var before = _database.Dump();

        var again = await ImportVol3Async();

        Assert.False(again.Applied);
        Assert.False(again.HasChanges);
        Assert.Equal(70, again.Count(ChangeKind.Unchanged));
        Assert.Empty(again.OrganisationChanges);
        Assert.Equal(before, _database.Dump());
    }

    [Fact]
    public async Task A_corrected_file_updates_entries_in_place()
    {
        await ImportVol3Async();
        int idBefore;
        await using (var db = _database.Open())
        {
            idBefore = await db.Entries.Where(e => e.Slug == "corporate-net-zero-standard").Select(e => e.Id).SingleAsync();
        }
        var corrected = ContentFiles.Text(ContentFiles.Vol3)
            .Replace("### 《企业净零标准》", "### 《企业净零标准》（修订）")
            .Replace("organisations: SBTi\ndate: 10月", "organisations: SBTi; WRI\ndate: 2021年10月28日");

        var plan = await ImportAsync(corrected);

        var change = Assert.Single(plan.Entries, e => e.Kind == ChangeKind.Changed);
        Assert.Equal("corporate-net-zero-standard", change.Slug);
        Assert.Equal(["title", "date", "organisations"], change.Fields);
        Assert.Equal(69, plan.Count(ChangeKind.Unchanged));
        await using var check = _database.Open();
        var entry = await check.Entries.Include(e => e.Organisations).ThenInclude(o => o.Organisation).SingleAsync(e => e.Slug == "corporate-net-zero-standard");
        Assert.Equal(idBefore, entry.Id);
        Assert.Equal("《企业净零标准》（修订）", entry.Title);
        Assert.Equal("2021-10-28", entry.Date!.Iso);
        Assert.Equal(["SBTi", "WRI"], entry.Organisations.OrderBy(o => o.Position).Select(o => o.Organisation.ShortName));
        Assert.Equal(70, await check.Entries.CountAsync());
    }

    [Fact]
    public async Task A_dry_run_reports_the_changes_but_writes_nothing()
    {
        await ImportVol3Async();
        var before = _database.Dump();
        var corrected = ContentFiles.Text(ContentFiles.Vol3).Replace("date: 9 月 31 日", "date: 9 月 30 日");

        var plan = await ImportAsync(corrected, dryRun: true);

        Assert.Equal("uk-footprint-on-global-biodiversity", Assert.Single(plan.Entries, e => e.Kind == ChangeKind.Changed).Slug);
        Assert.False(plan.Applied);
        Assert.Equal(before, _database.Dump());
    }

    [Fact]
    public async Task A_dry_run_on_an_empty_catalogue_leaves_it_empty()
    {
        var before = _database.Dump();

        var plan = await ImportAsync(ContentFiles.Text(ContentFiles.Vol3), dryRun: true);

        Assert.Equal(70, plan.Count(ChangeKind.Added));
        Assert.False(plan.Applied);
        Assert.Equal(before, _database.Dump());
    }

    [Fact]
    public async Task A_slug_taken_by_another_issue_stops_the_import_and_changes_nothing()
    {
        await ImportVol3Async();
        var before = _database.Dump();
        var other = Newsletters.With("# 标准和指南\n\n### 另一期的条目\nslug: corporate-net-zero-standard\n\n正文\n\n### 新条目\nslug: brand-new\n\n正文\n");

        var plan = await ImportAsync(other, file: "2022-01.md");

        Assert.True(plan.HasErrors);
        var error = Assert.Single(plan.Diagnostics);
        Assert.Equal(("2022-01.md", 10), (error.File, error.Line));
        Assert.Contains("already used by an entry of issue 2021-11", error.Message);
        Assert.Equal(before, _database.Dump());
    }

    [Fact]
    public async Task Entries_missing_from_a_reimported_file_are_kept_and_reported()
    {
        await ImportAsync(Newsletters.With("# 标准和指南\n\n### 甲\nslug: entry-a\n\n正文\n\n### 乙\nslug: entry-b\n\n正文\n"));

        var plan = await ImportAsync(Newsletters.With("# 标准和指南\n\n### 甲\nslug: entry-a\n\n正文\n"));

        var kept = Assert.Single(plan.Entries, e => e.Kind == ChangeKind.Kept);
        Assert.Equal("entry-b", kept.Slug);
        await using var db = _database.Open();
        Assert.Equal(2, await db.Entries.CountAsync());
    }

    [Fact]
    public async Task An_unknown_organisation_name_becomes_a_new_organisation_once()
    {
        var text = Newsletters.With("# 研究和观点\n\n### 甲\nslug: entry-a\norganisations: 湿地国际\n\n正文\n\n### 乙\nslug: entry-b\norganisations: 湿地国际\n\n正文\n");

        var plan = await ImportAsync(text);

        Assert.Single(plan.OrganisationChanges);
        await using var db = _database.Open();
        var organisation = await db.Organisations.SingleAsync();
        Assert.Equal("湿地国际", organisation.Name);
        Assert.Equal(2, await db.EntryOrganisations.CountAsync(eo => eo.OrganisationId == organisation.Id));
    }
}
