using Microsoft.EntityFrameworkCore;
using NbsRoundup.Auditing;
using NbsRoundup.Catalogue;
using NbsRoundup.Importing;
using NbsRoundup.Tests.Data;
using NbsRoundup.Tests.Importing;

namespace NbsRoundup.Tests.Auditing;

/// <summary>Drafts in files, version tokens, the audit log of imports, moves and merges, on a real SQLite file.</summary>
public sealed class CatalogueChangeTests : IDisposable
{
    private readonly TestDatabase _database = TestDatabase.Create();

    public void Dispose() => _database.Dispose();

    private async Task<ImportPlan> ImportAsync(string text, string file = "test.md")
    {
        var parsed = NewsletterParser.Parse(text, file);
        Assert.False(parsed.HasErrors, string.Join("\n", parsed.Diagnostics));
        await using var db = _database.Open();
        return await new CatalogueImporter(db, "tester").ImportAsync(parsed.Document!, dryRun: false);
    }

    private const string ThreeEntries = "# 标准和指南\n\n### 甲\nslug: entry-a\norganisations: 湿地国际; 保护国际\n\n正文\n\n### 乙\nslug: entry-b\norganisations: 保护国际\n\n正文\n\n### 丙\nslug: entry-c\n\n正文\n";

    [Fact]
    public void Draft_marks_are_read_from_the_front_matter_and_from_entry_metadata_in_english_or_chinese()
    {
        var text = Newsletters.FrontMatter.Replace("month: 1\n", "month: 1\ndraft: true\n", StringComparison.Ordinal)
            + "# 研究和观点\n\n### 甲\nslug: a\ndraft: yes\n\n正文\n\n### 乙\nslug: b\n草稿：是\n\n正文\n\n### 丙\nslug: c\ndraft: no\n\n正文\n";

        var document = NewsletterParser.Parse(text, "x.md").Document!;

        Assert.True(document.IsDraft);
        Assert.Equal([true, true, false], document.Entries.Select(e => e.IsDraft));
    }

