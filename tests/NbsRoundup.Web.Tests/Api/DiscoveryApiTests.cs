using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NbsRoundup.Data;

namespace NbsRoundup.Web.Tests.Api;

/// <summary>Topics, places, cross-language keywords and related entries in the API.</summary>
public class DiscoveryApiTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private async Task<JsonElement> GetJsonAsync(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var client = portal.CreateClient();
        var response = await client.GetAsync(url);
        Assert.Equal(expected, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private static List<string?> Slugs(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("slug").GetString()).ToList();

    [Fact]
    public async Task Every_item_carries_its_topics_and_places_with_names_and_whether_they_are_suggested()
    {
        var json = await GetJsonAsync("/api/entries?place=BZ");

        var item = Assert.Single(json.GetProperty("items").EnumerateArray());
        var topics = item.GetProperty("topics").EnumerateArray().ToList();
        Assert.Equal(["coasts", "oceans", "finance", "protected-areas"], topics.Select(t => t.GetProperty("key").GetString()));
        Assert.Equal("ecosystems", topics[0].GetProperty("group").GetString());
        Assert.Equal("海岸带", topics[0].GetProperty("name").GetString());
        Assert.Equal("Coasts", topics[0].GetProperty("nameEn").GetString());
        Assert.False(topics[0].GetProperty("suggested").GetBoolean());
        var place = Assert.Single(item.GetProperty("places").EnumerateArray());
        Assert.Equal(("BZ", "伯利兹", "Belize", false),
            (place.GetProperty("code").GetString(), place.GetProperty("name").GetString(), place.GetProperty("nameEn").GetString(), place.GetProperty("suggested").GetBoolean()));
    }

    [Theory]
    [InlineData("place=BZ")]
    [InlineData("place=Belize")]
    [InlineData("place=伯利兹")]
    [InlineData("place=419&topic=oceans")]
    [InlineData("place=拉丁美洲&topic=海洋")]
    public async Task Places_and_topics_by_code_key_or_name_in_either_language(string query) =>
        Assert.Equal(["belize-marine-conservation-debt-conversion"], Slugs(await GetJsonAsync("/api/entries?" + query)));

    [Theory]
    [InlineData("topic=wetland", "topic", "did you mean wetlands")]
    [InlineData("topic=weather", "topic", "unknown topic 'weather'")]
    [InlineData("place=Atlantis", "place", "unknown place 'Atlantis'")]
    [InlineData("place=Belise", "place", "did you mean BZ")]
    [InlineData("exact=maybe", "exact", "use true")]
    public async Task A_bad_topic_place_or_exact_is_a_400_naming_the_parameter(string query, string parameter, string message)
    {
        var json = await GetJsonAsync("/api/entries?" + query, HttpStatusCode.BadRequest);

        var errors = json.GetProperty("errors").GetProperty(parameter);
        Assert.Contains(message, errors[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wetland_finds_entries_in_chinese_and_says_what_it_was_expanded_with_unless_exact()
    {
        var expanded = await GetJsonAsync("/api/entries?q=wetland");
        var exact = await GetJsonAsync("/api/entries?q=wetland&exact=true");

        Assert.Contains("ramsar-cop14-wuhan", Slugs(expanded));
        Assert.Contains("湿地", expanded.GetProperty("expandedWith").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(0, exact.GetProperty("total").GetInt32());
        Assert.Equal(0, exact.GetProperty("expandedWith").GetArrayLength());
    }

    [Fact]
    public async Task A_chinese_term_is_expanded_into_english_too()
    {
        var expanded = await GetJsonAsync("/api/entries?q=湿地");
        var exact = await GetJsonAsync("/api/entries?q=湿地&exact=true");

        Assert.Contains(expanded.GetProperty("expandedWith").EnumerateArray().Select(e => e.GetString()!),
            term => term.Contains("wetland", StringComparison.OrdinalIgnoreCase));
        Assert.True(expanded.GetProperty("total").GetInt32() >= exact.GetProperty("total").GetInt32());
        Assert.Equal(0, exact.GetProperty("expandedWith").GetArrayLength());
    }

    [Fact]
    public async Task One_entry_comes_with_its_tags_and_five_related_entries_from_the_catalogue()
    {
        var json = await GetJsonAsync("/api/entries/belize-marine-conservation-debt-conversion");

        Assert.Equal("belize-marine-conservation-debt-conversion", json.GetProperty("slug").GetString());
        Assert.Equal(4, json.GetProperty("topics").GetArrayLength());
        var related = json.GetProperty("related").EnumerateArray().ToList();
        Assert.Equal(5, related.Count);
        Assert.DoesNotContain(related, r => r.GetProperty("slug").GetString() == "belize-marine-conservation-debt-conversion");
        Assert.All(related, r => Assert.StartsWith("http://localhost/entries/", r.GetProperty("url").GetString(), StringComparison.Ordinal));
        Assert.Contains(related, r => r.GetProperty("slug").GetString() == "state-of-the-worlds-mangroves");
        // The same list as the entry's page shows.
        var page = await portal.GetPageAsync("/entries/belize-marine-conservation-debt-conversion");
        Assert.Equal(related.Select(r => "/entries/" + r.GetProperty("slug").GetString()), page.QuerySelectorAll(".related-list a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task An_unknown_or_draft_entry_is_not_found()
    {
        const string slug = "cop26-commitment-forest-pledge";
        using var client = portal.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/entries/no-such-entry")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/entries/{slug}")).StatusCode);

        await SetDraftAsync(slug, true);
        try
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/entries/{slug}")).StatusCode);
        }
        finally
        {
            await SetDraftAsync(slug, false);
        }
    }

    private async Task SetDraftAsync(string slug, bool draft)
    {
        using var scope = portal.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CatalogueDb>();
        var entry = await db.Entries.SingleAsync(e => e.Slug == slug);
        await db.SaveAuditedAsync(new ChangeNote("test", "draft"), () => entry.SetDraft(draft), CancellationToken.None);
    }

    [Fact]
    public async Task Topics_and_places_are_listed_with_their_counts()
    {
        var topics = (await GetJsonAsync("/api/topics")).EnumerateArray().ToList();
        var places = (await GetJsonAsync("/api/places")).EnumerateArray().ToList();

        Assert.Equal(NbsRoundup.Discovery.Topics.All.Count, topics.Count);
        var wetlands = topics.Single(t => t.GetProperty("key").GetString() == "wetlands");
        Assert.Equal(3, wetlands.GetProperty("entryCount").GetInt32());
        Assert.Equal("http://localhost/topics/wetlands", wetlands.GetProperty("url").GetString());
        var americas = places.Single(p => p.GetProperty("code").GetString() == "419");
        Assert.Equal("region", americas.GetProperty("kind").GetString());
        Assert.True(americas.GetProperty("entryCount").GetInt32() >= 5);
        Assert.Contains(places, p => p.GetProperty("code").GetString() == "global");
    }
}
