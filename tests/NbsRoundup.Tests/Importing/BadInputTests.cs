using System.Text;
using NbsRoundup.Importing;

namespace NbsRoundup.Tests.Importing;

/// <summary>Every kind of bad file gets a message naming the file, the line and the problem.</summary>
public class BadInputTests
{
    private static Diagnostic SingleError(ParseResult result)
    {
        Assert.Null(result.Document);
        return Assert.Single(result.Diagnostics, d => d.Severity == Severity.Error);
    }

    private static Diagnostic ErrorIn(string text) => SingleError(NewsletterParser.Parse(text, "bad.md"));

    [Fact]
    public void The_good_sample_parses()
    {
        var result = NewsletterParser.Parse(Newsletters.With(Newsletters.OneEntry), "good.md");
        Assert.Empty(result.Diagnostics);
        var entry = Assert.Single(result.Document!.Entries);
        Assert.Equal("2021-12", entry.Content.Date!.Iso); // December in a January issue
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n\t\n")]
    public void An_empty_file_is_refused(string text)
    {
        var error = ErrorIn(text);
        Assert.Equal("bad.md", error.File);
        Assert.Equal(1, error.Line);
        Assert.Contains("empty", error.Message);
    }

    [Fact]
    public void A_file_without_front_matter_is_refused()
    {
        var error = ErrorIn(Newsletters.OneEntry);
        Assert.Equal(1, error.Line);
        Assert.Contains("front matter", error.Message);
    }

    [Fact]
    public void Broken_yaml_names_its_line()
    {
        var error = ErrorIn("---\nslug: 2022-01\ntitle: [unclosed\nyear: 2022\n---\n# 标准和指南\n");
        Assert.InRange(error.Line, 3, 5);
        Assert.Contains("YAML", error.Message);
    }

    [Fact]
    public void An_unknown_front_matter_key_is_named()
    {
        var error = ErrorIn("---\nslug: 2022-01\ntitle: T\nyear: 2022\nmonth: 1\nissue_no: 4\n---\n");
        Assert.Equal(6, error.Line);
        Assert.Contains("unknown front matter key 'issue_no'", error.Message);
    }

    [Fact]
    public void Front_matter_without_a_year_is_refused()
    {
        var error = ErrorIn("---\nslug: 2022-01\ntitle: T\nmonth: 1\n---\n");
        Assert.Contains("'year'", error.Message);
    }

    [Fact]
    public void An_unknown_section_lists_the_sections()
    {
        var error = ErrorIn(Newsletters.With("# 新闻\n\n### 标题\n\n正文\n"));
        Assert.Equal(8, error.Line);
        Assert.Contains("unknown section '新闻'", error.Message);
        Assert.Contains("标准和指南 (standards)", error.Message);
    }

    [Fact]
    public void An_entry_without_a_title_is_refused()
    {
        var error = ErrorIn(Newsletters.With("# 标准和指南\n\n###\nslug: x-y\n\n正文\n"));
        Assert.Equal(10, error.Line);
        Assert.Contains("no title", error.Message);
    }

    [Fact]
    public void A_duplicate_entry_names_both_lines()
    {
        var body = "# 研究和观点\n\n### 第一\nslug: same-slug\n\n甲\n\n### 第二\nslug: same-slug\n\n乙\n";
        var error = ErrorIn(Newsletters.With(body));
        Assert.Equal(15, error.Line);
        Assert.Contains("duplicate entry", error.Message);
        Assert.Contains("line 10", error.Message);
    }

    [Fact]
    public void An_unreadable_date_is_refused_at_its_line()
    {
        var error = ErrorIn(Newsletters.With("# 标准和指南\n\n### 标题\ndate: 下个月\n\n正文\n"));
        Assert.Equal(11, error.Line);
        Assert.Contains("cannot read the date '下个月'", error.Message);
    }

    [Fact]
    public void An_unknown_metadata_key_is_named()
    {
        var error = ErrorIn(Newsletters.With("# 标准和指南\n\n### 标题\ndate: 10月\nauthour: 张三\n\n正文\n"));
        Assert.Equal(12, error.Line);
        Assert.Contains("unknown metadata key 'authour'", error.Message);
    }

    [Fact]
    public void An_entry_before_any_section_is_refused()
    {
        var error = ErrorIn(Newsletters.With("### 标题\n\n正文\n"));
        Assert.Equal(8, error.Line);
        Assert.Contains("before any section", error.Message);
    }

    [Fact]
    public void A_link_that_is_not_http_is_refused()
    {
        var error = ErrorIn(Newsletters.With("# 标准和指南\n\n### 标题\nlink: javascript:alert(1)\n\n正文\n"));
        Assert.Equal(11, error.Line);
        Assert.Contains("not an http or https address", error.Message);
    }

    [Fact]
    public void Bytes_that_are_not_utf8_are_refused_with_their_line()
    {
        var bytes = Encoding.UTF8.GetBytes(Newsletters.With("# 标准和指南\n\n### 标题\n\n")).Concat(new byte[] { 0xC3, 0x28, 0x0A }).ToArray();
        var error = SingleError(NewsletterParser.Parse(bytes, "latin1.md"));
        Assert.Equal("latin1.md", error.File);
        Assert.Equal(12, error.Line);
        Assert.Contains("not valid UTF-8", error.Message);
    }

    [Fact]
    public void Gbk_encoded_chinese_is_refused()
    {
        // "湿地" in GBK: bytes that are not UTF-8.
        var bytes = Encoding.UTF8.GetBytes(Newsletters.FrontMatter).Concat(new byte[] { 0xCA, 0xAA, 0xB5, 0xD8 }).ToArray();
        Assert.Contains("not valid UTF-8", SingleError(NewsletterParser.Parse(bytes, "gbk.md")).Message);
    }

    [Fact]
    public void A_file_over_one_megabyte_is_refused()
    {
        var bytes = Encoding.UTF8.GetBytes(Newsletters.With(new string('a', 1024 * 1024)));
        var error = SingleError(NewsletterParser.Parse(bytes, "big.md"));
        Assert.Contains("at most 1,048,576 bytes", error.Message);
    }

    [Fact]
    public void Control_characters_are_refused_with_line_and_column()
    {
        var error = ErrorIn(Newsletters.With("# 标准和指南\n\n### 标\0题\n"));
        Assert.Equal(10, error.Line);
        Assert.Contains("U+0000 at column 6", error.Message);
    }

    [Fact]
    public void Text_under_a_sub_heading_must_belong_to_an_entry()
    {
        var error = ErrorIn(Newsletters.With("# 政策动态\n\n## 国际\n\n孤立的段落\n"));
        Assert.Equal(12, error.Line);
        Assert.Contains("belongs to no entry", error.Message);
    }

    [Fact]
    public void Metadata_running_into_the_summary_is_explained()
    {
        var error = ErrorIn(Newsletters.With("# 标准和指南\n\n### 标题\ndate: 10月\n这是摘要\n"));
        Assert.Equal(12, error.Line);
        Assert.Contains("leave a blank line", error.Message);
    }

    [Fact]
    public void An_unclosed_code_fence_is_refused()
    {
        var error = ErrorIn(Newsletters.With("# 标准和指南\n\n### 标题\n\n```\ncode\n\n### 另一条\n"));
        Assert.Equal(12, error.Line);
        Assert.Contains("never closed", error.Message);
    }

    [Fact]
    public void Every_error_is_reported_not_just_the_first()
    {
        var body = "# 新闻\n\n# 标准和指南\n\n### 标题\ndate: 13月\n\n###\n";
        var result = NewsletterParser.Parse(Newsletters.With(body), "bad.md");
        Assert.Equal(3, result.Diagnostics.Count(d => d.Severity == Severity.Error));
    }

    [Fact]
    public void Diagnostics_print_as_file_line_and_message()
    {
        var error = ErrorIn(Newsletters.With("# 新闻\n"));
        Assert.StartsWith("bad.md:8: error: unknown section", error.ToString());
    }
}
