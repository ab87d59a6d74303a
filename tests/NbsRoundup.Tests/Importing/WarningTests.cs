using System.Text;
using NbsRoundup.Importing;

namespace NbsRoundup.Tests.Importing;

/// <summary>Warnings are listed but do not stop an import; some oddities are simply accepted.</summary>
public class WarningTests
{
    [Fact]
    public void A_link_written_as_hash_is_awaited_without_a_warning_and_gives_no_link()
    {
        var result = NewsletterParser.Parse(Newsletters.With("# 标准和指南\n\n### 标题\nlink: #\n\n正文\n"), "w.md");

        Assert.Empty(result.Diagnostics);
        var content = Assert.Single(result.Document!.Entries).Content;
        Assert.Null(content.Link);
        Assert.True(content.AwaitsLink);
        Assert.Equal("#", content.WrittenLink);
    }

    [Fact]
    public void A_title_written_as_a_link_to_hash_awaits_its_link_too()
    {
        var result = NewsletterParser.Parse(Newsletters.With("# 标准和指南\n\n### [《指南》](#)\n\n正文\n"), "w.md");

        var content = Assert.Single(result.Document!.Entries).Content;
        Assert.Equal(("《指南》", null, true), (content.Title, content.Link, content.AwaitsLink));
    }

    [Fact]
    public void An_empty_link_is_a_warning_and_no_link()
    {
        var result = NewsletterParser.Parse(Newsletters.With("# 标准和指南\n\n### 标题\nlink:\n\n正文\n"), "w.md");

        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal((Severity.Warning, 11), (warning.Severity, warning.Line));
        Assert.Contains("link: #", warning.Message);
        var content = Assert.Single(result.Document!.Entries).Content;
        Assert.Equal((null, false), (content.Link, content.AwaitsLink));
    }

    [Fact]
    public void An_impossible_date_is_a_warning_and_the_entry_is_kept()
    {
        var result = NewsletterParser.Parse(Newsletters.With("# 政策动态\n\n### 标题\ndate: 2021年9月31日\n\n正文\n"), "w.md");

        Assert.False(result.HasErrors);
        Assert.Equal("2021-09", Assert.Single(result.Document!.Entries).Content.Date!.Iso);
        Assert.Contains("not a real date", Assert.Single(result.Diagnostics).Message);
    }

    [Fact]
    public void A_title_written_as_a_link_gives_the_entry_its_link()
    {
        var result = NewsletterParser.Parse(Newsletters.With("# 标准和指南\n\n### [《指南》](https://example.org/guide)\n\n正文\n"), "w.md");
        var entry = Assert.Single(result.Document!.Entries);
        Assert.Equal("《指南》", entry.Content.Title);
        Assert.Equal("https://example.org/guide", entry.Content.Link);
    }

    [Fact]
    public void A_bom_and_crlf_line_endings_parse_like_plain_lf()
    {
        var plain = NewsletterParser.Parse(Newsletters.With(Newsletters.OneEntry), "lf.md").Document!;
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Newsletters.With(Newsletters.OneEntry).Replace("\n", "\r\n"))).ToArray();
        var windows = NewsletterParser.Parse(bytes, "crlf.md").Document!;

        Assert.Equal(plain.Slug, windows.Slug);
        Assert.Equal(plain.Entries.Single().Content, windows.Entries.Single().Content);
    }

    [Fact]
    public void Chinese_metadata_keys_and_full_width_colons_are_accepted()
    {
        var result = NewsletterParser.Parse(Newsletters.With("# 研究和观点\n\n### 论文\n标识：a-paper\n作者：曾楠等\n日期：8 月 26 日\n\n摘要\n"), "zh.md");
        var entry = Assert.Single(result.Document!.Entries);
        Assert.Equal(("a-paper", "曾楠等", "2021-08-26"), (entry.Slug, entry.Content.Authors, entry.Content.Date!.Iso));
    }

    [Fact]
    public void An_entry_without_a_slug_gets_one_from_its_original_title()
    {
        var result = NewsletterParser.Parse(Newsletters.With("# 标准和指南\n\n### 《指南》\noriginal: Corporate Net-zero Standard\n\n正文\n"), "w.md");
        Assert.Equal("corporate-net-zero-standard", Assert.Single(result.Document!.Entries).Slug);
    }

    [Fact]
    public void The_summary_keeps_the_editors_markdown()
    {
        var result = NewsletterParser.Parse(Newsletters.With("# 标准和指南\n\n### 标题\n\n第一段 **重点**。\n\n- 甲\n- 乙\n"), "w.md");
        Assert.Equal("第一段 **重点**。\n\n- 甲\n- 乙", Assert.Single(result.Document!.Entries).Content.Summary);
    }
}
