using System.Text;
using NbsRoundup.Importing;

namespace NbsRoundup.Web.Tests.Localization;

/// <summary>Every problem the importer finds reads in the interface's language: its template has a Chinese translation.</summary>
public sealed class DiagnosticLanguageTests
{
    private static readonly HashSet<string> _translated = File.ReadAllLines(Path.Combine(
            AppContext.BaseDirectory, "..", "..", "..", "..", "..", "src", "NbsRoundup.Web", "Resources", "strings.zh-CN.tsv"))
        .Where(l => l.Length > 0 && !l.StartsWith('#'))
        .Select(l => l.Split('\t')[0])
        .ToHashSet();

    // Problems the bad files of the importer's tests do not raise.
    private static readonly string[] _more =
    [
        "---\nslug: Bad Slug\ntitle: t\nyear: 1800\nmonth: 13\ncolour: red\n---\n",
        "---\nslug: a\n---\n",
        "---\nslug: x\ntitle: t\nyear: 2021\nmonth: 11\norganisations:\n  - short: X\n  - slug: Bad Slug\n    name: y\n  - slug: a\n    name: A\n    aliases: [同名]\n  - slug: b\n    name: B\n    aliases: [同名]\n---\n",
        Newsletters("## 孤立的小标题\n\n# 标准和指南\n\n## \n\n### 甲\nslug: Bad Slug\ndraft: maybe\nlink: ftp://example.org\nlink: #\n\n### 乙\nslug: b\ndate: 2021-13\nauthors: " + new string('x', 501) + "\n\n### 丙\nslug: c\ndate: 0999\nlink:\n\n# 标准和指南\n"),
    ];

    private static string Newsletters(string body) => "---\nslug: x\ntitle: t\nyear: 2021\nmonth: 11\n---\n\n" + body;

    [Fact]
    public void Every_problem_of_a_bad_newsletter_file_has_a_Chinese_translation()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Malformed");
        var diagnostics = Directory.EnumerateFiles(folder, "*.md")
            .SelectMany(f => NewsletterParser.Parse(File.ReadAllBytes(f), Path.GetFileName(f)).Diagnostics)
            .Concat(_more.SelectMany(text => NewsletterParser.Parse(Encoding.UTF8.GetBytes(text), "more.md").Diagnostics))
            .ToList();

        Assert.True(diagnostics.Select(d => d.Template).Distinct().Count() >= 25, "the bad files raise too few kinds of problem to say much");
        Assert.Empty(diagnostics.Select(d => d.Template).Where(t => !_translated.Contains(t)).Distinct());
    }

    [Fact]
    public void A_problem_keeps_its_template_and_arguments_beside_its_English_message()
    {
        var diagnostic = Assert.Single(NewsletterParser.Parse(Newsletters("# 天气\n"), "x.md").Diagnostics);

        Assert.Equal("unknown section '{0}'; the sections are {1}", diagnostic.Template);
        Assert.Equal("天气", diagnostic.Arguments[0]);
        Assert.StartsWith("unknown section '天气'; the sections are 标准和指南 (standards), ", diagnostic.Message);
    }
}
