using NbsRoundup.Search;

namespace NbsRoundup.Tests.Search;

/// <summary>Topics, places, their facets and cross-language keywords on the real 2021-11 issue.</summary>
public class TopicPlaceSearchTests(CatalogueFixture catalogue) : IClassFixture<CatalogueFixture>
{
    private async Task<SearchResult> SearchAsync(params (string Name, string Value)[] parameters)
    {
        var (query, errors) = CatalogueQuery.Parse(name => parameters.Where(p => p.Name == name).Select(p => p.Value).ToList());
        Assert.Empty(errors);
        await using var db = catalogue.Database.Open();
        var result = await new CatalogueSearch(db).RunAsync(query with { PageSize = 100 });
        Assert.Empty(result.Errors);
        return result;
    }

    private async Task<List<string>> SlugsAsync(params (string, string)[] parameters) =>
        (await SearchAsync(parameters)).Items.Select(i => i.Slug).ToList();

    private static IReadOnlyList<QueryError> Errors(params (string Name, string Value)[] parameters) =>
        CatalogueQuery.Parse(name => parameters.Where(p => p.Name == name).Select(p => p.Value).ToList()).Errors;

    [Theory]
    [InlineData("wetlands")]
    [InlineData("湿地")]
    [InlineData("Wetlands")]
    public async Task A_topic_by_key_or_name_finds_the_entries_tagged_with_it(string topic)
    {
        var result = await SearchAsync(("topic", topic));

        Assert.Equal(["wetlands"], result.Query.Topics);
        Assert.Equal(["forestry-grassland-14th-five-year-plan", "ramsar-cop14-wuhan", "terrestrial-nbs-uk-net-zero"], result.Items.Select(i => i.Slug).Order());
    }

    [Fact]
    public async Task Several_topics_must_all_match()
    {
        var finance = await SlugsAsync(("topic", "finance"));
        var both = await SlugsAsync(("topic", "finance"), ("topic", "forests"));

        Assert.Contains("cop26-commitment-bezos-earth-fund", finance);
        Assert.DoesNotContain("cop26-commitment-bezos-earth-fund", both);
        Assert.Contains("cop26-commitment-forest-pledge", both);
        Assert.True(both.Count < finance.Count);
    }

    [Theory]
    [InlineData("BZ")]
    [InlineData("bz")]
    [InlineData("Belize")]
    [InlineData("伯利兹")]
    public async Task A_place_by_code_or_name_in_either_language_finds_its_entries(string place) =>
        Assert.Equal(["belize-marine-conservation-debt-conversion"], await SlugsAsync(("place", place)));

    [Fact]
    public async Task A_region_finds_entries_tagged_with_it_or_with_any_country_inside_it()
    {
        var latinAmerica = await SlugsAsync(("place", "419"));
        Assert.Contains("belize-marine-conservation-debt-conversion", latinAmerica);       // BZ, in Central America
        Assert.Contains("cop26-commitment-brazil-deforestation", latinAmerica);            // BR
        Assert.Contains("cop26-commitment-south-america-beef-soy", latinAmerica);          // 005 South America itself
        Assert.DoesNotContain("ramsar-cop14-wuhan", latinAmerica);
        Assert.Equal(latinAmerica, await SlugsAsync(("place", "拉丁美洲和加勒比海地区")));

        var asia = await SlugsAsync(("place", "142"));
        Assert.Contains("asia-biodiversity-carbon-conservation-priorities", asia);          // 142 itself
        Assert.Contains("event-road-to-kunming-central-asia", asia);                       // 143 Central Asia
        Assert.Contains("ramsar-cop14-wuhan", asia);                                       // CN, in 030
        Assert.DoesNotContain("belize-marine-conservation-debt-conversion", asia);
        Assert.DoesNotContain("corporate-net-zero-standard", asia);                        // global is not a container
    }

    [Fact]
    public async Task Topics_and_places_combine_with_keywords_and_other_filters()
    {
        var slugs = await SlugsAsync(("q", "森林"), ("topic", "finance"), ("place", "global"), ("section", "cop26"));
        Assert.Contains("cop26-commitment-forest-pledge", slugs);
        Assert.DoesNotContain("cop26-commitment-forest-finance-12-countries", slugs); // not global
    }

