using Microsoft.EntityFrameworkCore;
using NbsRoundup.Catalogue;
using NbsRoundup.Data;

namespace NbsRoundup.Synthetic;

/// <summary>
/// A large, realistic-looking catalogue for benchmarks: many issues, Chinese and English
/// titles and summaries built from the newsletter's own vocabulary, hundreds of organisations
/// with aliases, dates at every precision. Deterministic for a given seed.
/// </summary>
public sealed class SyntheticCatalogue(int entries, int seed = 20211125)
{
    private static readonly string[] _zhTerms =
    [
        "湿地", "红树林", "碳汇", "森林", "生物多样性", "生态修复", "气候变化", "适应", "减缓", "流域", "城市", "海洋", "草原",
        "荒漠化", "农业", "土壤", "泥炭地", "珊瑚礁", "海草床", "毁林", "水资源", "保护地", "国家公园", "自然资本", "绿色金融",
        "碳中和", "碳达峰", "韧性", "原住民", "社区", "粮食系统", "可持续发展", "生态系统服务", "基础设施", "滨海湿地",
    ];

    // Filler words are drawn from common characters, so that a subject term such as 湿地 appears in a
    // realistic few percent of entries (about 11% in the real 2021-11 issue) rather than in most of them.
    private const string CommonCharacters =
        "的一是不了人在有这中大来上个国到说们为子和地出道也时年得就那要下以生会自着去之过家学对可里后小心多天而能好都然日于起还发成事" +
        "只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动两长知民样现分将外但身些与高意进把法此实回二理美点月明其种声全工己" +
        "话儿者向情部正名定女问力机给等几很业最间新什打便位因重被走电四第门相次东政海口使教西再平真听世气信北少关并内加化由却代军产入先" +
        "山五太水万市眼体别处总才场师书比住员九笑性通目华报立马命张活难神数件安表原车白应路期叫死常提感金何更反合放做系计或司利受光王果";

    private static readonly string[] _zhVerbs = ["保护", "修复", "评估", "推进", "监测", "资助", "规划", "治理", "恢复", "研究"];
    private static readonly string[] _zhKinds = ["报告", "指南", "手册", "路线图", "白皮书", "案例集", "框架", "行动方案", "倡议", "标准"];

    private static readonly string[] _enTerms =
    [
        "wetlands", "mangroves", "carbon sinks", "forests", "biodiversity", "restoration", "climate adaptation", "mitigation",
        "river basins", "cities", "oceans", "grasslands", "peatlands", "coral reefs", "deforestation", "water security",
        "protected areas", "natural capital", "green finance", "net-zero", "resilience", "indigenous peoples", "food systems",
    ];

    private static readonly string[] _enKinds = ["Report", "Guidelines", "Handbook", "Roadmap", "Assessment", "Framework", "Standard", "Policy Brief"];

    // Topics weighted roughly as the newsletter uses them: climate and biodiversity in most items, finance and
    // restoration often, each ecosystem now and then, a few challenges rarely.
    private static readonly (string Key, int Weight)[] _topics =
    [
        ("climate-change", 30), ("biodiversity-loss", 25), ("finance", 12), ("restoration", 10), ("forests", 10), ("protected-areas", 7),
        ("wetlands", 6), ("coasts", 6), ("farmland", 5), ("oceans", 4), ("urban", 4), ("freshwater", 3), ("indigenous-peoples", 3),
        ("carbon-markets", 3), ("grasslands", 2), ("drylands", 2), ("disaster-risk", 2), ("water-security", 2), ("economic-development", 2),
        ("human-health", 1), ("food-security", 1),
    ];

    // Places: worldwide and China most, then a long tail of countries and a few regions.
    private static readonly (string Code, int Weight)[] _places =
    [
        ("global", 30), ("CN", 25), ("GB", 4), ("US", 4), ("BR", 4), ("ID", 3), ("IN", 3), ("DE", 2), ("FR", 2), ("JP", 2), ("KE", 2),
        ("AU", 2), ("CA", 2), ("CO", 2), ("MX", 1), ("PE", 1), ("ZA", 1), ("VN", 1), ("PH", 1), ("NO", 1), ("BZ", 1), ("CL", 1), ("AR", 1),
        ("NG", 1), ("TZ", 1), ("MY", 1), ("TH", 1), ("BD", 1), ("PK", 1), ("EG", 1), ("142", 2), ("419", 2), ("150", 2), ("002", 1), ("143", 1),
    ];

    private readonly Random _random = new(seed);

    public sealed record Progress(int Entries, int Issues);

    /// <summary>Writes the catalogue in batches, each in its own transaction; reports progress after each.</summary>
    public async Task<Progress> WriteAsync(Func<CatalogueDb> open, Action<Progress>? report = null, CancellationToken ct = default)
    {
        var organisationIds = await WriteOrganisationsAsync(open, ct);
        var written = 0;
        var issues = 0;
        var month = new DateOnly(2000, 1, 1);
        while (written < entries)
        {
            await using var db = open();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            // With their aliases, so that the save indexes the new entries from memory instead of reading them back.
            var organisations = await db.Organisations.Include(o => o.Aliases).Where(o => organisationIds.Contains(o.Id)).ToListAsync(ct);
            for (var batch = 0; batch < 40 && written < entries; batch++)
            {
                var count = Math.Min(entries - written, _random.Next(30, 71));
                db.Issues.Add(Issue(issues + 1, month, count, organisations));
                written += count;
                issues++;
                if (issues % 6 == 0)
                {
                    month = month.AddMonths(1);
                }
            }
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(ct);
            report?.Invoke(new Progress(written, issues));
        }
        return new Progress(written, issues);
    }

