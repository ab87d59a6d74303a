using Microsoft.EntityFrameworkCore;
using NbsRoundup.Data;
using NbsRoundup.Importing;
using NbsRoundup.Search;
using NbsRoundup.Tests.Data;
using NbsRoundup.Testing;

namespace NbsRoundup.Tests.Search;

/// <summary>Entries the catalogue may already hold: the same link however written, or a near-identical title in either language.</summary>
public sealed class DuplicatesTests : IDisposable
{
    private readonly TestDatabase _database = TestDatabase.Create();

    public DuplicatesTests()
    {
        using var db = _database.Open();
        Assert.True(new CatalogueImporter(db).ImportAsync(ContentFiles.Parse(ContentFiles.Vol3), dryRun: false).GetAwaiter().GetResult().Applied);
    }

    public void Dispose() => _database.Dispose();

    private async Task<IReadOnlyList<Duplicate>> FindAsync(string? link, string? title, string? original = null, string? except = null)
    {
        await using var db = _database.Open();
        return await Duplicates.FindAsync(db, link, title, original, except);
    }

    private async Task SetLinkAsync(string slug, string link)
    {
        await using var db = _database.Open();
        var entry = await db.Entries.Include(e => e.Issue).SingleAsync(e => e.Slug == slug);
        await db.SaveAuditedAsync(new ChangeNote("test", "link"), () => entry.Update(entry.Content with { Link = link }), CancellationToken.None);
    }

    [Theory]
    [InlineData("企业净零标准", null, "corporate-net-zero-standard")]
    [InlineData("《企业净零标准》（2021）", null, null)] // a year tells editions apart
    [InlineData("新标题", "The State of the World’s Mangroves.", "state-of-the-worlds-mangroves")]
    [InlineData("Nature-based Solutions for Climate Change Mitigation", null, "unep-iucn-nbs-climate-mitigation")] // an English title against an original
    [InlineData("国务院办公厅关于鼓励和支持社会资本参与生态保护修复的意见", null, "social-capital-ecological-restoration-opinions")]
    [InlineData("《全新的湿地报告》", "A Report Never Seen", null)]
    public async Task A_near_identical_title_in_either_language_is_found(string title, string? original, string? expected)
    {
        var found = await FindAsync(null, title, original);

        Assert.Equal(expected is null ? [] : [expected], found.Select(d => d.Slug));
        Assert.All(found, d => Assert.Equal(DuplicateReason.Title, d.Reason));
    }

    [Fact]
    public async Task A_link_is_found_however_it_is_written_and_only_while_the_entry_has_it()
    {
        await SetLinkAsync("iucn-restoration-intervention-typology", "https://www.iucn.org/resources/typology/?utm_source=newsletter");

        var found = Assert.Single(await FindAsync("http://iucn.org/resources/typology#top", "别的标题"));
        Assert.Equal(("iucn-restoration-intervention-typology", DuplicateReason.Link), (found.Slug, found.Reason));
        Assert.Empty(await FindAsync("http://iucn.org/resources/typology", "别的标题", except: "iucn-restoration-intervention-typology"));

        await SetLinkAsync("iucn-restoration-intervention-typology", "https://www.iucn.org/resources/another");
        Assert.Empty(await FindAsync("http://iucn.org/resources/typology", "别的标题"));
    }

    [Fact]
    public async Task A_draft_is_compared_too_though_readers_search_cannot_see_it()
    {
        await using (var db = _database.Open())
        {
            var entry = await db.Entries.SingleAsync(e => e.Slug == "ramsar-cop14-wuhan");
            await db.SaveAuditedAsync(new ChangeNote("test", "draft"), () => entry.SetDraft(true), CancellationToken.None);
        }

        Assert.Equal(["ramsar-cop14-wuhan"], (await FindAsync(null, "我国将首次承办湿地公约缔约方大会")).Select(d => d.Slug));
    }

    [Fact]
    public async Task Links_imported_with_a_new_issue_get_their_key_on_the_bulk_path()
    {
        await using var db = _database.Open();
        var parsed = NewsletterParser.Parse(Importing.Newsletters.With("# 研究和观点\n\n### 甲\nslug: keyed-a\nlink: HTTPS://WWW.Example.org/Report/?utm_medium=x\n\n正文\n"), "k.md");
        Assert.True((await new CatalogueImporter(db).ImportAsync(parsed.Document!, dryRun: false)).Applied);

        Assert.Equal("example.org/Report", await db.Entries.Where(e => e.Slug == "keyed-a").Select(e => e.LinkKey).SingleAsync());
    }
}
