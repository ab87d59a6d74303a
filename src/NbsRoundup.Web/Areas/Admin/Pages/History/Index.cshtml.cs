namespace NbsRoundup.Web.Areas.Admin.Pages.History;

/// <summary>The whole audit log, newest first, 30 change sets a page. Admins only (see PortalPages).</summary>
public sealed class IndexModel(CatalogueDb db) : PageModel
{
    private const int PageSize = 30;

    public IReadOnlyList<ChangeRow> Changes { get; private set; } = [];
    public int PageNumber { get; private set; }
    public bool HasMore { get; private set; }

    public async Task OnGetAsync(int? p, CancellationToken ct)
    {
        PageNumber = Math.Max(1, p ?? 1);
        var sets = await db.ChangeSets.AsNoTracking()
            .OrderByDescending(c => c.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize + 1)
            .Select(c => new ChangeRow(c.Id, c.At, c.Actor, c.Description,
                c.Changes.OrderBy(f => f.Id).Select(f => new FieldRow(f.EntityKind, f.EntityKey, f.Field, f.Before, f.After)).ToList()))
            .ToListAsync(ct);
        HasMore = sets.Count > PageSize;
        Changes = sets.Take(PageSize).ToList();
    }
}
