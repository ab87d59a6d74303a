using Microsoft.AspNetCore.OutputCaching;
using NbsRoundup.Web.Caching;

namespace NbsRoundup.Web.Pages.Organisations;

[OutputCache(PolicyName = CachePolicies.Catalogue)]
public sealed class IndexModel(CatalogueDb db) : PageModel
{
    public IReadOnlyList<Row> Organisations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var rows = await db.Organisations.AsNoTracking().Published(db.Entries)
            .Select(o => new Row(o.Slug, o.Name, o.ShortName, db.Entries.Published().Count(e => e.Organisations.Any(eo => eo.OrganisationId == o.Id))))
            .ToListAsync(ct);
        Organisations = rows.OrderByDescending(r => r.Count).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
    }

    public sealed record Row(string Slug, string Name, string? ShortName, int Count);
}
