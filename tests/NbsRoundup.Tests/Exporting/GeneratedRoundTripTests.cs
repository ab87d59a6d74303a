using System.Globalization;
using System.Text;
using CsCheck;
using NbsRoundup.Exporting;
using NbsRoundup.Importing;
using NbsRoundup.Tests.Data;

namespace NbsRoundup.Tests.Exporting;

/// <summary>
/// Property test: for generated issues (titles and summaries with Markdown's special characters,
/// sub-headings, organisations by any of their names, dates of every precision, drafts, topics and
/// places by any of their names or none at all) the
/// Markdown export imported into an empty catalogue gives the same catalogue, and exporting that
/// again gives the same bytes: export → import → export is a fixed point.
/// </summary>
public sealed class GeneratedRoundTripTests : IDisposable
{
    private readonly TestDatabase _first = TestDatabase.Create();
    private readonly TestDatabase _second = TestDatabase.Create();

    public void Dispose()
    {
        _first.Dispose();
        _second.Dispose();
    }

    private static readonly string[] _sections = ["standards", "research", "cop26", "cop15", "policy", "cooperation", "events"];

    private static readonly Gen<string> _word = Gen.OneOf(
        "湿地", "红树林", "泥炭地", "Nature", "net-zero", "*强调*", "**粗体**", "a_b", "_下划线_", "[方括号]", "&amp;", "#", "\\", "`代码`",
        "<b>", "《标准》", "50%", "C++", "(TNC)", "：", "1.", "-", "+", "~", "|", "!", "'引号'", "\"quote\"", "2021年");

    private static readonly Gen<string> _text = _word.Array[1, 6].Select(words => string.Join(' ', words));

    private static readonly Gen<string?> _date = Gen.OneOf<string?>(null, "2021", "2021-09", "2021-09-21", "10月", "9月21日", "2021年9月21日", "8 月 25 日", "9月31日");

    private static readonly Gen<string?> _organisations = Gen.OneOf<string?>(null, "TNC", "大自然保护协会", "The Nature Conservancy; WRI", "世界资源研究所；TNC", "湿地国际");

    // Topics and places by key, code or name in either language; none at all gives suggested tags.
    private static readonly Gen<string?> _topics = Gen.OneOf<string?>(null, "wetlands", "湿地; Finance", "金融；climate change; 森林", "coasts");

    private static readonly Gen<string?> _places = Gen.OneOf<string?>(null, "BZ", "伯利兹; global", "Latin America；CN", "全球");

    private sealed record GeneratedEntry(int Section, string? Subheading, string Title, string? Original, string? Organisations, string? Authors,
        string? Date, bool Draft, string Summary)
    {
        public string? Topics { get; init; }

        public string? Places { get; init; }
    }

    private static readonly Gen<GeneratedEntry> _entry = Gen.Select(
        Gen.Int[0, 6], Gen.OneOf<string?>(null, "国际", "国内", "多方观点"), _text, Gen.OneOf<string?>(null, "Corporate Net-zero Standard", "A *starred* title"),
        _organisations, Gen.OneOf<string?>(null, "曾楠等", "Pettorelli et al."), _date,
        Gen.Select(Gen.Int[0, 9], _text.Array[0, 3], Gen.Bool, (draft, paragraphs, list) => (Draft: draft == 0, Summary: string.Join("\n\n", paragraphs.Select(p => "正文 " + p)) + (list ? "\n\n- 一\n- 二" : ""))),
        (section, sub, title, original, organisations, authors, date, rest) => new GeneratedEntry(section, sub, title, original, organisations, authors, date, rest.Draft, rest.Summary))
        .SelectMany(e => Gen.Select(_topics, _places, (topics, places) => e with { Topics = topics, Places = places }));

