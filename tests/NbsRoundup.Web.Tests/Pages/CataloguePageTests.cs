using System.Net;
using AngleSharp.Html.Parser;

namespace NbsRoundup.Web.Tests.Pages;

public class CataloguePageTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_chinese_keyword_lists_its_entries_with_the_word_highlighted()
    {
        var page = await portal.GetPageAsync("/entries?q=湿地");

        var results = page.QuerySelectorAll(".result");
        Assert.NotEmpty(results);
        Assert.Contains("共 " + results.Length + " 条", page.QuerySelector(".result-count")!.TextContent);
        Assert.All(results, r => Assert.Contains(r.QuerySelectorAll("mark"), m => m.TextContent == "湿地"));
        Assert.Equal("湿地", page.QuerySelector("input#q")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Every_filter_is_in_the_address_and_each_can_be_removed()
    {
        var page = await portal.GetPageAsync("/entries?q=NbS&section=research&organisation=TNC&from=2021-09&to=2021-11");

        var removes = page.QuerySelectorAll(".active-filters a[aria-label]").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal(5, removes.Count);
        Assert.Contains("/entries?section=research&organisation=TNC&from=2021-09&to=2021-11", removes);
        Assert.Contains("/entries?q=NbS&organisation=TNC&from=2021-09&to=2021-11", removes);
        Assert.Contains("/entries?q=NbS&section=research&from=2021-09&to=2021-11", removes);
        Assert.Equal("tnc-foodscales-food-system-transition", Assert.Single(page.QuerySelectorAll(".result h2 a")).GetAttribute("href")!.Split('/')[^1]);
    }

    [Fact]
    public async Task Facet_links_narrow_the_current_query_to_their_count()
    {
        var page = await portal.GetPageAsync("/entries?q=NbS");

        var facet = page.QuerySelector("#facet-sections + ul li")!;
        var expected = int.Parse(facet.QuerySelector(".count")!.TextContent, System.Globalization.CultureInfo.InvariantCulture);
        var narrowed = await portal.GetPageAsync(facet.QuerySelector("a")!.GetAttribute("href")!);
        Assert.Equal(expected, narrowed.QuerySelectorAll(".result").Length);
        Assert.Contains("q=NbS", facet.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task The_timeline_is_an_svg_chart_drawn_on_the_server()
    {
        var page = await portal.GetPageAsync("/entries");

        var svg = page.QuerySelector(".timeline svg")!;
        Assert.Equal("img", svg.GetAttribute("role"));
        var bars = svg.QuerySelectorAll("rect");
        Assert.Contains(bars, b => b.QuerySelector("title")!.TextContent.StartsWith("2021年11月", StringComparison.Ordinal));
        Assert.Empty(page.QuerySelectorAll("main script"));
    }

    [Fact]
    public async Task Dates_show_at_their_own_precision_in_results()
    {
        var page = await portal.GetPageAsync("/entries?q=企业净零标准");

        Assert.Equal("2021年10月", page.QuerySelector(".result time")!.TextContent);
    }

    [Fact]
    public async Task Results_are_paged()
    {
        var first = await portal.GetPageAsync("/entries?pageSize=10");
        var last = await portal.GetPageAsync("/entries?pageSize=10&page=7");

        Assert.Equal(10, first.QuerySelectorAll(".result").Length);
        Assert.Equal("/entries?page=2&pageSize=10", first.QuerySelector(".pager a[rel=next]")!.GetAttribute("href"));
        Assert.Equal(10, last.QuerySelectorAll(".result").Length);
        Assert.Null(last.QuerySelector(".pager a[rel=next]"));
    }

    [Theory]
    [InlineData("/entries?from=2021-13")]
    [InlineData("/entries?pageSize=100000")]
    [InlineData("/entries?section=weather")]
    [InlineData("/entries?organisation=Nobody%20Inc")]
    public async Task Bad_parameters_redisplay_the_form_with_a_message_and_400(string url)
    {
        using var client = portal.CreateClient();
        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.NotNull(page.QuerySelector(".errors[role=alert] li"));
        Assert.NotNull(page.QuerySelector("form.search-form"));
    }
}