    [Fact]
    public void An_unreadable_draft_mark_is_an_error_with_its_line()
    {
        var result = NewsletterParser.Parse(Newsletters.With("# 研究和观点\n\n### 甲\nslug: a\ndraft: maybe\n\n正文\n"), "x.md");

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal((Severity.Error, 12), (error.Severity, error.Line));
        Assert.Contains("draft: yes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_import_records_one_change_set_naming_the_file_with_every_field_it_set()
    {
        await ImportAsync(Newsletters.With(ThreeEntries), "2022-01.md");
        await ImportAsync(Newsletters.With(ThreeEntries.Replace("### 乙", "### 乙（修订）", StringComparison.Ordinal)), "2022-01-fixed.md");

        await using var db = _database.Open();
        var sets = await db.ChangeSets.Include(c => c.Changes).OrderBy(c => c.Id).ToListAsync();
        Assert.Equal(2, sets.Count);
        Assert.Equal(("tester", "2022-01.md", "Imported 2022-01.md"), (sets[0].Actor, sets[0].File, sets[0].Description));
        Assert.Contains(sets[0].Changes, f => (f.EntityKind, f.EntityKey, f.Field, f.Before, f.After) == ("entry", "entry-a", "organisations", null, "湿地国际; 保护国际"));
        var fix = Assert.Single(sets[1].Changes);
        Assert.Equal(("entry-b", "title", "乙", "乙（修订）"), (fix.EntityKey, fix.Field, fix.Before, fix.After));
    }

    [Fact]
    public async Task A_save_renews_the_version_and_a_save_from_a_stale_version_fails()
    {
        await ImportAsync(Newsletters.With(ThreeEntries));
        await using var first = _database.Open();
        await using var second = _database.Open();
        var mine = await first.Entries.SingleAsync(e => e.Slug == "entry-a");
        var theirs = await second.Entries.SingleAsync(e => e.Slug == "entry-a");
        var version = mine.Version;

        mine.Update(mine.Content with { Authors = "先保存的人" });
        await first.SaveChangesAsync();
        theirs.Update(theirs.Content with { Authors = "后保存的人" });

        Assert.NotEqual(version, mine.Version);
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        await using var check = _database.Open();
        Assert.Equal("先保存的人", (await check.Entries.SingleAsync(e => e.Slug == "entry-a")).Authors);
    }

    [Fact]
    public async Task Changing_only_an_entrys_organisations_renews_its_version_but_moving_a_neighbour_does_not()
    {
        await ImportAsync(Newsletters.With(ThreeEntries));
        await using var db = _database.Open();
        var issue = await db.Issues.Include(i => i.Entries).ThenInclude(e => e.Organisations).ThenInclude(o => o.Organisation).SingleAsync();
        var a = issue.Entries.Single(e => e.Slug == "entry-a");
        var c = issue.Entries.Single(e => e.Slug == "entry-c");
        var (versionA, versionC) = (a.Version, c.Version);

        a.SetOrganisations([a.Organisations[0].Organisation]);
        Assert.True(issue.MoveUp(c));
        await db.SaveChangesAsync();

        Assert.NotEqual(versionA, a.Version);
        Assert.Equal(versionC, c.Version);
        Assert.Equal(["entry-a", "entry-c", "entry-b"], issue.EntriesIn(1).Select(e => e.Slug));
    }

    [Fact]
    public async Task Moving_to_another_section_appends_the_entry_and_closes_the_gap()
    {
        await ImportAsync(Newsletters.With(ThreeEntries + "\n# 会议与活动\n\n### 丁\nslug: entry-d\n\n正文\n"));
        await using var db = _database.Open();
        var issue = await db.Issues.Include(i => i.Entries).SingleAsync();

        Assert.True(issue.MoveTo(issue.Entries.Single(e => e.Slug == "entry-a"), 7));
        Assert.False(issue.MoveDown(issue.Entries.Single(e => e.Slug == "entry-a")));
        await db.SaveChangesAsync();

        Assert.Equal([("entry-b", 1), ("entry-c", 2)], issue.EntriesIn(1).Select(e => (e.Slug, e.Position)));
        Assert.Equal([("entry-d", 1), ("entry-a", 2)], issue.EntriesIn(7).Select(e => (e.Slug, e.Position)));
    }

    [Fact]
    public async Task Merging_organisations_keeps_one_link_per_entry_and_the_old_names_as_aliases()
    {
        await ImportAsync(Newsletters.With(ThreeEntries));
        await using (var db = _database.Open())
        {
            var source = await db.Organisations.Include(o => o.Aliases).SingleAsync(o => o.Name == "湿地国际");
            var target = await db.Organisations.Include(o => o.Aliases).SingleAsync(o => o.Name == "保护国际");
            var entries = await db.Entries.Include(e => e.Organisations).ThenInclude(o => o.Organisation)
                .Where(e => e.Organisations.Any(o => o.OrganisationId == source.Id)).ToListAsync();
            source.MergeInto(target, entries);
            db.Organisations.Remove(source);
            await db.SaveChangesAsync();
        }

        await using var check = _database.Open();
        var merged = await check.Organisations.Include(o => o.Aliases).SingleAsync();
        Assert.Equal(["湿地国际"], merged.Aliases.Select(a => a.Name));
        var a = await check.Entries.Include(e => e.Organisations).SingleAsync(e => e.Slug == "entry-a");
        Assert.Equal([(merged.Id, 0)], a.Organisations.Select(o => (o.OrganisationId, o.Position)));
    }

    [Theory]
    [InlineData("正文 **加粗**\n\n#### 小节", FragmentProblem.None)]
    [InlineData("正文\n\n### 标题", FragmentProblem.Heading)]
    [InlineData("正文\n---", FragmentProblem.Heading)]
    [InlineData("```\n代码", FragmentProblem.UnclosedFence)]
    [InlineData("正文\u0001", FragmentProblem.ControlCharacter)]
    [InlineData("> ### 引用里的标题不会开始条目", FragmentProblem.None)]
    public void Markdown_typed_into_forms_is_checked_for_what_would_break_a_newsletter_file(string markdown, FragmentProblem expected) =>
        Assert.Equal(expected, NewsletterMarkdown.Check(markdown));

    [Fact]
    public void A_change_set_records_only_the_fields_that_differ()
    {
        var changes = new ChangeSet("someone", "test");

        changes.Record("entry", "x", new EntityFields().Add("title", "甲").Add("date", "10月"), new EntityFields().Add("title", "甲").Add("date", "11月"));

        var change = Assert.Single(changes.Changes);
        Assert.Equal(("date", "10月", "11月"), (change.Field, change.Before, change.After));
    }
}
