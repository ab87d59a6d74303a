using NbsRoundup.Auditing;
using NbsRoundup.Web.Areas.Admin.Pages.History;

namespace NbsRoundup.Web.Areas.Admin.Pages.Entries;

/// <summary>Every recorded change to one entry, newest first; also for entries since deleted.</summary>
public sealed class HistoryModel(CatalogueDb db) : PageModel
{
    public string Slug { get; private set; } = "";
    public string? Title { get; private set; }
    public IReadOnlyList<ChangeRow> Changes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        Slug = slug;
        Title = await db.Entries.AsNoTracking().Where(e => e.Slug == slug).Select(e => e.Title).FirstOrDefaultAsync(ct);
        var fields = await db.FieldChanges.AsNoTracking()
            .Where(f => f.EntityKind == FieldChange.Entry && f.EntityKey == slug)
            .Join(db.ChangeSets, f => f.ChangeSetId, c => c.Id, (f, c) => new { c.Id, c.At, c.Actor, c.Description, f.EntityKind, f.EntityKey, f.Field, f.Before, f.After })
            .OrderByDescending(x => x.Id)
            .ToListAsync(ct);
        if (Title is null && fields.Count == 0)
        {
            return NotFound();
        }
        Changes = fields.GroupBy(x => new { x.Id, x.At, x.Actor, x.Description })
            .Select(g => new ChangeRow(g.Key.Id, g.Key.At, g.Key.Actor, g.Key.Description,
                g.Select(x => new FieldRow(x.EntityKind, x.EntityKey, x.Field, x.Before, x.After)).ToList()))
            .ToList();
        return Page();
    }
}
