using System.Diagnostics;
using System.Net;
using System.Text;
using NbsRoundup.Testing;

namespace NbsRoundup.Web.Tests.Areas.Admin;

/// <summary>
/// Markdown that Markdig renders slowly or refuses (runs of unclosed links or emphasis, deep
/// nesting) and text no newsletter file can hold are refused in the forms and the upload with a
/// message naming the field or the line, quickly, and never with a 500.
/// </summary>
public sealed class MarkdownBoundsTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Entry = "/admin/entries/corporate-net-zero-standard/edit";

    private static string Repeat(string text, int times) => string.Concat(Enumerable.Repeat(text, times));

    private async Task<(HttpResponseMessage Response, AngleSharp.Html.Dom.IHtmlDocument Page, TimeSpan Took)> SubmitAsync(
        string url, Dictionary<string, string?> values, string? handler = null)
    {
        using var editor = await Editors.SignInAsync(portal);
        var form = await Forms.GetAsync(editor, url);
        var clock = Stopwatch.StartNew();
        var response = await Forms.SubmitAsync(editor, form, values, handler);
        var took = clock.Elapsed;
        return (response, await Forms.ReadAsync(response), took);
    }

    public static TheoryData<string, string, string> RefusedSummaries => new()
    {
        // What the field says, in the interface's language (zh-CN): the line and the limit.
        { "emphasis runs", Repeat("*a_", 30_000), "第 1 行" },
        { "nested quotes", Repeat(">", 200) + " 太深", "第 1 行" },
        { "unclosed links after a paragraph", "第一段。\n\n" + Repeat("[a](", 24_000), "第 3 行" },
    };

    [Theory]
    [MemberData(nameof(RefusedSummaries))]
    public async Task A_summary_past_the_bounds_is_refused_at_its_field_naming_the_line(string what, string summary, string line)
    {
        var (response, page, took) = await SubmitAsync(Entry, new() { ["Input.Summary"] = summary });

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{what}: answered {(int)response.StatusCode}");
        Assert.Contains(line, Forms.Message(page, "Input.Summary"));
        Assert.True(took < TimeSpan.FromSeconds(5), $"{what}: took {took.TotalSeconds:F1} s");
    }

    [Fact]
    public async Task Previewing_a_summary_past_the_bounds_says_why_instead_of_failing()
    {
        var (response, page, _) = await SubmitAsync(Entry, new() { ["Input.Summary"] = Repeat("*a_", 30_000) }, handler: "Preview");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("第 1 行", Forms.Message(page, "Input.Summary"));
    }

    [Fact]
    public async Task An_issue_introduction_nested_too_deeply_is_refused_at_its_field()
    {
        var (response, page, _) = await SubmitAsync("/admin/issues/2021-11/edit", new() { ["Input.Introduction"] = "导言\n\n" + Repeat("> ", 200) + "太深" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("第 3 行", Forms.Message(page, "Input.Introduction"));
    }

    [Theory]
    [InlineData("Input.Title", "标题\uFFFE")]
    [InlineData("Input.Title", "标题\uFFFF")]
    [InlineData("Input.Authors", "张三\uFDD0")]
    [InlineData("Input.Summary", "摘要\uFFFE")]
    public async Task A_field_with_a_noncharacter_is_refused_with_a_message(string field, string value)
    {
        var (response, page, _) = await SubmitAsync(Entry, new() { [field] = value });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual("", Forms.Message(page, field));
    }

    [Fact]
    public async Task An_upload_names_the_real_line_of_each_summary_past_the_bounds()
    {
        var vol3 = ContentFiles.Text(ContentFiles.Vol3);
        var at = vol3.IndexOf("该标准指出", StringComparison.Ordinal);
        var line = vol3[..at].Count(c => c == '\n') + 1;
        var file = vol3[..at] + Repeat("[a](", 40_000) + "\n\n" + Repeat(">", 200) + " 太深\n\n" + vol3[at..];
        using var editor = await Editors.SignInAsync(portal);

        // Before the bounds this preview took 7 s and said nothing; no wall-clock assertion here (a shared
        // machine is noisy): the problems named at their lines are what shows Markdig was not left to it.
        var response = await Uploading.PreviewAsync(editor, "slow.md", Encoding.UTF8.GetBytes(file));

        var errors = (await Forms.ReadAsync(response)).QuerySelectorAll(".diagnostics li.error").Select(li => li.TextContent).ToList();
        Assert.Contains(errors, e => e.Contains($"第 {line} 行", StringComparison.Ordinal) && e.Contains("方括号", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains($"第 {line + 2} 行", StringComparison.Ordinal) && e.Contains("嵌套", StringComparison.Ordinal));
    }
}
