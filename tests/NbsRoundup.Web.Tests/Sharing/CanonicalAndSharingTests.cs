using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace NbsRoundup.Web.Tests.Sharing;

public class CanonicalAndSharingTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private async Task<IHtmlDocument> GetAsync(string url, string? acceptLanguage = null)
    {
        using var client = portal.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (acceptLanguage is not null)
        {
            request.Headers.Add("Accept-Language", acceptLanguage);
        }
        var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
    }

    private static string? Meta(IHtmlDocument page, string property) =>
        (page.QuerySelector($"meta[property='{property}']") ?? page.QuerySelector($"meta[name='{property}']"))?.GetAttribute("content");

    [Theory]
    [InlineData("/", "http://localhost/")]
    [InlineData("/issues/2021-11?lang=en", "http://localhost/issues/2021-11")]
    [InlineData("/entries/corporate-net-zero-standard?utm_source=wechat", "http://localhost/entries/corporate-net-zero-standard")]
    [InlineData("/sections/cop15", "http://localhost/sections/cop15")]
    [InlineData("/organisations/tnc", "http://localhost/organisations/tnc")]
    public async Task Every_page_names_its_absolute_canonical_address_without_the_query(string url, string canonical)
    {
        var page = await GetAsync(url);

        Assert.Equal(canonical, Assert.Single(page.QuerySelectorAll("link[rel=canonical]")).GetAttribute("href"));
    }

    [Fact]
    public async Task A_missing_page_names_no_canonical_address()
    {
        using var client = portal.CreateClient();
        var response = await client.GetAsync("/entries/no-such-entry");
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

        Assert.Empty(page.QuerySelectorAll("link[rel=canonical]"));
    }

    [Fact]
    public async Task A_shared_entry_shows_its_title_and_summary_as_plain_text()
    {
        var page = await GetAsync("/entries/unep-iucn-nbs-climate-mitigation");

        Assert.Equal("article", Meta(page, "og:type"));
        Assert.Equal("《基于自然的解决方案减缓气候变化》", Meta(page, "og:title"));
        Assert.Equal("http://localhost/entries/unep-iucn-nbs-climate-mitigation", Meta(page, "og:url"));
        Assert.Equal("zh_CN", Meta(page, "og:locale"));
        Assert.Equal("summary", Meta(page, "twitter:card"));
        Assert.Equal(Meta(page, "og:title"), Meta(page, "twitter:title"));
        var description = Meta(page, "og:description")!;
        Assert.StartsWith(page.QuerySelector(".summary")!.TextContent.Trim()[..20], description);
        Assert.DoesNotContain("<", description);
        Assert.DoesNotContain("](", description);
        Assert.Equal(description, Meta(page, "twitter:description"));
        Assert.Equal(description, Meta(page, "description"));
    }

    [Fact]
    public async Task A_shared_issue_shows_its_title_and_the_start_of_its_introduction()
    {
        var page = await GetAsync("/issues/2021-11", acceptLanguage: "en");

        Assert.Equal("article", Meta(page, "og:type"));
        Assert.Equal("基于自然的解决方案通讯 2021年11月", Meta(page, "og:title"));
        Assert.Equal("http://localhost/issues/2021-11", Meta(page, "og:url"));
        Assert.Equal("en", Meta(page, "og:locale"));
        var description = Meta(page, "og:description")!;
        Assert.StartsWith("基于自然的解决方案(NbS)是对自然和人工生态系统开展保护", description);
        Assert.EndsWith("…", description);
        Assert.True(description.Length <= 161, $"{description.Length} characters");
    }

    [Fact]
    public async Task The_home_page_is_shared_as_the_website()
    {
        var page = await GetAsync("/");

        Assert.Equal("website", Meta(page, "og:type"));
        Assert.Equal("基于自然的解决方案通讯", Meta(page, "og:title"));
        Assert.Equal("http://localhost/", Meta(page, "og:url"));
    }

    [Fact]
    public async Task A_configured_public_address_wins_over_the_request_host()
    {
        using var behindProxy = portal.WithWebHostBuilder(b => b.UseSetting("Site:PublicUrl", "https://nbs.example.org/"));
        using var client = behindProxy.CreateClient();

        var page = new HtmlParser().ParseDocument(await client.GetStringAsync("/issues/2021-11"));
        var robots = await client.GetStringAsync("/robots.txt");

        Assert.Equal("https://nbs.example.org/issues/2021-11", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal("https://nbs.example.org/issues/2021-11", Meta(page, "og:url"));
        Assert.Contains("Sitemap: https://nbs.example.org/sitemap.xml", robots);
    }
}
