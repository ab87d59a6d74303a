using NbsRoundup.Discovery;
using NbsRoundup.Importing;
using NbsRoundup.Rendering;
using NbsRoundup.Testing;
using Xunit.Abstractions;

namespace NbsRoundup.Tests.Discovery;

public class TagSuggesterTests(ITestOutputHelper output)
{
    private static TagSuggestions Suggest(EntryDocument e) =>
        TagSuggester.Suggest(e.Content.Title, e.Content.OriginalTitle, MarkdownRenderer.ToPlainText(e.Content.Summary), e.OrganisationNames);

    private static EntryDocument Entry(string slug) => ContentFiles.Parse(ContentFiles.Vol3).Entries.Single(e => e.Slug == slug);

    [Fact]
    public void A_title_mention_is_enough_and_a_region_around_a_suggested_country_is_dropped()
    {
        var s = TagSuggester.Suggest("伯利兹启动美洲第一个基于海洋保护的债权转换", null, "", []);
        Assert.Equal(["BZ"], s.PlaceCodes);
        Assert.Equal(["oceans", "finance"], s.TopicKeys);
    }

    [Fact]
    public void A_single_mention_in_the_summary_does_not_tag()
    {
        var s = TagSuggester.Suggest("一份报告", null, "报告提到了湿地，也提到了巴西。", []);
        Assert.Empty(s.TopicKeys);
        Assert.Empty(s.PlaceCodes);
    }

    [Fact]
    public void Repeated_mentions_in_the_summary_tag()
    {
        var s = TagSuggester.Suggest("一份报告", null, "湿地保护。泥炭地是湿地。巴西、巴西和巴西。", []);
        Assert.Equal(["wetlands"], s.TopicKeys);
        Assert.Equal(["BR"], s.PlaceCodes);
        Assert.Equal(["巴西"], s.Places[0].Evidence);
    }

    [Fact]
    public void An_organisation_that_belongs_to_a_country_counts_towards_it()
    {
        var s = TagSuggester.Suggest("《红树林生态修复手册》", null, "该手册适用于我国退化红树林。", ["自然资源部办公厅"]);
        Assert.Contains("CN", s.PlaceCodes);
        Assert.Empty(TagSuggester.Suggest("手册", null, "", ["自然资源部办公厅"]).PlaceCodes);
    }

    [Fact]
    public void A_longer_name_hides_the_country_inside_it()
    {
        var s = TagSuggester.Suggest("中国科学院植物所", null, "中国科学院植物所研究员。发展中国家。发展中国家。", []);
        Assert.DoesNotContain("CN", s.PlaceCodes);
    }

    [Fact]
    public void English_place_names_count_only_as_proper_nouns()
    {
        var s = TagSuggester.Suggest("roast turkey for us", null, "turkey us turkey us turkey us", []);
        Assert.Empty(s.PlaceCodes);
        Assert.Equal(["TR"], TagSuggester.Suggest("Nature in Turkey", null, "", []).PlaceCodes);
    }

    [Fact]
    public void Global_gives_way_to_a_named_country()
    {
        var s = TagSuggester.Suggest("The UK's Footprint on Global Biodiversity", null, "英国发布报告。", []);
        Assert.Equal(["GB"], s.PlaceCodes);
    }

    [Fact]
    public void The_same_entry_always_gets_the_same_suggestions_in_vocabulary_order()
    {
        var e = Entry("wri-climate-resilient-infrastructure-china");
        var first = Suggest(e);
        Assert.Equal(first.TopicKeys, Suggest(e).TopicKeys);
        Assert.Equal(first.PlaceCodes, Suggest(e).PlaceCodes);
        Assert.Equal(first.TopicKeys.OrderBy(k => Topics.All.ToList().FindIndex(t => t.Key == k)), first.TopicKeys);
        Assert.Equal(["CN"], first.PlaceCodes);
        Assert.Contains("disaster-risk", first.TopicKeys);
        Assert.Contains("城市洪涝", first.Topics.Single(t => t.Key == "disaster-risk").Evidence);
    }

    [Theory]
    [InlineData("mangrove-ecological-restoration-handbook", "coasts;restoration", "CN")]
    [InlineData("carbon-peaking-neutrality-opinions", "climate-change", "CN")]
    [InlineData("cop15-commitment-japan-biodiversity-fund", "biodiversity-loss;finance", "JP")]
    [InlineData("cppib-forest-carbon-credits-south-america", "finance;carbon-markets", "")]
    [InlineData("iclei-cities-with-nature-training-series", "urban", "CN")]
    [InlineData("event-road-to-kunming-central-asia", "biodiversity-loss", "143;150")]
    public void Real_entries_get_these_suggestions(string slug, string topics, string places)
    {
        var s = Suggest(Entry(slug));
        Assert.Equal(topics, string.Join(';', s.TopicKeys));
        Assert.Equal(places, string.Join(';', s.PlaceCodes));
    }

    [Fact]
    public void Suggestions_agree_with_the_hand_tags_of_the_seed_issue()
    {
        var hand = ContentFiles.Parse(ContentFiles.Vol3).Entries.ToDictionary(r => r.Slug, r => r.Tags);
        int topicSuggested = 0, topicRight = 0, topicHand = 0, placeSuggested = 0, placeRight = 0, placeHand = 0, exact = 0;
        var entries = ContentFiles.Parse(ContentFiles.Vol3).Entries;
        foreach (var e in entries)
        {
            var s = Suggest(e);
            var h = hand[e.Slug];
            topicSuggested += s.TopicKeys.Count;
            topicRight += s.TopicKeys.Count(h.Topics.Contains);
            topicHand += h.Topics.Count;
            placeSuggested += s.PlaceCodes.Count;
            placeRight += s.PlaceCodes.Count(h.Places.Contains);
            placeHand += h.Places.Count;
            if (s.TopicKeys.ToHashSet().SetEquals(h.Topics) && s.PlaceCodes.ToHashSet().SetEquals(h.Places))
            {
                exact++;
            }
            foreach (var wrong in s.TopicKeys.Except(h.Topics).Concat(s.PlaceCodes.Except(h.Places)))
            {
                output.WriteLine($"{e.Slug}: suggested {wrong}, not in the hand tags");
            }
        }
        double topicPrecision = (double)topicRight / topicSuggested, placePrecision = (double)placeRight / placeSuggested;
        output.WriteLine($"topics: {topicRight}/{topicSuggested} suggested are hand tags (precision {topicPrecision:P0}); {topicRight}/{topicHand} hand tags suggested (recall {(double)topicRight / topicHand:P0})");
        output.WriteLine($"places: {placeRight}/{placeSuggested} suggested are hand tags (precision {placePrecision:P0}); {placeRight}/{placeHand} hand tags suggested (recall {(double)placeRight / placeHand:P0})");
        output.WriteLine($"entries whose suggestions equal their hand tags: {exact}/{entries.Count}");
        // Conservative means: what it suggests is nearly always right, even if it misses much.
        Assert.True(topicPrecision >= 0.85, $"topic precision {topicPrecision:P0}");
        Assert.True(placePrecision >= 0.85, $"place precision {placePrecision:P0}");
    }
}
