using System.Net;
using System.ServiceModel.Syndication;
using System.Text.Json;
using System.Xml;
using CsvHelper;

namespace NbsRoundup.Web.Tests.Exports;

/// <summary>Exports of a result set, parsed back by the tools researchers would use.</summary>
public class ExportTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private async Task<HttpResponseMessage> GetAsync(string url)
    {
        using var client = portal.CreateClient();
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response;
    }

    [Fact]
    public async Task Csv_has_a_bom_and_every_result_not_just_one_page()
    {
        var response = await GetAsync("/entries/export.csv?pageSize=5");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.EndsWith(".csv", response.Content.Headers.ContentDisposition!.FileName);
        using var csv = CsvReader.Create(bytes);
        var rows = new List<(string Slug, string Title, string Date, string Organisations, string Section, string Issue)>();
        while (csv.Read())
        {
            rows.Add((csv.GetString("slug"), csv.GetString("title"), csv.GetString("date"), csv.GetString("organisations"), csv.GetString("section"), csv.GetString("issue")));
        }
        Assert.Equal(70, rows.Count);
        var netZero = rows.Single(r => r.Slug == "corporate-net-zero-standard");
        Assert.Equal(("《企业净零标准》", "2021-10", "Science Based Targets initiative", "standards", "2021-11"),
            (netZero.Title, netZero.Date, netZero.Organisations, netZero.Section, netZero.Issue));
    }

    [Fact]
    public async Task Csv_follows_the_query()
    {
        using var csv = CsvReader.Create(await (await GetAsync("/entries/export.csv?organisation=大自然保护协会")).Content.ReadAsByteArrayAsync());
        var slugs = new List<string>();
        while (csv.Read())
        {
            slugs.Add(csv.GetString("slug"));
        }
        Assert.Equal(6, slugs.Count);
        Assert.Contains("tnc-foodscales-food-system-transition", slugs);
    }

    [Fact]
    public async Task Bibtex_has_one_record_per_entry_with_authors_and_date_precision()
    {
        var text = await (await GetAsync("/entries/export.bib?section=research")).Content.ReadAsStringAsync();

        Assert.Equal(14, text.Split("@misc{").Length - 1);
        Assert.Contains("author = {Pettorelli and others}", text);
        Assert.Contains("author = {{曾楠} and others}", text);
        Assert.Contains("author = {{United Nations Environment Programme} and {International Union for Conservation of Nature}}", text);
        Assert.Contains("date = {2021-11},", text);
        Assert.Contains("origtitle = {Time to integrate global climate change and biodiversity science-policy agendas}", text);
        Assert.Equal(text.Count(c => c == '{'), text.Count(c => c == '}'));
    }

    [Fact]
    public async Task Ris_records_open_with_ty_and_close_with_er()
    {
        var text = await (await GetAsync("/entries/export.ris?q=mangroves")).Content.ReadAsStringAsync();

        var records = text.Split("ER  - ", StringSplitOptions.RemoveEmptyEntries).Where(r => r.Trim().Length > 0).ToList();
        Assert.NotEmpty(records);
        Assert.All(records, r => Assert.StartsWith("TY  - ", r.TrimStart()));
        Assert.Contains("TT  - The state of the world's mangroves", text);
        Assert.Contains("DA  - 2021/08//8月", text);
    }

    [Fact]
    public async Task Csl_json_is_an_array_of_items_with_date_parts_at_their_precision()
    {
        var json = await (await GetAsync("/entries/export.json?q=企业净零标准")).Content.ReadAsStringAsync();

        using var document = JsonDocument.Parse(json);
        var item = Assert.Single(document.RootElement.EnumerateArray());
        Assert.Equal("corporate-net-zero-standard", item.GetProperty("id").GetString());
        Assert.Equal("Corporate Net-zero Standard", item.GetProperty("original-title").GetString());
        Assert.Equal([2021, 10], item.GetProperty("issued").GetProperty("date-parts")[0].EnumerateArray().Select(p => p.GetInt32()));
        Assert.Equal("Science Based Targets initiative", item.GetProperty("author")[0].GetProperty("literal").GetString());
        Assert.Contains("企业净零标准", json); // characters, not \u escapes
    }

    [Fact]
    public async Task Csl_json_makes_a_quoted_speaker_the_author_and_the_organisations_of_an_event_its_organizers()
    {
        using var quote = JsonDocument.Parse(await (await GetAsync("/entries/export.json?q=Tubiana")).Content.ReadAsStringAsync());
        var speech = quote.RootElement.EnumerateArray().Single(i => i.GetProperty("id").GetString() == "cop26-view-laurence-tubiana");
        Assert.Equal("speech", speech.GetProperty("type").GetString());
        Assert.Equal("Laurence Tubiana, CEO of the European Climate Foundation", Assert.Single(speech.GetProperty("author").EnumerateArray()).GetProperty("literal").GetString());

        using var events = JsonDocument.Parse(await (await GetAsync("/entries/export.json?section=events")).Content.ReadAsStringAsync());
        var items = events.RootElement.EnumerateArray().ToList();
        Assert.Equal(3, items.Count);
        Assert.All(items, item =>
        {
            Assert.Equal("event", item.GetProperty("type").GetString());
            // Who organised the meeting, not who wrote it: citation styles do not print them as its authors.
            Assert.False(item.TryGetProperty("author", out _));
            Assert.Equal(item.GetProperty("publisher").GetString(), string.Join("; ", item.GetProperty("organizer").EnumerateArray().Select(o => o.GetProperty("literal").GetString())));
        });
    }

    [Theory]
    [InlineData("/entries/feed?q=TNC", 7)] // and 大自然保护协会, through the glossary
    [InlineData("/entries/feed?q=TNC&exact=true", 6)]
    [InlineData("/sections/events/feed", 3)]
    [InlineData("/topics/wetlands/feed", 3)]
    [InlineData("/places/419/feed", 7)]
    [InlineData("/feed", 70)]
    public async Task Atom_feeds_parse_with_the_syndication_reader(string url, int items)
    {
        var response = await GetAsync(url);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType!.MediaType);

        using var reader = XmlReader.Create(await response.Content.ReadAsStreamAsync());
        var feed = SyndicationFeed.Load(reader);
        Assert.Equal(items, feed.Items.Count());
        var first = feed.Items.First();
        Assert.StartsWith("http://localhost/entries/", first.Links[0].Uri.ToString());
        Assert.NotEqual(default, first.LastUpdatedTime);
    }

    [Fact]
    public async Task Feed_items_are_newest_first()
    {
        using var reader = XmlReader.Create(await (await GetAsync("/feed")).Content.ReadAsStreamAsync());
        var published = SyndicationFeed.Load(reader).Items.Where(i => i.PublishDate != default).Select(i => i.PublishDate).ToList();
        Assert.Equal(published.OrderDescending(), published);
    }

    [Theory]
    [InlineData("/entries/export.csv?from=yesterday")]
    [InlineData("/entries/feed?section=weather")]
    public async Task Bad_parameters_get_a_400_problem(string url)
    {
        using var client = portal.CreateClient();
        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task The_catalogue_page_links_to_every_export_of_its_query()
    {
        var page = await portal.GetPageAsync("/entries?q=湿地&page=1");
        var links = page.QuerySelectorAll(".exports a").Select(a => a.GetAttribute("href")).ToList();

        Assert.Equal(
            ["/entries/export.csv?q=湿地", "/entries/export.bib?q=湿地", "/entries/export.ris?q=湿地", "/entries/export.json?q=湿地", "/entries/feed?q=湿地"],
            links.Select(l => Uri.UnescapeDataString(l!)));
        Assert.Equal("/entries/feed?q=湿地", Uri.UnescapeDataString(page.QuerySelector("link[type='application/atom+xml']")!.GetAttribute("href")!));
    }

    [Fact]
    public async Task Entry_pages_carry_citation_meta_tags()
    {
        var page = await portal.GetPageAsync("/entries/pettorelli-climate-biodiversity-science-policy-agendas");

        string? Meta(string name) => page.QuerySelector($"meta[name={name}]")?.GetAttribute("content");
        Assert.Equal("《抓住整合全球气候变化和生物多样性科学政策议程的时机》", Meta("citation_title"));
        Assert.Equal("Pettorelli et al.", Meta("citation_author"));
        Assert.Equal("2021/09/21", Meta("citation_publication_date"));
        var month = await portal.GetPageAsync("/entries/corporate-net-zero-standard");
        Assert.Equal("2021/10", month.QuerySelector("meta[name=citation_publication_date]")!.GetAttribute("content"));
        Assert.Equal("Science Based Targets initiative", month.QuerySelector("meta[name=citation_author]")!.GetAttribute("content"));
    }
}
