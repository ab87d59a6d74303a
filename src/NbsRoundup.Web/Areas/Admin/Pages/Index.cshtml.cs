namespace NbsRoundup.Web.Areas.Admin.Pages;

public sealed class IndexModel(CatalogueDb db) : PageModel
{
    public IReadOnlyList<Row> Issues { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Issues = await db.Issues.AsNoTracking()
            .NewestFirst()
            .Select(i => new Row(i.Slug, i.Title, i.Year, i.Month, i.IsPublished, i.Entries.Count, i.Entries.Count(e => !e.IsPublished)))
            .ToListAsync(ct);

    public sealed record Row(string Slug, string Title, int Year, int Month, bool IsPublished, int Entries, int Drafts);
}
