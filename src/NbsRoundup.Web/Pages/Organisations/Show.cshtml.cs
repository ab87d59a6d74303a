using Microsoft.AspNetCore.OutputCaching;
using NbsRoundup.Search;
using NbsRoundup.Web.Caching;

namespace NbsRoundup.Web.Pages.Organisations;

[OutputCache(PolicyName = CachePolicies.Organisation)]
public sealed class ShowModel(CatalogueDb db) : PageModel
{
    public Header Organisation { get; private set; } = null!;
    public IReadOnlyList<EntryRow> Entries { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? slug, CancellationToken ct)
    {
        // Model binding makes a value of spaces null, and no organisation is called that.
        if (string.IsNullOrWhiteSpace(slug))
        {
            return NotFound();
        }
        var organisation = await db.Organisations.AsNoTracking().Published(db.Entries)
            .Where(o => o.Slug == slug)
            .Select(o => new Header(o.Id, o.Slug, o.Name, o.ShortName, o.Aliases.Select(a => a.Name).ToList()))
            .FirstOrDefaultAsync(ct);
        if (organisation is null)
        {
            // /organisations/TNC or /organisations/大自然保护协会 lead to the organisation's own address.
            var match = await OrganisationLookup.FindPublishedAsync(db, slug, ct);
            return match is null ? NotFound() : RedirectToPagePermanent("/Organisations/Show", new { slug = match.Slug });
        }
        Organisation = organisation;
        Entries = await db.Entries.AsNoTracking().Published()
            .Where(e => e.Organisations.Any(o => o.OrganisationId == organisation.Id))
            .OrderByNewestFirst(e => e.DateStart, db.Database).ThenByDescending(e => e.Issue.Year).ThenByDescending(e => e.Issue.Month).ThenBy(e => e.Position)
            .Select(EntryRow.Projection)
            // Split: organisations, topics and places are three lists; joined in one query they would multiply.
            .AsSplitQuery()
            .ToListAsync(ct);
        return Page();
    }

    public sealed record Header(int Id, string Slug, string Name, string? ShortName, IReadOnlyList<string> Aliases);
}
