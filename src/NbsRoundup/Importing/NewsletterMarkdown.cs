using Markdig;
using Markdig.Syntax;
using NbsRoundup.Rendering;

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
    /// <summary>Past a bound of Markdown that can be read in time (MarkdownLimits): the renderer's message names it and its line.</summary>
    PastBounds,
}

/// <summary>
/// Checks Markdown that editors type into forms (summaries, introductions) before it is saved,
/// so that every issue can be exported to a newsletter file and imported back unchanged.
/// </summary>
public static class NewsletterMarkdown
{
    private static readonly MarkdownPipeline _pipeline = MarkdownDeadline.AddTo(new MarkdownPipelineBuilder { MaximumNestingDepth = 1024 }).Build();

    /// <summary>Line endings as the parser stores them: LF only, no surrounding blank lines.</summary>
    public static string Normalize(string? markdown) =>
        (markdown ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Trim();

    public static FragmentProblem Check(string markdown)
    {
        if (markdown.Any(c => c != '\n' && c != '\t' && (char.IsControl(c) || c is '\uFFFE' or '\uFFFF')))
        {
            return FragmentProblem.ControlCharacter;
        }
        if (MarkdownLimits.Check(markdown) is not null)
        {
            return FragmentProblem.PastBounds;
        }
        MarkdownDocument document;
        try
        {
            document = MarkdownDeadline.Parse(markdown, _pipeline, MarkdownRenderer.Budget);
        }
        catch (MarkdownTooComplexException)
        {
            return FragmentProblem.PastBounds;
        }
        if (document.OfType<HeadingBlock>().Any(h => h.Level <= 3))
        {
            return FragmentProblem.Heading;
        }
        return document.Descendants<FencedCodeBlock>().Any(f => f.ClosingFencedCharCount == 0)
            ? FragmentProblem.UnclosedFence
            : FragmentProblem.None;
    }
}
