using NbsRoundup.Discovery;

namespace NbsRoundup.Tests.Discovery;

public class TopicsTests
{
    [Fact]
    public void The_keys_are_the_published_three_vocabularies_in_order()
    {
        Assert.Equal(["ecosystems", "challenges", "approaches"], Topics.Groups.Select(g => g.Key));
        Assert.Equal(
            ["forests", "grasslands", "drylands", "wetlands", "freshwater", "coasts", "oceans", "farmland", "urban"],
            Topics.In(Topics.Ecosystems).Select(t => t.Key));
        Assert.Equal(
            ["climate-change", "disaster-risk", "economic-development", "human-health", "food-security", "water-security", "biodiversity-loss"],
            Topics.In(Topics.Challenges).Select(t => t.Key));
        Assert.Equal(
            ["finance", "restoration", "protected-areas", "indigenous-peoples", "carbon-markets"],
            Topics.In(Topics.Approaches).Select(t => t.Key));
    }

    [Fact]
    public void The_challenges_carry_the_IUCN_Global_Standard_Chinese_names() =>
        Assert.Equal(
            ["气候变化减缓与适应", "灾害风险减少", "经济和社会发展", "人类健康", "粮食安全", "水安全", "环境退化和生物多样性丧失"],
            Topics.In(Topics.Challenges).Select(t => t.Chinese));

    [Theory]
    [InlineData("wetlands", "wetlands")]
    [InlineData(" Wetlands ", "wetlands")]
    [InlineData("湿地", "wetlands")]
    [InlineData("金融", "finance")]
    [InlineData("FINANCE", "finance")]
    [InlineData("climate-change", "climate-change")]
    [InlineData("Climate change mitigation and adaptation", "climate-change")]
    [InlineData("气候变化减缓与适应", "climate-change")]
    [InlineData("环境退化和生物多样性丧失", "biodiversity-loss")]
    [InlineData("原住民和当地社区", "indigenous-peoples")]
    [InlineData("IPLCs", "indigenous-peoples")]
    [InlineData("碳　市　场", "carbon-markets")]
    public void A_topics_line_may_name_a_topic_by_key_or_by_name_in_either_language(string name, string key) =>
        Assert.Equal(key, Topics.Find(name)?.Key);

    [Theory]
    [InlineData("海洋酸化")]
    [InlineData("wetland restoration")]
    [InlineData("")]
    [InlineData(null)]
    public void An_unknown_topic_finds_nothing(string? name) => Assert.Null(Topics.Find(name));

    [Fact]
    public void Every_name_and_alias_leads_to_its_own_topic()
    {
        foreach (var topic in Topics.All)
        {
            foreach (var name in new[] { topic.Key, topic.Chinese, topic.English }.Concat(topic.Aliases))
            {
                Assert.Same(topic, Topics.Find(name));
            }
        }
    }

    [Fact]
    public void Names_follow_the_interface_language()
    {
        var coasts = Topics.ByKey("coasts")!;
        Assert.Equal("海岸带", coasts.Name("zh"));
        Assert.Equal("Coasts", coasts.Name("en-GB"));
        Assert.Equal("Ecosystems", coasts.Group.Name("en"));
    }
}
