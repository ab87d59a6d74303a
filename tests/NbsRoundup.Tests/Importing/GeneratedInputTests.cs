using CsCheck;
using NbsRoundup.Importing;
using NbsRoundup.Tests.Data;

namespace NbsRoundup.Tests.Importing;

/// <summary>
/// Property tests: for any generated text the parser and importer either import or report
/// diagnostics — they never throw anything else, never hang, and never write half a file.
/// </summary>
public class GeneratedInputTests
{
    private static readonly string[] _fragments =
    [
        "---", "slug: 2021-11", "slug: gen-issue", "title: 测试", "year: 2021", "month: 11", "month: 13", "year: x", "organisations:",
        "  - name: The Nature Conservancy", "    short: TNC", "    aliases: [大自然保护协会]", "volume: 3",
        "# 标准和指南", "# 研究和观点", "# 政策动态", "# 天气", "## 国际", "## ", "### 《标题》", "###", "### [链接](https://example.org)",
        "slug: gen-a", "slug: gen-b", "slug: Bad Slug", "date: 10月", "date: 9月31日", "date: 2021-02-29", "date: 下月", "date: 2021年9月21日",
        "link: #", "link: https://example.org/x", "link: javascript:alert(1)", "organisations: TNC; 未知机构", "organisations: ；；",
        "original: Corporate Net-zero Standard", "authors: 曾楠等", "speaker: 某人", "unknown: value", "草稿: yes",
        "```", "~~~", "> 引用", "- 列表", "1. 一", "<script>alert(1)</script>", "[x](javascript:alert(1))", "湿地是碳汇。", "| a | b |",
        "\t", "    缩进", "\\", "\u00A0", "\uFEFF", "\u0007", "\u200B", "𠀀", "：", "key：值",
    ];

    private static readonly Gen<string> _line = Gen.Frequency(
        (8, Gen.OneOf(_fragments)),
        (2, Gen.String[0, 40]),
        (1, Gen.String["#>-*`:：[]()!湿地红树林 \t"].Select(s => s)));

    private static readonly Gen<string> _text = Gen.Select(
        Gen.Bool, _line.List[0, 40], Gen.OneOf("\n", "\r\n", "\r"),
        (frontMatter, lines, newline) => (frontMatter ? "---\nslug: gen-issue\ntitle: 生成\nyear: 2021\nmonth: 11\n---\n" : "") + string.Join(newline, lines));

    [Fact]
    public void Parsing_any_text_returns_a_document_or_errors_and_never_throws()
    {
        _text.Sample(text =>
        {
            var parse = Task.Run(() => NewsletterParser.Parse(text, "gen.md"));
            Assert.True(parse.Wait(TimeSpan.FromSeconds(10)), "the parser hung");
            var result = parse.Result;
            Assert.Equal(result.Document is null, result.HasErrors);
            Assert.All(result.Diagnostics, d => Assert.True(d.Line >= 1 && d.File == "gen.md"));
        }, iter: 20_000);
    }

    [Fact]
    public void Any_bytes_are_read_or_refused_without_an_exception()
    {
        Gen.Byte.Array[0, 400].Sample(bytes =>
        {
            var result = NewsletterParser.Parse(bytes, "bytes.md");
            Assert.Equal(result.Document is null, result.HasErrors);
        }, iter: 20_000);
    }

    [Fact]
    public async Task Importing_any_parsed_text_writes_all_of_it_or_nothing()
    {
        using var database = TestDatabase.Create();
        var samples = 0;
        await _text.SampleAsync(async text =>
        {
            var parsed = NewsletterParser.Parse(text, "gen.md");
            if (parsed.Document is null)
            {
                return;
            }
            samples++;
            var before = database.Dump();
            await using var db = database.Open();
            var plan = await new CatalogueImporter(db).ImportAsync(parsed.Document, dryRun: false);
            if (plan.HasErrors || !plan.Applied)
            {
                Assert.Equal(before, database.Dump());
                return;
            }
            await using var check = database.Open();
            var slugs = check.Entries.Where(e => e.Issue.Slug == parsed.Document.Slug).Select(e => e.Slug).ToHashSet();
            Assert.All(parsed.Document.Entries, e => Assert.Contains(e.Slug, slugs));
        }, iter: 400, threads: 1);
        Assert.True(samples > 20, $"only {samples} generated files parsed; the generator needs more valid structure");
    }
}
