using System.Net;

namespace NbsRoundup.Web.Tests.Pages;

public class OtherPageTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task An_entry_has_its_own_permalink_page()
    {
        var page = await portal.GetPageAsync("/entries/pettorelli-climate-biodiversity-science-policy-agendas");

        Assert.Equal("《抓住整合全球气候变化和生物多样性科学政策议程的时机》", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("Pettorelli et al.", page.QuerySelector(".authors")!.TextContent);
        Assert.Equal("2021年9月21日", page.QuerySelector("time")!.TextContent);
        Assert.Equal("/issues/2021-11", page.QuerySelector(".breadcrumbs a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task A_section_page_lists_the_sections_entries_across_issues()
    {
        var page = await portal.GetPageAsync("/sections/events");

        Assert.StartsWith("会议与活动", page.QuerySelector("h1")!.TextContent);
        Assert.Equal(3, page.QuerySelectorAll("article.entry").Length);
        Assert.Equal("基于自然的解决方案通讯 2021年11月", page.QuerySelector("section h2")!.TextContent.Trim());
    }

    [Fact]
    public async Task The_sections_page_counts_each_section()
    {
        var page = await portal.GetPageAsync("/sections");

        Assert.Equal(7, page.QuerySelectorAll("main li").Length);
        Assert.Contains("16", page.QuerySelector("a[href='/sections/cop15']")!.ParentElement!.TextContent);
    }

    [Fact]
    public async Task An_organisation_page_shows_its_aliases_and_all_its_entries()
    {
        var page = await portal.GetPageAsync("/organisations/tnc");

        Assert.Equal("The Nature Conservancy (TNC)", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("大自然保护协会", page.QuerySelector(".aliases")!.TextContent);
        var slugs = page.QuerySelectorAll("article.entry").Select(a => a.Id).ToList();
        Assert.Contains("tnc-foodscales-food-system-transition", slugs);
        Assert.Contains("cop15-forum-climate-biodiversity", slugs);
        Assert.Contains("cop26-view-john-verdick", slugs);
    }

    [Theory]
    [InlineData("/organisations/TNC")]
    [InlineData("/organisations/大自然保护协会")]
    public async Task An_organisation_named_by_an_alias_redirects_to_its_page(string url)
    {
        using var client = portal.CreateClient(new() { AllowAutoRedirect = false });
        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/organisations/tnc", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_organisations_page_lists_every_organisation_with_its_count()
    {
        var page = await portal.GetPageAsync("/organisations");

        var items = page.QuerySelectorAll("main li");
        Assert.True(items.Length >= 40);
        Assert.Contains("IUCN", items[0].TextContent); // the most cited comes first
    }

    [Theory]
    [InlineData("/issues/1999-01")]
    [InlineData("/entries/no-such-entry")]
    [InlineData("/sections/weather")]
    [InlineData("/organisations/nobody")]
    [InlineData("/no/such/page")]
    public async Task Unknown_addresses_get_the_not_found_page(string url)
    {
        using var client = portal.CreateClient();
        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("找不到页面", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_entrys_organisations_are_separated_by_the_chinese_list_comma_without_spaces()
    {
        var chinese = await portal.GetPageAsync("/entries/cop15-forum-climate-biodiversity");

        Assert.StartsWith("ICCSD、WWF、CGTN Think Tank、", chinese.QuerySelector(".organisations")!.TextContent);
    }
}
