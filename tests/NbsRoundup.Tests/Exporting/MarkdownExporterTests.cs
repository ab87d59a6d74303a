using Microsoft.EntityFrameworkCore;
using NbsRoundup.Exporting;
using NbsRoundup.Importing;
using NbsRoundup.Testing;
using NbsRoundup.Tests.Data;
using NbsRoundup.Tests.Importing;

namespace NbsRoundup.Tests.Exporting;

public sealed class MarkdownExporterTests : IDisposable
{
    private readonly TestDatabase _first = TestDatabase.Create();
    private readonly TestDatabase _second = TestDatabase.Create();

    public void Dispose()
    {
        _first.Dispose();
        _second.Dispose();
    }

    private static async Task ImportAsync(TestDatabase database, string text, string file)
    {
        var parsed = NewsletterParser.Parse(text, file);
        Assert.False(parsed.HasErrors, string.Join("\n", parsed.Diagnostics));
        await using var db = database.Open();
        var plan = await new CatalogueImporter(db).ImportAsync(parsed.Document!, dryRun: false);
        Assert.True(plan.Applied);
    }

    private static async Task<string> ExportAsync(TestDatabase database, string slug)
    {
        await using var db = database.Open();
        return (await MarkdownExporter.ExportAsync(db, slug))!;
    }

    [Fact]
    public async Task The_real_issue_exported_and_imported_into_an_empty_catalogue_gives_the_same_catalogue_and_the_same_bytes()
    {
        await ImportAsync(_first, ContentFiles.Text(ContentFiles.Vol3), ContentFiles.Vol3);
        var exported = await ExportAsync(_first, "2021-11");

        await ImportAsync(_second, exported, "export.md");
        var again = await ExportAsync(_second, "2021-11");

        await using var first = _first.Open();
        await using var second = _second.Open();
        Assert.Equal(await CatalogueText.OfAsync(first), await CatalogueText.OfAsync(second));
        Assert.Equal(70, await second.Entries.CountAsync());
        Assert.Equal(exported, again);
        // Links awaited are written back as the file wrote them.
        Assert.Equal(28, exported.Split('\n').Count(l => l == "link: #"));
        Assert.Equal(28, await second.Entries.CountAsync(e => e.AwaitsLink && e.Link == null));
    }

    [Fact]
    public async Task Drafts_and_markdown_characters_in_titles_survive_the_round_trip()
    {
        var text = """
            ---
            slug: 2022-01
            title: 测试通讯 2022年1月
            year: 2022
            month: 1
            draft: true
            ---

            # 研究和观点

            ## 国际：

            ### Nature \*first\* \[draft\] a\_b &amp; c \#
            slug: entry-a
            organisations: 湿地国际；TNC
            date: 12月
            draft: yes

            正文 *强调*。

            ### 乙
            slug: entry-b
            草稿：否

            正文
            """;
        await ImportAsync(_first, text, "drafts.md");
        var exported = await ExportAsync(_first, "2022-01");

        await ImportAsync(_second, exported, "export.md");

        await using var db = _second.Open();
        var issue = await db.Issues.SingleAsync();
        Assert.False(issue.IsPublished);
        var a = await db.Entries.SingleAsync(e => e.Slug == "entry-a");
        Assert.Equal(("Nature *first* [draft] a_b & c #", "国际", false), (a.Title, a.Subheading, a.IsPublished));
        Assert.Equal((2021, 12), (a.DateYear, a.DateMonth!.Value));
        Assert.True((await db.Entries.SingleAsync(e => e.Slug == "entry-b")).IsPublished);
        Assert.Contains("draft: true", exported);
        Assert.Contains("draft: yes", exported);
        await using var first = _first.Open();
        Assert.Equal(await CatalogueText.OfAsync(first), await CatalogueText.OfAsync(db));
    }

    [Fact]
    public async Task Exporting_an_unknown_issue_gives_nothing()
    {
        await using var db = _first.Open();

        Assert.Null(await MarkdownExporter.ExportAsync(db, "1999-01"));
    }

    [Fact]
    public async Task A_newsletter_file_written_by_the_exporter_parses_without_warnings()
    {
        await ImportAsync(_first, Newsletters.With(Newsletters.OneEntry), "one.md");
        await ImportAsync(_first, ContentFiles.Text(ContentFiles.Vol3), ContentFiles.Vol3);

        var small = NewsletterParser.Parse(await ExportAsync(_first, "2022-01"), "2022-01.md");
        var real = NewsletterParser.Parse(await ExportAsync(_first, "2021-11"), "2021-11.md");

        Assert.Empty(small.Diagnostics);
        Assert.Equal(70, real.Document!.Entries.Count);
        // The real issue keeps the one warning its source has (a date written as '9 月 31 日'), and gains none.
        Assert.Equal(
            NewsletterParser.Parse(ContentFiles.Text(ContentFiles.Vol3), ContentFiles.Vol3).Diagnostics.Select(d => (d.Severity, d.Message)),
            real.Diagnostics.Select(d => (d.Severity, d.Message)));
    }
}
