using System.Diagnostics;
using NbsRoundup.Importing;
using NbsRoundup.Rendering;
using NbsRoundup.Testing;

namespace NbsRoundup.Tests.Rendering;

/// <summary>
/// Markdig renders some texts in time that grows with the square of their length; the renderer
/// refuses them by their shape, quickly, naming the line, and stops anything else at its budget.
/// </summary>
public sealed class MarkdownBoundsTests
{
    private static string Repeat(string text, int times) => string.Concat(Enumerable.Repeat(text, times));

    private static (MarkdownProblem Problem, TimeSpan Took) Refused(string markdown, TimeSpan? budget = null)
    {
        var clock = Stopwatch.StartNew();
        var ex = Assert.Throws<MarkdownTooComplexException>(() => MarkdownRenderer.Render(markdown, budget ?? MarkdownRenderer.Budget));
        return (ex.Problem, clock.Elapsed);
    }

    public static TheoryData<string, string, MarkdownLimit, int> Shapes => new()
    {
        { "unclosed links (21 s before)", "导言。\n\n" + Repeat("[a](", 40_000)[..(MarkdownLimits.MaxLength - 10)], MarkdownLimit.Brackets, 3 },
        { "emphasis runs", Repeat("*a_", 30_000), MarkdownLimit.Marks, 1 },
        { "code marks", "a\nb\n" + Repeat("`a", 20_000), MarkdownLimit.Marks, 3 },
        { "nested quotes", "a\n\n" + Repeat(">", 200) + " b", MarkdownLimit.Depth, 3 },
        { "nested list markers", Repeat("- ", 40) + "a", MarkdownLimit.Depth, 1 },
        { "lists nested by indentation", string.Concat(Enumerable.Range(0, 40).Select(i => new string(' ', 2 * i) + "- a\n")), MarkdownLimit.Depth, 33 },
        { "too long", Repeat("湿地", 60_000), MarkdownLimit.Length, 1 },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void A_text_Markdig_reads_slowly_is_refused_by_its_shape_at_its_line_at_once(string what, string markdown, MarkdownLimit limit, int line)
    {
        var (problem, took) = Refused(markdown);

        Assert.Equal((limit, line), (problem.Limit, problem.Line));
        Assert.True(took < TimeSpan.FromMilliseconds(500), $"{what}: {took.TotalMilliseconds:F0} ms");
    }

    [Fact]
    public void What_the_bounds_let_through_is_stopped_at_its_budget_naming_the_paragraph()
    {
        // A table of 15,000 columns: no bound counts table cells, and Markdig takes from tens of
        // milliseconds (a fast idle machine) to seconds (a loaded one) over it, so the budget here is
        // one millisecond. No wall-clock assertion: the refusal being for time says the budget stopped it.
        var (problem, _) = Refused("导言。\n\n| " + Repeat("a |", 15_000) + "\n|" + Repeat("-|", 15_000), TimeSpan.FromMilliseconds(1));

        Assert.Equal((MarkdownLimit.Time, 3), (problem.Limit, problem.Line));
    }

    [Fact]
    public void Every_text_of_the_newsletter_is_within_the_bounds()
    {
        var document = ContentFiles.Parse(ContentFiles.Vol3);
        var texts = document.Entries.Select(e => e.Content.Summary).Append(document.Details.Introduction).Concat(document.SectionIntros.Values);

        Assert.All(texts, text => Assert.Null(MarkdownRenderer.Problem(text)));
    }

    [Fact]
    public void Code_is_not_counted()
    {
        var code = "```\n" + Repeat("*a_[", 500) + "\n```";

        Assert.Null(MarkdownLimits.Check(code));
    }

    [Fact]
    public void Images_from_other_sites_become_links_and_the_portal_s_own_stay_images()
    {
        var html = MarkdownRenderer.ToHtml("![湿地地图](https://example.org/map.png) ![](http://cdn.example.org/x.png) ![本站](/images/a.png)");

        Assert.Contains("<a href=\"https://example.org/map.png\">湿地地图</a>", html);
        Assert.Contains("<a href=\"http://cdn.example.org/x.png\">http://cdn.example.org/x.png</a>", html);
        Assert.Contains("<img src=\"/images/a.png\" alt=\"本站\"", html);
        Assert.DoesNotContain("example.org/map.png\" alt", html);
    }

    [Fact]
    public void A_file_past_the_bounds_is_refused_with_each_problem_at_its_own_line()
    {
        var vol3 = ContentFiles.Text(ContentFiles.Vol3);
        var at = vol3.IndexOf("该标准指出", StringComparison.Ordinal);
        var line = vol3[..at].Count(c => c == '\n') + 1;
        var file = vol3[..at] + Repeat("[a](", 40_000) + "\n\n" + Repeat("> ", 200) + "太深\n\n" + vol3[at..];

        var clock = Stopwatch.StartNew();
        var result = NewsletterParser.Parse(file, "slow.md");

        Assert.Null(result.Document);
        Assert.Contains(result.Diagnostics, d => d.Line == line && d.Message.Contains("brackets", StringComparison.Ordinal));
        Assert.Contains(result.Diagnostics, d => d.Line == line + 2 && d.Message.Contains("nested 200 levels", StringComparison.Ordinal));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"{clock.Elapsed.TotalMilliseconds:F0} ms");
    }

    [Fact]
    public void A_file_nesting_lists_by_indentation_is_refused_at_the_line_that_goes_too_deep()
    {
        var vol3 = ContentFiles.Text(ContentFiles.Vol3);
        var at = vol3.IndexOf("该标准指出", StringComparison.Ordinal);
        var line = vol3[..at].Count(c => c == '\n') + 1;
        var file = vol3[..at] + string.Concat(Enumerable.Range(0, 200).Select(i => new string(' ', 2 * i) + "- a\n")) + "\n" + vol3[at..];

        var result = NewsletterParser.Parse(file, "deep.md");

        Assert.Contains(result.Diagnostics, d => d.Line == line + MarkdownLimits.MaxDepth && d.Message.Contains("nested", StringComparison.Ordinal));
    }
}
