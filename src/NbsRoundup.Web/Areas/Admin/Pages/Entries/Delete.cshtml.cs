namespace NbsRoundup.Web.Areas.Admin.Pages.Entries;

public sealed class DeleteModel(CatalogueDb db) : PageModel
{
    public string Slug { get; private set; } = "";
    public string Title { get; private set; } = "";
    public string IssueSlug { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var entry = await db.Entries.AsNoTracking().Where(e => e.Slug == slug)
            .Select(e => new { e.Slug, e.Title, Issue = e.Issue.Slug })
            .FirstOrDefaultAsync(ct);
        if (entry is null)
        {
            return NotFound();
        }
        (Slug, Title, IssueSlug) = (entry.Slug, entry.Title, entry.Issue);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken ct)
    {
        var entry = await db.Entries
            .Include(e => e.Organisations).ThenInclude(eo => eo.Organisation)
            .Include(e => e.Issue).ThenInclude(i => i.Entries)
            .Include(e => e.Tags)
            .FirstOrDefaultAsync(e => e.Slug == slug, ct);
        if (entry is null)
        {
            return NotFound();
        }
        var issue = entry.Issue;
        await db.SaveAuditedAsync(new ChangeNote(User.Identity!.Name!, $"Deleted entry {slug} from issue {issue.Slug}"), () =>
        {
            issue.RemoveEntry(entry);
            db.Entries.Remove(entry);
        }, ct);
        return RedirectToPage("/Issues/Show", new { area = "Admin", slug = issue.Slug });
    }
}
