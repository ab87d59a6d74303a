using System.Net;

namespace NbsRoundup.Web.Tests.Pages;

public class HomePageTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_first_start_seeds_the_catalogue_and_the_home_page_lists_the_issue()
    {
        var page = await portal.GetPageAsync("/");

        var card = Assert.Single(page.QuerySelectorAll(".issue-card"));
        Assert.Equal("基于自然的解决方案通讯 2021年11月", card.QuerySelector("h2")!.TextContent.Trim());
        Assert.Contains("Vol.3 (总第3期)", card.TextContent);
        Assert.Contains("共 70 条", card.TextContent);
    }

    [Fact]
    public async Task Each_issue_shows_its_sections_with_entry_counts()
    {
        var page = await portal.GetPageAsync("/");

        var sections = page.QuerySelectorAll(".section-counts li")
            .Select(li => (li.QuerySelector("a")!.TextContent, li.QuerySelector(".count")!.TextContent))
            .ToList();
        Assert.Equal(
            [("标准和指南", "5"), ("研究和观点", "14"), ("NbS 在 UNFCCC COP26", "14"), ("NbS 在 CBD COP15", "16"),
             ("政策动态", "13"), ("行业交流与合作动态", "5"), ("会议与活动", "3")],
            sections);
        Assert.Equal("/issues/2021-11#cop15", page.QuerySelectorAll(".section-counts a")[3].GetAttribute("href"));
    }

    [Fact]
    public async Task Chinese_is_served_as_real_characters()
    {
        using var client = portal.CreateClient();
        var html = await client.GetStringAsync("/");

        Assert.Contains("基于自然的解决方案通讯", html);
        Assert.DoesNotContain("&#x", html);
    }

    [Fact]
    public async Task Pages_are_utf8_html()
    {
        using var client = portal.CreateClient();
        var response = await client.GetAsync("/issues/2021-11");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
    }
}