    [Fact]
    public async Task Facets_count_topics_and_places_over_the_result_set_each_entry_once_per_region()
    {
        var result = await SearchAsync(("topic", "forests"));
        var topics = result.Facets!.Topics.ToDictionary(f => f.Key!, f => f.Count);
        var places = result.Facets.Places.ToDictionary(f => f.Key!, f => f.Count);

        Assert.Equal(result.Total, topics["forests"]);
        Assert.Equal("森林", result.Facets.Topics.Single(f => f.Key == "forests").Label);
        Assert.Equal(NbsRoundup.Discovery.Topics.All.Where(t => topics.ContainsKey(t.Key)).Select(t => t.Key), result.Facets.Topics.Select(f => f.Key));
        // The forest items of the Americas: 12 countries (CA, US), Brazil, South America (005), CPPIB (BR, CL, CO, PE): once each.
        var americas = result.Items.Count(i => i.Places.Any(p => NbsRoundup.Discovery.Places.IsWithin(p.Code, "019")));
        Assert.Equal(americas, places["019"]);
        Assert.Equal(1, places["CL"]);
        Assert.Equal(places.Values.OrderByDescending(c => c), result.Facets.Places.Select(f => f.Count));
    }

    [Theory]
    [InlineData("topic", "wetland", "did you mean wetlands")]
    [InlineData("topic", "xyzzy", "topics are forests, grasslands")]
    [InlineData("place", "Belise", "did you mean BZ")]
    [InlineData("place", "Atlantis", "places are ISO country codes")]
    [InlineData("exact", "yes", "use true")]
    public void An_unknown_value_is_refused_naming_the_parameter(string name, string value, string message)
    {
        var error = Assert.Single(Errors((name, value)));
        Assert.Equal(name, error.Parameter);
        Assert.Contains(message, error.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_address_of_a_result_set_names_topics_and_places_by_key_and_code()
    {
        var (query, _) = CatalogueQuery.Parse(name => name switch
        {
            "topic" => ["湿地", "Finance"],
            "place" => ["伯利兹", "Latin America"],
            "exact" => ["true"],
            _ => [],
        });
        Assert.Equal("topic=wetlands&topic=finance&place=BZ&place=419&exact=true", string.Join("&", query.ToParameters().Select(p => $"{p.Key}={p.Value}")));
    }

    [Fact]
    public async Task Wetland_finds_the_entries_that_say_only_湿地_and_says_what_it_was_expanded_with()
    {
        var result = await SearchAsync(("q", "wetland"));

        Assert.Contains("ramsar-cop14-wuhan", result.Items.Select(i => i.Slug));
        Assert.Contains("湿地", result.ExpandedWith);
        Assert.All(result.Items, i => Assert.Contains("湿地", i.Title + i.OriginalTitle + i.Summary, StringComparison.Ordinal));
        Assert.Equal(8, result.Total);
    }

    [Fact]
    public async Task Exact_turns_the_expansion_off()
    {
        var result = await SearchAsync(("q", "wetland"), ("exact", "true"));
        Assert.Equal(0, result.Total);
        Assert.Empty(result.ExpandedWith);
    }

    [Fact]
    public async Task Nature_based_solutions_finds_entries_that_say_only_NbS_and_ranks_those_that_say_it_in_english_first()
    {
        var expanded = await SearchAsync(("q", "nature-based solutions"));
        var exact = await SearchAsync(("q", "nature-based solutions"), ("exact", "true"));

        Assert.Contains("NbS", expanded.ExpandedWith);
        Assert.Contains("基于自然的解决方案", expanded.ExpandedWith);
        Assert.True(expanded.Total > exact.Total + 20, $"{expanded.Total} expanded, {exact.Total} exact");
        Assert.Contains("corporate-net-zero-standard", expanded.Items.Select(i => i.Slug)); // says only NbS
        // Relevance, the default with keywords: every exact match before every expanded one.
        Assert.Equal(exact.Items.Select(i => i.Slug).Order(), expanded.Items.Take(exact.Total).Select(i => i.Slug).Order());
        Assert.Equal(CatalogueSort.Relevance, expanded.Query.Sort);
    }
}
