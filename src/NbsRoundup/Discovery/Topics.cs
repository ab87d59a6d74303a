using System.Collections.Frozen;
using NbsRoundup.Catalogue;

namespace NbsRoundup.Discovery;

/// <summary>One of the three fixed topic vocabularies.</summary>
/// <param name="Key">`ecosystems`, `challenges` or `approaches`: part of addresses and the API.</param>
/// <param name="Chinese">Chinese name.</param>
/// <param name="English">English name.</param>
public sealed record TopicGroup(string Key, string Chinese, string English)
{
    /// <summary>The group's name in the interface language (`zh` or `en`).</summary>
    public string Name(string language) => Topics.IsEnglish(language) ? English : Chinese;
}

/// <summary>A topic an entry can be tagged with.</summary>
/// <param name="Key">Stable key used in addresses, the API and Markdown (`wetlands`, `climate-change`).</param>
/// <param name="Group">The vocabulary it belongs to.</param>
/// <param name="Chinese">Chinese name.</param>
/// <param name="English">English name.</param>
/// <param name="ScopeChinese">What the topic takes in, when the name alone does not say it, in Chinese.</param>
/// <param name="ScopeEnglish">The same in English.</param>
public sealed record Topic(string Key, TopicGroup Group, string Chinese, string English, string? ScopeChinese = null, string? ScopeEnglish = null)
{
    /// <summary>Other names accepted by <see cref="Topics.Find"/>, never shown.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>The topic's name in the interface language (`zh` or `en`).</summary>
    public string Name(string language) => Topics.IsEnglish(language) ? English : Chinese;
}

/// <summary>
/// The three fixed topic vocabularies: ecosystems (after the IUCN Global Ecosystem Typology,
/// simplified), the seven societal challenges of the IUCN Global Standard for NbS (criterion 1;
/// Chinese names as in its Chinese edition) and approaches. Keys are a public contract.
/// </summary>
public static class Topics
{
    public static readonly TopicGroup Ecosystems = new("ecosystems", "生态系统", "Ecosystems");
    public static readonly TopicGroup Challenges = new("challenges", "社会挑战", "Societal challenges");
    public static readonly TopicGroup Approaches = new("approaches", "途径", "Approaches");

    /// <summary>The groups, in display order.</summary>
    public static IReadOnlyList<TopicGroup> Groups { get; } = [Ecosystems, Challenges, Approaches];

