using Microsoft.AspNetCore.OutputCaching;
using NbsRoundup.Search;
using NbsRoundup.Web.Caching;
using NbsRoundup.Web.Sharing;

namespace NbsRoundup.Web.Pages.Entries;

[OutputCache(PolicyName = CachePolicies.Entry)]
public sealed class ShowModel(CatalogueDb db) : PageModel
{
    public EntryRow Entry { get; private set; } = null!;
    public SharingTags Sharing { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var entry = await db.Entries.AsNoTracking().Published()
            .Where(e => e.Slug == slug)
            .Select(EntryRow.Projection)
            .FirstOrDefaultAsync(ct);
        if (entry is null)
        {
            return NotFound();
        }
        Entry = entry;
        Sharing = SharingTags.Article(entry.Title, entry.SummaryText);
        return Page();
    }
}
