using Markdig;
using Markdig.Syntax;

namespace NbsRoundup.Importing;

/// <summary>What keeps a piece of an editor's Markdown from fitting inside a newsletter file.</summary>
public enum FragmentProblem
{
    None,
    /// <summary>A `#`, `##` or `###` heading (or an underlined one): it would start a section, sub-heading or entry.</summary>
    Heading,
    /// <summary>A code fence never closed: it would swallow the rest of the file.</summary>
    UnclosedFence,
    /// <summary>A control character, which newsletter files may not hold.</summary>
    ControlCharacter,
}

/// <summary>
/// Checks Markdown that editors type into forms (summaries, introductions) before it is saved,
/// so that every issue can be exported to a newsletter file and imported back unchanged.
/// </summary>
public static class NewsletterMarkdown
{
    private static readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder().Build();

    /// <summary>Line endings as the parser stores them: LF only, no surrounding blank lines.</summary>
    public static string Normalize(string? markdown) =>
        (markdown ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Trim();

    public static FragmentProblem Check(string markdown)
    {
        if (markdown.Any(c => c != '\n' && c != '\t' && (char.IsControl(c) || c is '\uFFFE' or '\uFFFF')))
        {
            return FragmentProblem.ControlCharacter;
        }
        var document = Markdown.Parse(markdown, _pipeline);
        if (document.OfType<HeadingBlock>().Any(h => h.Level <= 3))
        {
            return FragmentProblem.Heading;
        }
        return document.Descendants<FencedCodeBlock>().Any(f => f.ClosingFencedCharCount == 0)
            ? FragmentProblem.UnclosedFence
            : FragmentProblem.None;
    }
}
