using System.Text;
using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using NbsRoundup.Catalogue;
using NbsRoundup.Rendering;

namespace NbsRoundup.Importing;

/// <summary>A parsed file: the document when it has no errors, and every diagnostic.</summary>
public sealed record ParseResult(NewsletterDocument? Document, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);
}

/// <summary>
/// Reads a newsletter file (see content/README.md) by walking Markdig's syntax tree:
/// `#` sections, `##` sub-headings, `###` entries with their metadata and summary.
/// Text in, a checked document and diagnostics out; no I/O, no database.
/// </summary>
public static class NewsletterParser
{
    // Built once: a pipeline is immutable and thread-safe. Nesting is bounded by MarkdownLimits (and reported
    // with its line), not by Markdig's own limit, which throws without saying where.
    private static readonly MarkdownPipeline _pipeline =
        MarkdownDeadline.AddTo(new MarkdownPipelineBuilder { MaximumNestingDepth = 100_000 }.UseYamlFrontMatter()).Build();

    /// <summary>How long reading a whole file may take: the newsletter (46 KB) takes a few milliseconds.</summary>
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(10);

    public static ParseResult Parse(ReadOnlySpan<byte> bytes, string file)
    {
        var diagnostics = new DiagnosticBag(file);
        var text = NewsletterReader.Decode(bytes, diagnostics);
        return text is null ? new ParseResult(null, diagnostics.Items) : ParsePrepared(text, diagnostics);
    }

    public static ParseResult Parse(string text, string file)
    {
        var diagnostics = new DiagnosticBag(file);
        var prepared = NewsletterReader.Prepare(text, diagnostics);
        return prepared is null ? new ParseResult(null, diagnostics.Items) : ParsePrepared(prepared, diagnostics);
    }

    private static ParseResult ParsePrepared(string text, DiagnosticBag diagnostics)
    {
        // Bounds first, line by line: past them Markdig would take minutes, or refuse without a line.
        var bounds = MarkdownLimits.CheckFile(text);
        foreach (var problem in bounds)
        {
            diagnostics.Error(problem.Line, problem.Message);
        }
        if (bounds.Count > 0)
        {
            return new ParseResult(null, diagnostics.Items);
        }
        MarkdownDocument markdown;
        try
        {
            markdown = MarkdownDeadline.Parse(text, _pipeline, Budget);
        }
        catch (MarkdownTooComplexException ex)
        {
            diagnostics.Error(ex.Problem.Line, ex.Problem.Message);
            return new ParseResult(null, diagnostics.Items);
        }
        if (MarkdownLimits.CheckNesting(markdown) is { } nesting)
        {
            diagnostics.Error(nesting.Line, nesting.Description);
            return new ParseResult(null, diagnostics.Items);
        }

        foreach (var fence in markdown.Descendants<FencedCodeBlock>().Where(f => f.ClosingFencedCharCount == 0))
        {
            diagnostics.Error(fence.Line + 1, "this code block is never closed: it would swallow the rest of the file");
        }

        if (markdown.FirstOrDefault() is not YamlFrontMatterBlock yaml)
        {
            diagnostics.Error(1, "the file must start with front matter: a line '---', the issue's slug, title, year and month in YAML, and a closing '---'");
            return new ParseResult(null, diagnostics.Items);
        }
        var frontMatter = FrontMatter.Read(yaml.Lines.ToString(), yaml.Line + 2, diagnostics);
        var issue = frontMatter?.Validate(yaml.Line + 1, diagnostics);

        var walker = new Walker(text, diagnostics, issue?.Year ?? DateTime.UtcNow.Year, issue?.Month ?? 12);
        foreach (var block in markdown.Skip(1))
        {
            walker.Visit(block);
        }
        walker.Finish();

        if (diagnostics.HasErrors || issue is null || frontMatter is null)
        {
            return new ParseResult(null, diagnostics.Items);
        }
        var details = new IssueDetails(
            frontMatter.Title!.Trim(), Blank(frontMatter.TitleEn), Blank(frontMatter.Publisher),
            issue.Value.Year, issue.Value.Month, frontMatter.Volume, frontMatter.Number, walker.Introduction);
        var document = new NewsletterDocument(
            diagnostics.File, issue.Value.Slug, details, issue.Value.Organisations, walker.SectionIntros, walker.Entries)
        {
            IsDraft = frontMatter.Draft ?? false,
        };
        return new ParseResult(document, diagnostics.Items);
    }

    internal static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>Plain text of a heading or other inline content, without Markdown markup.</summary>
    internal static string InlineText(ContainerInline? container)
    {
        var sb = new StringBuilder();
        Append(container, sb);
        return sb.ToString().Trim();

        static void Append(ContainerInline? container, StringBuilder sb)
        {
            if (container is null)
            {
                return;
            }
            foreach (var inline in container)
            {
                switch (inline)
                {
                    case LiteralInline literal:
                        sb.Append(literal.Content.AsSpan());
                        break;
                    case CodeInline code:
                        sb.Append(code.Content);
                        break;
                    case LineBreakInline:
                        sb.Append(' ');
                        break;
                    case HtmlEntityInline entity:
                        sb.Append(entity.Transcoded.AsSpan());
                        break;
                    case AutolinkInline autolink:
                        sb.Append(autolink.Url);
                        break;
                    case HtmlInline html:
                        sb.Append(html.Tag);
                        break;
                    case ContainerInline child:
                        Append(child, sb);
                        break;
                    default:
                        break;
                }
            }
        }
    }
}
