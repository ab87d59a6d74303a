using System.Net;
using Ganss.Xss;
using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace NbsRoundup.Rendering;

/// <summary>A Markdown text as readers see it: sanitised HTML, and plain text for search, exports and meta tags.</summary>
public sealed record RenderedMarkdown(string Html, string Text)
{
    public static RenderedMarkdown Empty { get; } = new("", "");
}

/// <summary>
/// Renders editors' Markdown for readers: raw HTML is shown as text, links or images whose
/// address is not http(s), mailto or relative lose their address, images from other sites become
/// links to them (pages allow images from the portal only, and a feed reader should not fetch
/// them either), and the HTML is sanitized once more by HtmlSanitizer, whatever an editor or an
/// imported file wrote. Texts are rendered when they are saved (the save pipeline stores both
/// forms); readers are served what was stored. Every text is held to <see cref="MarkdownLimits"/>
/// and read within a time budget (<see cref="MarkdownDeadline"/>).
/// </summary>
public static class MarkdownRenderer
{
    /// <summary>
    /// The version of these rules. Raise it when what they make of a text changes: texts stored by
    /// an older version are rendered again when the portal starts.
    /// </summary>
    public const int Version = 1;

    /// <summary>How long one text may take to read. A 5,000-character summary takes about a millisecond.</summary>
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(1);

    private static readonly MarkdownPipeline _pipeline = CreatePipeline();

    // Configured once; Sanitize is safe to call from many threads.
    private static readonly HtmlSanitizer _sanitizer = CreateSanitizer();

    private static MarkdownPipeline CreatePipeline()
    {
        var builder = new MarkdownPipelineBuilder()
            .DisableHtml()
            .UseAutoLinks()
            .UsePipeTables()
            .UseEmphasisExtras();
        // MarkdownLimits keeps nesting far below this; Markdig's default (128) would refuse a paragraph
        // of a hundred unclosed brackets while rendering, after the bounds had let it through.
        builder.MaximumNestingDepth = 1024;
        return MarkdownDeadline.AddTo(builder).Build();
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.UnionWith(["http", "https", "mailto"]);
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedTags.Remove("form");
        return sanitizer;
    }

    /// <summary>Renders a text, or throws <see cref="MarkdownTooComplexException"/> naming the bound it goes past.</summary>
    public static RenderedMarkdown Render(string markdown) => Render(markdown, Budget);

    /// <inheritdoc cref="Render(string)"/>
    public static RenderedMarkdown Render(string markdown, TimeSpan budget)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return RenderedMarkdown.Empty;
        }
        if (MarkdownLimits.Check(markdown) is { } problem)
        {
            throw new MarkdownTooComplexException(problem);
        }
        var document = MarkdownDeadline.Parse(markdown, _pipeline, budget);
        if (MarkdownLimits.CheckNesting(document) is { } nesting)
        {
            throw new MarkdownTooComplexException(nesting);
        }
        MakeLinksSafe(document);

        using var html = new StringWriter();
        var renderer = new HtmlRenderer(html);
        _pipeline.Setup(renderer);
        renderer.Render(document);

        using var text = new StringWriter();
        var plain = new HtmlRenderer(text) { EnableHtmlForBlock = false, EnableHtmlForInline = false, EnableHtmlEscape = false };
        _pipeline.Setup(plain);
        plain.Render(document);
        return new RenderedMarkdown(_sanitizer.Sanitize(html.ToString()), text.ToString().Trim());
    }

    /// <summary>Why a text cannot be rendered (a bound or the time budget), or null when it can.</summary>
    public static MarkdownProblem? Problem(string markdown)
    {
        try
        {
            Render(markdown);
            return null;
        }
        catch (MarkdownTooComplexException ex)
        {
            return ex.Problem;
        }
    }

    /// <summary>
    /// The save pipeline's rendering, which must not fail a save: a text that the forms and the
    /// importer let through but that still cannot be read in time (a machine under heavy load) is
    /// stored as its own characters, escaped, rather than lost.
    /// </summary>
    public static RenderedMarkdown RenderOrKeepAsText(string markdown)
    {
        try
        {
            return Render(markdown);
        }
        catch (MarkdownTooComplexException)
        {
            return new RenderedMarkdown("<p>" + WebUtility.HtmlEncode(markdown).ReplaceLineEndings("<br>\n") + "</p>", markdown);
        }
    }

    /// <summary>The HTML of a text (previews, tests); throws like <see cref="Render(string)"/>.</summary>
    public static string ToHtml(string markdown) => Render(markdown).Html;

    /// <summary>Plain text of a Markdown fragment; throws like <see cref="Render(string)"/>.</summary>
    public static string ToPlainText(string markdown) => Render(markdown).Text;

    private static void MakeLinksSafe(MarkdownDocument document)
    {
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (!IsSafeUrl(link.Url))
            {
                link.Url = "";
            }
            else if (link.IsImage && IsExternal(link.Url))
            {
                // Shown as a link to the image, its alternative text (or its address) as the words.
                link.IsImage = false;
                if (link.FirstChild is null)
                {
                    link.AppendChild(new LiteralInline(link.Url!));
                }
            }
        }
        foreach (var autolink in document.Descendants<AutolinkInline>().ToList())
        {
            if (!IsSafeUrl(autolink.Url))
            {
                autolink.ReplaceBy(new LiteralInline(autolink.Url));
            }
        }
    }

    /// <summary>An address on another site (http or https; "/images/a.png" is absolute to .NET on Linux, as a file).</summary>
    private static bool IsExternal(string? url) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";

    public static bool IsSafeUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return true;
        }
        var trimmed = url.Trim();
        if (trimmed.StartsWith('#') || trimmed.StartsWith('/') && !trimmed.StartsWith("//", StringComparison.Ordinal))
        {
            return true;
        }
        if (Uri.TryCreate(trimmed, UriKind.Absolute, out var uri))
        {
            return uri.Scheme is "http" or "https" or "mailto";
        }
        // A relative address has no scheme; "javascript:..." and the like do.
        return !trimmed.Contains(':', StringComparison.Ordinal);
    }
}