    /// <summary>Every topic, group by group, in display order.</summary>
    public static IReadOnlyList<Topic> All { get; } =
    [
        new("forests", Ecosystems, "森林", "Forests"),
        new("grasslands", Ecosystems, "草原", "Grasslands") { Aliases = ["草地"] },
        new("drylands", Ecosystems, "荒漠与旱地", "Drylands and deserts", "荒漠、沙漠、旱地", "deserts, semi-deserts, drylands") { Aliases = ["荒漠", "旱地", "drylands"] },
        new("wetlands", Ecosystems, "湿地", "Wetlands", "含泥炭地", "peatlands included"),
        new("freshwater", Ecosystems, "淡水", "Freshwater", "河流、湖泊", "rivers and lakes"),
        new("coasts", Ecosystems, "海岸带", "Coasts", "红树林、盐沼、海草床", "mangroves, salt marshes, seagrass") { Aliases = ["海岸", "coastal"] },
        new("oceans", Ecosystems, "海洋", "Oceans", "含珊瑚礁", "coral reefs included") { Aliases = ["ocean", "marine"] },
        new("farmland", Ecosystems, "农田与食物系统", "Farmland and food systems", "农业、食物系统", "agriculture, food systems") { Aliases = ["农田", "farmland", "agriculture", "农业"] },
        new("urban", Ecosystems, "城市", "Urban") { Aliases = ["cities"] },

        new("climate-change", Challenges, "气候变化减缓与适应", "Climate change mitigation and adaptation") { Aliases = ["气候变化", "climate change"] },
        new("disaster-risk", Challenges, "灾害风险减少", "Disaster risk reduction") { Aliases = ["减少灾害风险", "灾害风险", "disaster risk"] },
        new("economic-development", Challenges, "经济和社会发展", "Economic and social development") { Aliases = ["经济社会发展", "economic development"] },
        new("human-health", Challenges, "人类健康", "Human health"),
        new("food-security", Challenges, "粮食安全", "Food security"),
        new("water-security", Challenges, "水安全", "Water security"),
        new("biodiversity-loss", Challenges, "环境退化和生物多样性丧失", "Environmental degradation and biodiversity loss") { Aliases = ["生物多样性丧失", "biodiversity loss"] },

        new("finance", Approaches, "金融", "Finance", "资金、投资、金融机构", "funding, investment, financial institutions") { Aliases = ["资金", "融资"] },
        new("restoration", Approaches, "生态修复", "Restoration", "生态保护修复、恢复", "ecological restoration") { Aliases = ["修复", "生态恢复", "ecological restoration"] },
        new("protected-areas", Approaches, "自然保护地", "Protected areas", "国家公园、保护区、30×30", "national parks, reserves, 30x30") { Aliases = ["保护地", "保护区"] },
        new("indigenous-peoples", Approaches, "原住民和当地社区", "Indigenous peoples and local communities") { Aliases = ["原住民", "土著人民和地方社区", "IPLCs", "IPLC", "Indigenous peoples"] },
        new("carbon-markets", Approaches, "碳市场", "Carbon markets") { Aliases = ["碳信用", "carbon credits"] },
    ];

    private static readonly FrozenDictionary<string, Topic> _byKey = All.ToFrozenDictionary(t => t.Key, StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, Topic> _byName = All
        .SelectMany(t => new[] { t.Key, t.Chinese, t.English }.Concat(t.Aliases).Select(n => (Name: Names.Normalize(n), Topic: t)))
        .DistinctBy(x => x.Name)
        .ToFrozenDictionary(x => x.Name, x => x.Topic, StringComparer.Ordinal);

    /// <summary>The topic with this exact key, or null.</summary>
    public static Topic? ByKey(string key) => _byKey.GetValueOrDefault(key);

    /// <summary>
    /// The topic a Markdown `topics:` value or a query names: its key, or its Chinese or English
    /// name or an alias, ignoring case, spaces and full-width forms (`wetlands`, `Wetlands`,
    /// `湿地`, `金融`, `Climate change`). Null when nothing matches.
    /// </summary>
    public static Topic? Find(string? name) =>
        string.IsNullOrWhiteSpace(name) ? null : _byName.GetValueOrDefault(Names.Normalize(name));

    /// <summary>Topic keys in display order (Topics.All); unknown keys last, in key order.</summary>
    public static IReadOnlyList<string> Ordered(IEnumerable<string> keys) =>
        keys.Distinct(StringComparer.Ordinal).OrderBy(k => _order.GetValueOrDefault(k, int.MaxValue)).ThenBy(k => k, StringComparer.Ordinal).ToList();

    private static readonly FrozenDictionary<string, int> _order = All.Select((t, i) => (t.Key, i)).ToFrozenDictionary(x => x.Key, x => x.i, StringComparer.Ordinal);

    /// <summary>Every name a topic is found by (keys, names, aliases), for suggesting the closest to a mistyped one.</summary>
    internal static IEnumerable<(string Name, Topic Topic)> NamesToSuggest() =>
        All.SelectMany(t => new[] { t.Key, t.Chinese, t.English }.Concat(t.Aliases).Select(n => (n, t)));

    /// <summary>The topics of one group, in display order.</summary>
    public static IEnumerable<Topic> In(TopicGroup group) => All.Where(t => t.Group == group);

    internal static bool IsEnglish(string language) => language.StartsWith("en", StringComparison.OrdinalIgnoreCase);
}
