using System.Net;
using AngleSharp.Html.Parser;

namespace NbsRoundup.Web.Tests.Pages;

/// <summary>The topic and place pages, the map, the new facets and cross-language search on the catalogue page.</summary>
public class TopicAndPlacePageTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private async Task<HttpResponseMessage> GetRawAsync(string url)
    {
        using var client = portal.CreateClient(new() { AllowAutoRedirect = false });
        return await client.GetAsync(url);
    }

    [Fact]
    public async Task The_topic_index_lists_the_three_vocabularies_with_counts()
    {
        var page = await portal.GetPageAsync("/topics");

        Assert.Equal(["生态系统", "社会挑战", "途径"], page.QuerySelectorAll(".topic-group h2").Select(h => h.TextContent));
        var wetlands = page.QuerySelectorAll(".topic-list li").Single(li => li.TextContent.Contains("湿地", StringComparison.Ordinal));
        Assert.Equal("/topics/wetlands", wetlands.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("3", wetlands.QuerySelector(".count")!.TextContent);
    }

    [Fact]
    public async Task A_topic_lists_its_entries_newest_first_with_a_feed()
    {
        var page = await portal.GetPageAsync("/topics/wetlands");

        Assert.StartsWith("湿地", page.QuerySelector("h1")!.TextContent);
        // The dated one first, then the undated in newsletter order.
        Assert.Equal(["terrestrial-nbs-uk-net-zero", "ramsar-cop14-wuhan", "forestry-grassland-14th-five-year-plan"],
            page.QuerySelectorAll("article.entry").Select(a => a.Id));
        Assert.Equal("/topics/wetlands/feed", page.QuerySelector("link[rel=alternate]")!.GetAttribute("href"));
        Assert.Equal("/entries?topic=wetlands", page.QuerySelector(".result-bar a")!.GetAttribute("href"));
    }

    [Theory]
    [InlineData("/topics/湿地", "/topics/wetlands")]
    [InlineData("/topics/Restoration", "/topics/restoration")]
    [InlineData("/places/伯利兹", "/places/BZ")]
    [InlineData("/places/bz", "/places/BZ")]
    [InlineData("/places/Latin%20America", "/places/419")]
    public async Task A_name_leads_to_the_canonical_address(string url, string canonical)
    {
        var response = await GetRawAsync(url);
        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(canonical, response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("/topics/weather", HttpStatusCode.NotFound)]
    [InlineData("/places/Atlantis", HttpStatusCode.NotFound)]
    [InlineData("/topics/wetlands?page=abc", HttpStatusCode.BadRequest)]
    public async Task Unknown_topics_and_places_are_not_found(string url, HttpStatusCode status) =>
        Assert.Equal(status, (await GetRawAsync(url)).StatusCode);

    [Fact]
    public async Task A_region_lists_its_own_entries_and_those_of_its_countries_with_their_map()
    {
        var page = await portal.GetPageAsync("/places/419");

        var entries = page.QuerySelectorAll("article.entry").Select(a => a.Id).ToList();
        Assert.Contains("belize-marine-conservation-debt-conversion", entries);
        Assert.Contains("cop26-commitment-south-america-beef-soy", entries);
        Assert.Contains(page.QuerySelectorAll(".inside a"), a => a.GetAttribute("href") == "/places/BZ");
        Assert.Contains(page.QuerySelectorAll("svg.map a"), a => a.GetAttribute("href") == "/places/BR");
        Assert.Contains("美洲", page.QuerySelector(".breadcrumbs")!.TextContent);
    }

    [Fact]
    public async Task The_places_page_maps_every_country_with_entries_and_lists_regions_and_countries()
    {
        var page = await portal.GetPageAsync("/places");

        var china = page.QuerySelectorAll("svg.map a").Single(a => a.GetAttribute("href") == "/places/CN");
        Assert.Matches(@"^中国：\d+ 条$", china.QuerySelector("title")!.TextContent);
        Assert.Contains("map-country", china.QuerySelector("path")!.ClassName);
        Assert.NotEmpty(page.QuerySelectorAll(".map-key li"));
        Assert.Contains(page.QuerySelectorAll("#regions-title + ul a"), a => a.GetAttribute("href") == "/places/143");
        Assert.Contains(page.QuerySelectorAll("#countries-title + ul a"), a => a.GetAttribute("href") == "/places/BZ");
    }

    [Fact]
    public async Task The_catalogue_map_shades_the_result_set_and_each_country_narrows_the_query()
    {
        var page = await portal.GetPageAsync("/entries?q=森林");

        var brazil = page.QuerySelectorAll("svg.map a").Single(a => a.QuerySelector("title")!.TextContent.StartsWith("巴西", StringComparison.Ordinal));
        var href = brazil.GetAttribute("href")!;
        Assert.Equal("/entries?q=%E6%A3%AE%E6%9E%97&place=BR", href);
        var count = int.Parse(brazil.QuerySelector("title")!.TextContent.Split('：')[1].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        var narrowed = await portal.GetPageAsync(href);
        Assert.Equal(count, narrowed.QuerySelectorAll(".result").Length);
        Assert.All(narrowed.QuerySelectorAll(".result"), r => Assert.Contains(r.QuerySelectorAll(".tag.place"), t => t.TextContent == "巴西"));
    }

    [Fact]
    public async Task Topic_and_place_facets_narrow_the_query_and_can_be_removed()
    {
        var page = await portal.GetPageAsync("/entries?q=NbS");
        var finance = page.QuerySelectorAll("#facet-topics + ul li").Single(li => li.QuerySelector("a")!.TextContent == "金融");
        var count = int.Parse(finance.QuerySelector(".count")!.TextContent, System.Globalization.CultureInfo.InvariantCulture);

        var narrowed = await portal.GetPageAsync(finance.QuerySelector("a")!.GetAttribute("href")!);

        Assert.Equal(count, narrowed.QuerySelectorAll(".result").Length);
        Assert.Contains(narrowed.QuerySelectorAll(".active-filters li"), li => li.TextContent.Contains("主题：金融", StringComparison.Ordinal));
        Assert.Equal("/entries?q=NbS", narrowed.QuerySelectorAll(".active-filters a[aria-label]").Single(a => a.GetAttribute("aria-label")!.Contains("金融", StringComparison.Ordinal)).GetAttribute("href"));
        Assert.NotNull(narrowed.QuerySelector("input[name=topic][value=finance][checked]"));
    }

    [Fact]
    public async Task The_page_says_what_the_keywords_were_expanded_with_and_offers_the_exact_search()
    {
        var page = await portal.GetPageAsync("/entries?q=wetland");

        Assert.Contains("湿地", page.QuerySelector(".expansion")!.TextContent);
        Assert.Equal("/entries?q=wetland&exact=true", page.QuerySelector(".expansion a")!.GetAttribute("href"));
        Assert.Equal(8, page.QuerySelectorAll(".result").Length);
        var exact = await portal.GetPageAsync("/entries?q=wetland&exact=true");
        Assert.Empty(exact.QuerySelectorAll(".result"));
        Assert.Equal("/entries?q=wetland", exact.QuerySelector(".expansion a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task A_place_field_takes_names_in_either_language_and_a_bad_one_is_refused_with_its_name()
    {
        var page = await portal.GetPageAsync("/entries?place=伯利兹%3B%20Latin%20America");
        Assert.Equal(["belize-marine-conservation-debt-conversion"], page.QuerySelectorAll(".result h2 a").Select(a => a.GetAttribute("href")!.Split('/')[^1]));
        Assert.Equal("伯利兹; 拉丁美洲", page.QuerySelector("input#place")!.GetAttribute("value"));

        using var client = portal.CreateClient();
        var response = await client.GetAsync("/entries?place=Belise");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync()).QuerySelector(".errors li")!.TextContent;
        Assert.Contains("place", error, StringComparison.Ordinal);
        Assert.Contains("Belise", error, StringComparison.Ordinal);
        Assert.Contains("BZ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_entry_page_links_its_topics_and_places_and_lists_related_entries()
    {
        var page = await portal.GetPageAsync("/entries/ramsar-cop14-wuhan");

        Assert.Equal(["/topics/wetlands", "/places/CN"], page.QuerySelectorAll(".entry-tags a").Select(a => a.GetAttribute("href")));
        Assert.Null(page.QuerySelector(".tags-note"));
        var related = page.QuerySelectorAll(".related-list a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(5, related.Count);
        Assert.Contains("/entries/forestry-grassland-14th-five-year-plan", related);
        Assert.DoesNotContain("/entries/ramsar-cop14-wuhan", related);
    }

    [Fact]
    public async Task The_sitemap_names_the_topic_and_place_pages()
    {
        using var client = portal.CreateClient();
        var sitemap = await client.GetStringAsync("/sitemap.xml");

        Assert.Contains("<loc>http://localhost/topics</loc>", sitemap, StringComparison.Ordinal);
        Assert.Contains("<loc>http://localhost/topics/wetlands</loc>", sitemap, StringComparison.Ordinal);
        Assert.DoesNotContain("<loc>http://localhost/topics/food-security</loc>", sitemap, StringComparison.Ordinal); // no entries
        Assert.Contains("<loc>http://localhost/places/419</loc>", sitemap, StringComparison.Ordinal);
        Assert.Contains("<loc>http://localhost/places/BZ</loc>", sitemap, StringComparison.Ordinal);
    }
}
