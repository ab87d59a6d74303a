using System.Text;
using NbsRoundup.Exporting;

namespace NbsRoundup.Web.Areas.Admin.Pages.Issues;

/// <summary>Downloads an issue as a newsletter file, drafts included.</summary>
public sealed class ExportModel(CatalogueDb db) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var markdown = await MarkdownExporter.ExportAsync(db, slug, ct);
        return markdown is null
            ? NotFound()
            : File(Encoding.UTF8.GetBytes(markdown), "text/markdown; charset=utf-8", $"{slug}.md");
    }
}
