using System.Net;
using System.Text.Json;

namespace NbsRoundup.Web.Tests.Api;

public class ApiTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private async Task<JsonElement> GetJsonAsync(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var client = portal.CreateClient();
        var response = await client.GetAsync(url);
        Assert.Equal(expected, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    [Fact]
    public async Task Entries_take_the_catalogue_parameters_and_return_a_page()
    {
        var json = await GetJsonAsync("/api/entries?q=红树林&pageSize=1");

        Assert.True(json.GetProperty("total").GetInt32() >= 3);
        Assert.Equal(1, json.GetProperty("page").GetInt32());
        Assert.Equal(1, json.GetProperty("pageSize").GetInt32());
        Assert.Equal(1, json.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task An_entry_has_every_field_and_its_date_at_its_precision()
    {
        var json = await GetJsonAsync("/api/entries?q=UNEP%20IUCN&section=research");

        var item = json.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("slug").GetString() == "unep-iucn-nbs-climate-mitigation");
        Assert.Equal("《基于自然的解决方案减缓气候变化》", item.GetProperty("title").GetString());
        Assert.Equal("Nature-based solutions for climate change mitigation", item.GetProperty("originalTitle").GetString());
        Assert.Equal("research", item.GetProperty("section").GetString());
        Assert.Equal("2021-11", item.GetProperty("issue").GetString());
        Assert.Equal(["unep", "iucn"], item.GetProperty("organisations").EnumerateArray().Select(o => o.GetProperty("slug").GetString()));
        Assert.Equal("UNEP", item.GetProperty("organisations")[0].GetProperty("shortName").GetString());
        Assert.Equal("2021-11-05", item.GetProperty("date").GetString());
        Assert.Equal("11 月 5 日", item.GetProperty("dateText").GetString());
        Assert.Equal("http://localhost/entries/unep-iucn-nbs-climate-mitigation", item.GetProperty("url").GetString());
        Assert.Equal(JsonValueKind.Null, item.GetProperty("link").ValueKind);
    }

    [Fact]
    public async Task Month_and_year_dates_are_not_given_a_day()
    {
        var json = await GetJsonAsync("/api/entries?q=企业净零标准");
        Assert.Equal("2021-10", json.GetProperty("items")[0].GetProperty("date").GetString());
    }

    [Theory]
    [InlineData("from=2021-13", "from")]
    [InlineData("to=2021-02-30", "to")]
    [InlineData("pageSize=100000", "pageSize")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("page=-1", "page")]
    [InlineData("page=abc", "page")]
    [InlineData("section=weather", "section")]
    [InlineData("sort=popular", "sort")]
    [InlineData("sort=relevance", "sort")]
    [InlineData("from=2021-11&to=2021-01", "to")]
    [InlineData("organisation=Nobody%20Inc", "organisation")]
    [InlineData("issue=1999-01", "issue")]
    [InlineData("q=a&q=b", "q")]
    public async Task Bad_parameters_get_400_naming_the_parameter(string parameters, string name)
    {
        var json = await GetJsonAsync("/api/entries?" + parameters, HttpStatusCode.BadRequest);

        Assert.Equal(400, json.GetProperty("status").GetInt32());
        var messages = json.GetProperty("errors").GetProperty(name);
        Assert.True(messages.GetArrayLength() > 0);
        Assert.False(string.IsNullOrWhiteSpace(messages[0].GetString()));
    }

    [Fact]
    public async Task A_too_long_query_is_refused()
    {
        var json = await GetJsonAsync("/api/entries?q=" + new string('a', 201), HttpStatusCode.BadRequest);
        Assert.Contains("200", json.GetProperty("errors").GetProperty("q")[0].GetString());
    }

    [Fact]
    public async Task Issues_are_listed_with_their_entry_counts()
    {
        var json = await GetJsonAsync("/api/issues");

        var issue = Assert.Single(json.EnumerateArray());
        Assert.Equal(("2021-11", 70, 3, 3), (issue.GetProperty("slug").GetString(), issue.GetProperty("entryCount").GetInt32(),
            issue.GetProperty("volume").GetInt32(), issue.GetProperty("number").GetInt32()));
    }

    [Fact]
    public async Task An_issue_has_its_sections_and_entries_in_newsletter_order()
    {
        var json = await GetJsonAsync("/api/issues/2021-11");

        var sections = json.GetProperty("sections").EnumerateArray().ToList();
        Assert.Equal(["standards", "research", "cop26", "cop15", "policy", "cooperation", "events"], sections.Select(s => s.GetProperty("key").GetString()));
        Assert.Equal(70, sections.Sum(s => s.GetProperty("entries").GetArrayLength()));
        Assert.Equal("corporate-net-zero-standard", sections[0].GetProperty("entries")[0].GetProperty("slug").GetString());
        Assert.StartsWith("联合国气候变化框架公约", sections[2].GetProperty("introduction").GetString());
    }

    [Fact]
    public async Task An_unknown_issue_is_a_404_problem()
    {
        using var client = portal.CreateClient();
        var response = await client.GetAsync("/api/issues/1999-01");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Sections_are_listed_in_order_with_counts()
    {
        var json = await GetJsonAsync("/api/sections");

        Assert.Equal(7, json.GetArrayLength());
        Assert.Equal(("standards", "标准和指南", "Standards and guidelines", 5),
            (json[0].GetProperty("key").GetString(), json[0].GetProperty("name").GetString(), json[0].GetProperty("nameEn").GetString(), json[0].GetProperty("entryCount").GetInt32()));
        Assert.Equal(70, json.EnumerateArray().Sum(s => s.GetProperty("entryCount").GetInt32()));
    }

    [Fact]
    public async Task Organisations_come_with_aliases_and_counts()
    {
        var json = await GetJsonAsync("/api/organisations");

        var tnc = json.EnumerateArray().Single(o => o.GetProperty("slug").GetString() == "tnc");
        Assert.Equal("The Nature Conservancy", tnc.GetProperty("name").GetString());
        Assert.Contains("大自然保护协会", tnc.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(6, tnc.GetProperty("entryCount").GetInt32());
    }

    [Fact]
    public async Task The_openapi_document_describes_every_endpoint()
    {
        var json = await GetJsonAsync("/openapi/v1.json");

        var paths = json.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(["/api/entries", "/api/entries/{slug}", "/api/issues", "/api/issues/{slug}", "/api/organisations", "/api/places", "/api/sections", "/api/topics"], paths.Order());
        var parameters = json.GetProperty("paths").GetProperty("/api/entries").GetProperty("get").GetProperty("parameters").EnumerateArray()
            .Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Contains("topic", parameters);
        Assert.Contains("place", parameters);
        Assert.Contains("exact", parameters);
        Assert.Equal("NbS Round-up API", json.GetProperty("info").GetProperty("title").GetString());
    }
}
