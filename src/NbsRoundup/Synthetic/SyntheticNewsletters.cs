using System.Globalization;
using System.Text;

namespace NbsRoundup.Synthetic;

/// <summary>
/// Newsletter Markdown files in the format of content/README.md, for import benchmarks and
/// crash tests: each file one issue of about <c>entriesPerFile</c> entries across the sections,
/// naming organisations from a shared pool (defined in the front matter of every file) with the
/// names a synthetic catalogue gives them (<see cref="SyntheticCatalogue.OrganisationNames"/>).
/// </summary>
public static class SyntheticNewsletters
{
    private static readonly string[] _sections = ["标准和指南", "研究和观点", "NbS 在 UNFCCC COP26", "NbS 在 CBD COP15", "政策动态", "行业交流与合作动态", "会议与活动"];
    private static readonly string[] _words = ["湿地", "红树林", "碳汇", "森林", "生物多样性", "生态修复", "气候变化", "流域", "城市", "海洋", "草原", "泥炭地", "珊瑚礁", "毁林"];

    public static string Issue(int number, int entriesPerFile, int seed = 7)
    {
        var random = new Random(seed + number);
        var year = 2000 + (number / 12 % 25);
        var month = (number % 12) + 1;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"---\nslug: syn-{number}\ntitle: 合成通讯 第{number}期\nyear: {year}\nmonth: {month}\nvolume: {month}\nnumber: {number}\norganisations:\n");
        var organisations = Enumerable.Range(0, 5).Select(_ => random.Next(1, 301)).Distinct().ToList();
        foreach (var o in organisations)
        {
            var (slug, name, shortName, alias) = SyntheticCatalogue.OrganisationNames(o);
            sb.Append(CultureInfo.InvariantCulture, $"  - slug: {slug}\n    name: \"{name}\"\n{(shortName is null ? "" : $"    short: {shortName}\n")}    aliases: [\"{alias}\"]\n");
        }
        sb.Append("---\n\n本期是合成数据，用于导入基准测试。\n");
        var perSection = (int)Math.Ceiling(entriesPerFile / (double)_sections.Length);
        var written = 0;
        foreach (var section in _sections)
        {
            sb.Append(CultureInfo.InvariantCulture, $"\n# {section}\n");
            for (var i = 0; i < perSection && written < entriesPerFile; i++, written++)
            {
                var word = _words[random.Next(_words.Length)];
                sb.Append(CultureInfo.InvariantCulture, $"\n### 《{word}与{_words[random.Next(_words.Length)]}报告 {number}-{written}》\n");
                sb.Append(CultureInfo.InvariantCulture, $"slug: syn-{number}-{written}\n");
                sb.Append(CultureInfo.InvariantCulture, $"original: Synthetic Report {number}-{written} on {word}\n");
                sb.Append(CultureInfo.InvariantCulture, $"organisations: {SyntheticCatalogue.OrganisationNames(organisations[random.Next(organisations.Count)]).Name}\n");
                sb.Append(CultureInfo.InvariantCulture, $"date: {month}月{random.Next(1, 28)}日\n\n");
                sb.Append(CultureInfo.InvariantCulture, $"该报告围绕{word}和{_words[random.Next(_words.Length)]}，提出了保护与修复的路径，并分析了成效。第{written}条。\n");
            }
        }
        return sb.ToString();
    }

    /// <summary>Writes <paramref name="files"/> files into a folder; returns the number of entries written.</summary>
    public static int WriteFolder(string folder, int files, int entriesPerFile)
    {
        Directory.CreateDirectory(folder);
        for (var n = 1; n <= files; n++)
        {
            File.WriteAllText(Path.Combine(folder, $"syn-{n:D5}.md"), Issue(n, entriesPerFile));
        }
        return files * entriesPerFile;
    }
}
