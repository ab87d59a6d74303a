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
    public IReadOnlyList<RelatedEntry> Related { get; private set; } = [];
    public SharingTags Sharing { get; private set; } = null!;

    /// <summary>True when the entry (or its issue) is a draft, shown to a signed-in editor.</summary>
    public bool IsDraft { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var details = await EntryDetails.LoadAsync(db, slug, ct);
        if (details is null && Drafts.AreVisibleTo(HttpContext))
        {
            details = await EntryDetails.LoadAsync(db, slug, ct, includeDrafts: true);
            IsDraft = details is not null;
        }
        if (details is null)
        {
            return NotFound();
        }
        if (IsDraft)
        {
            Drafts.MarkResponse(Response);
        }
        (Entry, Related) = (details.Row, details.Related);
        // The related entries' titles are shown here: a change to one of them makes this page stale too.
        CachePolicies.AlsoTagEntries(HttpContext, Related.Select(r => r.Slug));
        Sharing = SharingTags.Article(Entry.Title, Entry.SummaryText);
        return Page();
    }
}
