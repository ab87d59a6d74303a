using System.Globalization;
using NbsRoundup.Catalogue;

namespace GrowthCurve;

/// <summary>
/// Distinct catalogue queries as a researcher asks them: keywords in Chinese and English, with
/// now and then an organisation, a date range, a section, a sort and the second page. Each is a
/// query string the portal parses, so the in-process runs and the HTTP runs ask the same questions.
/// </summary>
internal static class QueryMix
{
    private static readonly string[] _chinese =
    [
        "湿地", "红树林", "碳汇", "泥炭地", "修复", "珊瑚礁", "生物多样性", "森林", "城市", "海洋", "保护地", "气候变化",
        "流域", "草原", "荒漠化", "农业", "土壤", "海草床", "毁林", "水资源", "国家公园", "自然资本", "绿色金融", "碳中和",
        "韧性", "社区", "粮食系统", "生态系统服务", "基础设施", "滨海湿地", "适应", "减缓",
    ];

    private static readonly string[] _english =
    [
        "wetlands", "mangroves", "net-zero", "peatlands", "restoration", "biodiversity", "coral reefs", "forests", "cities",
        "oceans", "grasslands", "deforestation", "water security", "protected areas", "natural capital", "green finance",
        "resilience", "indigenous peoples", "food systems", "climate adaptation", "mitigation", "carbon sinks", "river basins",
    ];

    /// <summary>Count distinct query strings, none of them in <paramref name="taken"/>; the same seed gives the same list.</summary>
    public static List<string> Keywords(int count, int seed, int organisations, int firstYear, int lastYear, ISet<string>? taken = null)
    {
        var random = new Random(seed);
        var queries = new List<string>();
        var seen = new HashSet<string>(taken ?? new HashSet<string>(), StringComparer.Ordinal);
        while (queries.Count < count)
        {
            var parameters = new List<(string, string)> { ("q", Keyword(random)) };
            if (random.Next(10) < 3)
            {
                var n = random.Next(1, organisations + 1);
                parameters.Add(("organisation", random.Next(3) == 0 && n % 3 == 0 ? $"I{n}" : $"syn-org-{n}"));
            }
            if (random.Next(10) < 3)
            {
                var year = random.Next(firstYear, lastYear + 1);
                var (from, to) = random.Next(3) switch
                {
                    0 => ($"{year}", $"{year}"),
                    1 => ($"{year}-{random.Next(1, 13):D2}", $"{year + random.Next(0, 2)}-{random.Next(1, 13):D2}"),
                    _ => ($"{year}", $"{year + random.Next(1, 4)}"),
                };
                if (string.CompareOrdinal(from, to) > 0)
                {
                    (from, to) = (to, from);
                }
                parameters.Add(("from", from));
                parameters.Add(("to", to));
            }
            if (random.Next(4) == 0)
            {
                parameters.Add(("section", Section.All[random.Next(Section.All.Count)].Key));
            }
            parameters.Add(("sort", random.Next(2) == 0 ? "date" : "relevance"));
            if (random.Next(10) < 3)
            {
                parameters.Add(("page", "2"));
            }
            var query = ToQueryString(parameters);
            if (seen.Add(query))
            {
                queries.Add(query);
            }
        }
        return queries;
    }

    /// <summary>The unfiltered catalogue, newest first, page by page: its facets count every entry.</summary>
    public static List<string> Pages(int count, int first = 1) =>
        Enumerable.Range(first, count).Select(page => ToQueryString([("page", page.ToString(CultureInfo.InvariantCulture))])).ToList();

    /// <summary>The values of one parameter in a query string made here.</summary>
    public static IReadOnlyList<string> Values(string query, string name) =>
        query.Split('&').Select(pair => pair.Split('=', 2))
            .Where(pair => pair[0] == name).Select(pair => Uri.UnescapeDataString(pair[1])).ToList();

    private static string Keyword(Random random)
    {
        string One() => random.Next(2) == 0 ? _chinese[random.Next(_chinese.Length)] : _english[random.Next(_english.Length)];
        return random.Next(5) == 0 ? $"{One()} {One()}" : One();
    }

    private static string ToQueryString(IEnumerable<(string Name, string Value)> parameters) =>
        string.Join('&', parameters.Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value)}"));
}