    private static string Newsletter(int number, IReadOnlyList<GeneratedEntry> entries, bool draft, string introduction)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"---\nslug: gen-{number}\ntitle: 生成的通讯 {number}\nyear: 2021\nmonth: 11\n");
        sb.Append(draft ? "draft: true\n" : "");
        // Only organisations the entries name: an export names those its entries link to, so one
        // defined and never used would not come back (content/README.md, "Exporting").
        var named = string.Join(";", entries.Select(e => e.Organisations));
        var tnc = named.Contains("TNC", StringComparison.Ordinal) || named.Contains("大自然保护协会", StringComparison.Ordinal) || named.Contains("Nature Conservancy", StringComparison.Ordinal);
        var wri = named.Contains("WRI", StringComparison.Ordinal) || named.Contains("世界资源研究所", StringComparison.Ordinal);
        sb.Append(tnc || wri ? "organisations:\n" : "");
        sb.Append(tnc ? "  - slug: tnc\n    name: The Nature Conservancy\n    short: TNC\n    aliases: [大自然保护协会]\n" : "");
        sb.Append(wri ? "  - slug: wri\n    name: World Resources Institute\n    short: WRI\n    aliases: [世界资源研究所]\n" : "");
        sb.Append("---\n\n");
        // A paragraph of its own starting with "#" would be a section heading: summaries and introductions start with a word.
        sb.Append("导言 ").Append(introduction).Append("\n\n");
        var index = 0;
        // Entries with a sub-heading after those without: a file cannot say "no sub-heading" after one.
        foreach (var group in entries.GroupBy(e => e.Section).OrderBy(g => g.Key))
        {
            sb.Append("# ").Append(_sections[group.Key]).Append("\n\n");
            string? subheading = null;
            foreach (var e in group.OrderBy(e => e.Subheading is not null).ThenBy(e => e.Subheading, StringComparer.Ordinal))
            {
                if (e.Subheading != subheading)
                {
                    sb.Append("## ").Append(e.Subheading).Append("\n\n");
                    subheading = e.Subheading;
                }
                sb.Append("### ").Append(e.Title).Append('\n');
                sb.Append(CultureInfo.InvariantCulture, $"slug: gen-{number}-{index++}\n");
                Line(sb, "original", e.Original);
                Line(sb, "organisations", e.Organisations);
                Line(sb, "authors", e.Authors);
                Line(sb, "date", e.Date);
                Line(sb, "topics", e.Topics);
                Line(sb, "places", e.Places);
                Line(sb, "draft", e.Draft ? "yes" : null);
                sb.Append('\n').Append(e.Summary).Append("\n\n");
            }
        }
        return sb.ToString();

        static void Line(StringBuilder sb, string key, string? value)
        {
            if (value is not null)
            {
                sb.Append(key).Append(": ").Append(value).Append('\n');
            }
        }
    }

    [Fact]
    public async Task Export_import_export_of_generated_issues_is_a_fixed_point()
    {
        var number = 0;
        var imported = 0;
        var refused = new List<string>();
        await Gen.Select(_entry.List[1, 8], Gen.Bool, _text).SampleAsync(async sample =>
        {
            var (entries, draft, introduction) = sample;
            var text = Newsletter(Interlocked.Increment(ref number), entries, draft, introduction);
            var parsed = NewsletterParser.Parse(text, "gen.md");
            if (parsed.Document is null)
            {
                refused.Add(string.Join("; ", parsed.Diagnostics.Where(d => d.Severity == Severity.Error)));
                return;
            }
            imported++;
            await using (var db = _first.Open())
            {
                Assert.True((await new CatalogueImporter(db).ImportAsync(parsed.Document, dryRun: false)).Applied);
            }
            string exported;
            await using (var db = _first.Open())
            {
                exported = (await MarkdownExporter.ExportAsync(db, parsed.Document.Slug))!;
            }
            var reparsed = NewsletterParser.Parse(exported, "export.md");
            Assert.True(reparsed.Document is not null, string.Join("\n", reparsed.Diagnostics) + "\n--- export:\n" + exported + "\n--- from:\n" + text);
            await using (var db = _second.Open())
            {
                Assert.True((await new CatalogueImporter(db).ImportAsync(reparsed.Document, dryRun: false)).Applied);
            }
            await using var first = _first.Open();
            await using var second = _second.Open();
            var again = (await MarkdownExporter.ExportAsync(second, parsed.Document.Slug))!;
            Assert.True(exported == again, "the export changed on the way round:\n" + exported + "\n--- became:\n" + again);
            Assert.Equal(await CatalogueText.OfAsync(first), await CatalogueText.OfAsync(second));
        }, iter: 40, threads: 1);

        // Not vacuous: most generated files are valid newsletters.
        Assert.True(imported >= 30, $"only {imported} of 40 generated issues imported: {string.Join(" | ", refused.Take(5))}");
    }
}
