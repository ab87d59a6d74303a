using Microsoft.AspNetCore.OutputCaching;
using NbsRoundup.Search;
using NbsRoundup.Web.Caching;
using NbsRoundup.Web.Reading;
using NbsRoundup.Web.Sharing;

namespace NbsRoundup.Web.Pages.Entries;

[OutputCache(PolicyName = CachePolicies.Entry)]
public sealed class ShowModel(CatalogueDb db) : PageModel
{
    public EntryRow Entry { get; private set; } = null!;
    public SharingTags Sharing { get; private set; } = null!;

    /// <summary>True when the entry (or its issue) is a draft, shown to a signed-in editor.</summary>
    public bool IsDraft { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var entry = await db.Entries.AsNoTracking().Published()
            .Where(e => e.Slug == slug)
            .Select(EntryRow.Projection)
            .FirstOrDefaultAsync(ct);
        if (entry is null && Drafts.AreVisibleTo(HttpContext))
        {
            entry = await db.Entries.AsNoTracking().Where(e => e.Slug == slug).Select(EntryRow.Projection).FirstOrDefaultAsync(ct);
            IsDraft = entry is not null;
        }
        if (entry is null)
        {
            return NotFound();
        }
        if (IsDraft)
        {
            Drafts.MarkResponse(Response);
        }
        Entry = entry;
        Sharing = SharingTags.Article(entry.Title, entry.Summary);
        return Page();
    }
}
