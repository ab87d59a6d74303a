using Microsoft.AspNetCore.OutputCaching;
using NbsRoundup.Search;
using NbsRoundup.Web.Caching;
using NbsRoundup.Web.Reading;

namespace NbsRoundup.Web.Pages.Sections;

[OutputCache(PolicyName = CachePolicies.Section)]
public sealed class ShowModel(CatalogueDb db) : PageModel
{
    public Section Section { get; private set; } = null!;
    public IReadOnlyList<IssueGroup> Issues { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string key, CancellationToken ct)
    {
        var section = Section.All.FirstOrDefault(s => s.Key == key);
        if (section is null)
        {
            return NotFound();
        }
        Section = section;
        var entries = await db.Entries.AsNoTracking().Published()
            .Where(e => e.SectionId == section.Id)
            .OrderByDescending(e => e.Issue.Year).ThenByDescending(e => e.Issue.Month).ThenBy(e => e.IssueId).ThenBy(e => e.Position)
            .Select(EntryRow.Projection)
            // Split: organisations, topics and places are three lists; joined in one query they would multiply.
            .AsSplitQuery()
            .ToListAsync(ct);
        Issues = entries
            .GroupBy(e => (e.IssueSlug, e.IssueTitle))
            .Select(g => new IssueGroup(g.Key.IssueSlug, g.Key.IssueTitle, SubheadingGroup.Of(g)))
            .ToList();
        return Page();
    }

    public sealed record IssueGroup(string Slug, string Title, IReadOnlyList<SubheadingGroup> Groups);
}
