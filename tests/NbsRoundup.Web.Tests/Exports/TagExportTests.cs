using System.Net;
using System.ServiceModel.Syndication;
using System.Text.Json;
using System.Xml;
using CsvHelper;

namespace NbsRoundup.Web.Tests.Exports;

/// <summary>Topics and places in every export and in the feeds.</summary>
public class TagExportTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private async Task<string> GetAsync(string url)
    {
        using var client = portal.CreateClient();
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task Csv_has_topic_and_place_columns()
    {
        using var client = portal.CreateClient();
        using var csv = CsvReader.Create(await client.GetByteArrayAsync("/entries/export.csv?place=BZ"));
        Assert.True(csv.Read());
        Assert.Equal("coasts; oceans; finance; protected-areas", csv.GetString("topics"));
        Assert.Equal("BZ", csv.GetString("places"));
        Assert.Equal("no", csv.GetString("tags_suggested"));
    }

    [Fact]
    public async Task Bibtex_ris_and_csl_json_carry_them_as_keywords()
    {
        var bib = await GetAsync("/entries/export.bib?place=BZ");
        var ris = await GetAsync("/entries/export.ris?place=BZ");
        using var json = JsonDocument.Parse(await GetAsync("/entries/export.json?place=BZ"));

        Assert.Contains("keywords = {cooperation, Coasts, Oceans, Finance, Protected areas, Belize}", bib, StringComparison.Ordinal);
        Assert.Contains("KW  - Coasts\r\n", ris, StringComparison.Ordinal);
        Assert.Contains("KW  - Belize\r\n", ris, StringComparison.Ordinal);
        Assert.Equal("Coasts, Oceans, Finance, Protected areas, Belize", json.RootElement[0].GetProperty("keyword").GetString());
    }

    [Fact]
    public async Task Feed_items_carry_topics_and_places_as_categories_in_schemes_of_their_own()
    {
        using var reader = XmlReader.Create(new StringReader(await GetAsync("/entries/feed?place=BZ")));
        var item = Assert.Single(SyndicationFeed.Load(reader).Items);

        Assert.Contains(item.Categories, c => c.Name == "coasts" && c.Scheme == "http://localhost/topics" && c.Label == "海岸带 / Coasts");
        Assert.Contains(item.Categories, c => c.Name == "BZ" && c.Scheme == "http://localhost/places" && c.Label == "伯利兹 / Belize");
    }
}
