using NbsRoundup.Rendering;

namespace NbsRoundup.Web.Areas.Admin.Pages.Upload;

/// <summary>
/// The newsletter format (content/README.md, built into the portal) for editors who upload files: readers
/// of the portal cannot open the repository's file. Rendered like every editor's Markdown: no raw HTML,
/// only safe links, sanitised.
/// </summary>
public sealed class FormatModel : PageModel
{
    private static readonly Lazy<string> _html = new(() =>
    {
        using var stream = typeof(FormatModel).Assembly.GetManifestResourceStream("NbsRoundup.Web.FormatGuide.md")
            ?? throw new InvalidOperationException("The format guide (content/README.md) is not built into the portal.");
        using var reader = new StreamReader(stream);
        var markdown = reader.ReadToEnd();
        // The page has its own heading; the guide's title line would be a second h1.
        if (markdown.StartsWith("# ", StringComparison.Ordinal))
        {
            markdown = markdown[(markdown.IndexOf('\n', StringComparison.Ordinal) + 1)..];
        }
        return MarkdownRenderer.ToHtml(markdown);
    });

    public string GuideHtml => _html.Value;

    public void OnGet()
    {
        // The guide.
    }
}
