using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NbsRoundup.Data;
using NbsRoundup.Web.Tests.Caching;

namespace NbsRoundup.Web.Tests.Pages;

/// <summary>
/// Readers never pay for rendering: summaries and introductions are rendered once, when they are
/// saved, and every reader's answer shows what was stored. Query strings a page does not read are
/// not cache keys, and the catalogue answers a parameter it cannot use with 400.
/// </summary>
public sealed class StoredRenderingTests(CountingPortal portal) : IClassFixture<CountingPortal>
{
    /// <summary>
    /// Changes an entry's Markdown behind the save pipeline's back, as nothing in the portal does:
    /// an answer that shows the new Markdown rendered it on the reader's request.
    /// </summary>
    private async Task ChangeMarkdownOnlyAsync(string slug, string markdown)
    {
        using var scope = portal.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CatalogueDb>();
        Assert.Equal(1, await db.Entries.Where(e => e.Slug == slug).ExecuteUpdateAsync(s => s.SetProperty(e => e.Summary, markdown)));
    }

    [Fact]
    public async Task Pages_feeds_the_api_exports_and_sharing_tags_show_the_text_stored_at_save_and_render_nothing()
    {
        const string slug = "natural-climate-solutions-handbook";
        await ChangeMarkdownOnlyAsync(slug, "**rendered on request** [link](https://example.org/rendered)");
        using var client = portal.CreateClient();

        var page = await client.GetStringAsync($"/entries/{slug}");
        var feed = await client.GetStringAsync("/entries/feed?issue=2021-11");
        var csv = await client.GetStringAsync("/entries/export.csv?issue=2021-11");
        var api = JsonDocument.Parse(await client.GetStringAsync("/api/entries?issue=2021-11&pageSize=100")).RootElement
            .GetProperty("items").EnumerateArray().Single(i => i.GetProperty("slug").GetString() == slug);

        foreach (var (name, text) in new[] { ("page", page), ("feed", feed), ("csv", csv), ("api summaryHtml", api.GetProperty("summaryHtml").GetString()!) })
        {
            Assert.False(text.Contains("rendered on request", StringComparison.Ordinal), $"the {name} rendered the Markdown on request");
        }
        Assert.Contains("自然气候解决方案", api.GetProperty("summaryHtml").GetString()!);
        Assert.Contains("<meta property=\"og:description\"", page);
    }

    [Fact]
    public async Task The_issue_page_shows_the_introductions_and_summaries_stored_at_save_and_renders_nothing()
    {
        const string slug = "corporate-net-zero-standard";
        await ChangeMarkdownOnlyAsync(slug, "**summary rendered on request**");
        using (var scope = portal.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CatalogueDb>();
            var issue = await db.Issues.Where(i => i.Slug == "2021-11").Select(i => i.Id).SingleAsync();
            Assert.Equal(1, await db.Issues.Where(i => i.Id == issue)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.Introduction, "**issue introduction rendered on request**")));
            // The COP26 and COP15 sections' own introductions.
            Assert.Equal(2, await db.IssueSectionIntros.Where(s => s.IssueId == issue)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.Markdown, "**section introduction rendered on request**")));
        }
        // Nothing told the cache: empty it, so that the page is answered from the database now.
        await portal.Services.GetRequiredService<IOutputCacheStore>().EvictByTagAsync("portal", CancellationToken.None);

        var (page, commands) = await portal.GetCountedAsync("/issues/2021-11");

        Assert.True(commands > 0, "the issue page came from the cache");
        Assert.False(page.Contains("rendered on request", StringComparison.Ordinal), "the issue page rendered Markdown on request");
        Assert.Contains("大自然保护协会(TNC)中国项目科学部", page); // the issue's introduction, as stored
        Assert.Contains("联合国气候变化框架公约（UNFCCC）第 26 次缔约方会议", page); // COP26's, as stored
        Assert.Contains("到2030年全球温室气体排放量必须减半", page); // the entry's summary, as stored
    }

    [Fact]
    public async Task An_image_from_another_site_reaches_feed_readers_as_a_link_not_an_image()
    {
        const string slug = "uk-footprint-on-global-biodiversity";
        using var editor = await Editors.SignInAsync(portal, email: "images@example.org");
        var form = await Forms.GetAsync(editor, $"/admin/entries/{slug}/edit");
        var saved = await Forms.SubmitAsync(editor, form, new() { ["Input.Summary"] = "英国的足迹。![湿地地图](https://tracker.example.org/map.png)" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        using var client = portal.CreateClient();

        foreach (var url in new[] { "/feed", "/entries/feed?issue=2021-11" })
        {
            var feed = System.Xml.Linq.XDocument.Parse(await client.GetStringAsync(url));
            var content = feed.Descendants().Where(e => e.Name.LocalName == "content").Select(e => e.Value).Single(c => c.Contains("英国的足迹", StringComparison.Ordinal));

            Assert.Contains("<a href=\"https://tracker.example.org/map.png\">湿地地图</a>", content);
            Assert.DoesNotContain("<img", content, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Query_strings_an_entry_page_does_not_read_are_not_cache_keys()
    {
        const string page = "/entries/corporate-net-zero-standard";
        await portal.GetCountedAsync(page + "?a=1");

        Assert.Equal(0, (await portal.GetCountedAsync(page + "?a=2")).Commands);
        Assert.Equal(0, (await portal.GetCountedAsync(page)).Commands);
        await portal.GetCountedAsync("/feed?z=1");
        Assert.Equal(0, (await portal.GetCountedAsync("/feed?z=2")).Commands);
        await portal.GetCountedAsync("/issues/2021-11?x=1");
        Assert.Equal(0, (await portal.GetCountedAsync("/issues/2021-11?x=2")).Commands);
    }

    [Fact]
    public async Task The_catalogue_still_varies_by_every_parameter_it_reads()
    {
        var wetlands = await portal.GetCountedAsync("/entries?q=湿地");
        var mangroves = await portal.GetCountedAsync("/entries?q=红树林");

        Assert.NotEqual(wetlands.Body, mangroves.Body);
        Assert.True(mangroves.Commands > 0);
        Assert.Equal(0, (await portal.GetCountedAsync("/entries?q=湿地")).Commands);
    }

    [Theory]
    [InlineData("/entries?secton=research")]
    [InlineData("/api/entries?secton=research")]
    [InlineData("/entries/feed?secton=research")]
    [InlineData("/entries/export.csv?secton=research")]
    public async Task The_catalogue_answers_a_parameter_it_does_not_know_with_400_naming_it(string url)
    {
        using var client = portal.CreateClient();
        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("secton", await response.Content.ReadAsStringAsync());
    }
}