    /// <summary>How many organisations a synthetic catalogue has.</summary>
    public const int OrganisationCount = 400;

    /// <summary>
    /// The names of synthetic organisation <paramref name="i"/> (1 to <see cref="OrganisationCount"/>):
    /// synthetic newsletter files name them the same, so importing one into a synthetic catalogue adds
    /// entries and renames nothing.
    /// </summary>
    public static (string Slug, string Name, string? ShortName, string Alias) OrganisationNames(int i) =>
        ($"syn-org-{i}", $"Institute for {Title(_enTerms[i % _enTerms.Length])} No. {i}", i % 3 == 0 ? $"I{i}" : null, $"{_zhTerms[i % _zhTerms.Length]}研究院第{i}所");

    private static async Task<List<int>> WriteOrganisationsAsync(Func<CatalogueDb> open, CancellationToken ct)
    {
        await using var db = open();
        var organisations = new List<Organisation>();
        for (var i = 1; i <= OrganisationCount; i++)
        {
            var (slug, name, shortName, alias) = OrganisationNames(i);
            var organisation = new Organisation(slug, name, shortName);
            organisation.AddAlias(alias);
            organisations.Add(organisation);
        }
        db.Organisations.AddRange(organisations);
        await db.SaveChangesAsync(ct);
        return organisations.Select(o => o.Id).ToList();
    }

    private Issue Issue(int number, DateOnly month, int count, List<Organisation> organisations)
    {
        var issue = new Issue($"syn-{month:yyyy-MM}-{number}", new IssueDetails(
            $"基于自然的解决方案通讯（合成）{month.Year}年{month.Month}月 第{number}期", $"Synthetic NbS Round-up No. {number}",
            "合成数据", month.Year, month.Month, (number % 12) + 1, number, Sentence()));
        var positions = new int[Section.All.Count + 1];
        for (var i = 0; i < count; i++)
        {
            var section = Section.All[_random.Next(Section.All.Count)];
            var zh = _random.Next(3) == 0 ? Pick(_zhTerms) : Filler();
            var en = Pick(_enTerms);
            var content = new EntryContent(
                section.Id, ++positions[section.Id], null,
                $"《{Term()}{Pick(_zhVerbs)}与{zh}{Pick(_zhKinds)}》",
                _random.Next(3) == 0 ? null : $"{Title(en)} {Pick(_enKinds)} No. {_random.Next(1, 1000)}",
                Sentence() + Sentence() + (_random.Next(4) == 0 ? $" {Title(en)} and {Pick(_enTerms)}." : ""),
                _random.Next(4) == 0 ? $"https://example.org/{number}/{i}" : null,
                _random.Next(3) == 0 ? $"作者{_random.Next(1, 500)}等" : null,
                null,
                Date(month));
            var entry = issue.AddEntry($"syn-{number}-{i + 1}", content);
            entry.SetOrganisations(Enumerable.Range(0, _random.Next(0, 4)).Select(_ => organisations[_random.Next(organisations.Count)]).Distinct().ToList());
            // Most entries 1-3 topics and 0-2 places; one in twenty with the portal's suggestions not yet confirmed.
            var topicCount = _random.Next(20) switch { 0 => 0, < 8 => 1, < 16 => 2, < 19 => 3, _ => 4 };
            var placeCount = _random.Next(20) switch { < 5 => 0, < 16 => 1, _ => 2 };
            entry.SetTags(new EntryTags(Draw(_topics, topicCount), Draw(_places, placeCount)), suggested: _random.Next(20) == 0);
        }
        return issue;
    }

    private PartialDate? Date(DateOnly issueMonth)
    {
        var month = issueMonth.AddMonths(-_random.Next(0, 3));
        var day = _random.Next(1, DateTime.DaysInMonth(month.Year, month.Month) + 1);
        return _random.Next(10) switch
        {
            0 => null,
            1 => new PartialDate(month.Year, null, null, $"{month.Year}年"),
            < 6 => new PartialDate(month.Year, month.Month, null, $"{month.Month}月"),
            _ => new PartialDate(month.Year, month.Month, day, $"{month.Month}月{day}日"),
        };
    }

    private string Sentence() =>
        $"该{Pick(_zhKinds)}围绕{Term()}和{Term()}，提出{Pick(_zhVerbs)}{Term()}的路径，并分析了{Term()}{Filler()}的成效。";

    /// <summary>A subject term one time in eight, otherwise a filler word.</summary>
    private string Term() => _random.Next(8) == 0 ? Pick(_zhTerms) : Filler();

    private string Filler()
    {
        var chars = new char[_random.Next(2, 5)];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = CommonCharacters[_random.Next(CommonCharacters.Length)];
        }
        return new string(chars);
    }

    private string Pick(string[] words) => words[_random.Next(words.Length)];

    /// <summary>Up to <paramref name="count"/> different keys, each drawn by its weight.</summary>
    private List<string> Draw((string Key, int Weight)[] weighted, int count)
    {
        var total = weighted.Sum(w => w.Weight);
        var keys = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var at = _random.Next(total);
            foreach (var (key, weight) in weighted)
            {
                if ((at -= weight) < 0)
                {
                    if (!keys.Contains(key))
                    {
                        keys.Add(key);
                    }
                    break;
                }
            }
        }
        return keys;
    }

    private static string Title(string words) => string.Join(' ', words.Split(' ').Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
}
