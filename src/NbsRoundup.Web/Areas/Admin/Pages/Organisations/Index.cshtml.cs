namespace NbsRoundup.Web.Areas.Admin.Pages.Organisations;

public sealed class IndexModel(CatalogueDb db) : PageModel
{
    public string? Query { get; private set; }
    public IReadOnlyList<Row> Organisations { get; private set; } = [];

    public async Task OnGetAsync(string? q, CancellationToken ct)
    {
        Query = q;
        var wanted = Names.Normalize(q ?? "");
        Organisations = await db.Organisations.AsNoTracking()
            .Where(o => wanted.Length == 0 || o.NormalizedName.Contains(wanted) || (o.NormalizedShortName != null && o.NormalizedShortName.Contains(wanted))
                || o.Slug.Contains(wanted) || o.Aliases.Any(a => a.NormalizedName.Contains(wanted)))
            .OrderBy(o => o.Name)
            .Select(o => new Row(o.Slug, o.Name, o.ShortName, o.Aliases.Count, db.EntryOrganisations.Count(eo => eo.OrganisationId == o.Id)))
            .ToListAsync(ct);
    }

    public sealed record Row(string Slug, string Name, string? ShortName, int Aliases, int Entries);
}
