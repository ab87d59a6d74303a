namespace NbsRoundup.Web.Areas.Admin.Pages.Issues;

/// <summary>Deletes an issue: at once when it is empty, else after a confirmation naming how many entries go with it.</summary>
public sealed class DeleteModel(CatalogueDb db) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string Slug { get; private set; } = "";
    public string Title { get; private set; } = "";
    public int EntryCount { get; private set; }
    /// <summary>Entries were added or removed since the editor confirmed: ask again with the new count.</summary>
    public bool CountChanged { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var issue = await db.Issues.AsNoTracking().Where(i => i.Slug == slug)
            .Select(i => new { i.Slug, i.Title, Count = i.Entries.Count })
            .FirstOrDefaultAsync(ct);
        if (issue is null)
        {
            return NotFound();
        }
        (Slug, Title, EntryCount) = (issue.Slug, issue.Title, issue.Count);
        Input.EntryCount = issue.Count;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken ct)
    {
        var issue = await db.Issues
            .Include(i => i.SectionIntros)
            .Include(i => i.Entries).ThenInclude(e => e.Organisations).ThenInclude(eo => eo.Organisation)
            .Include(i => i.Entries).ThenInclude(e => e.Tags)
            .AsSplitQuery()
            .FirstOrDefaultAsync(i => i.Slug == slug, ct);
        if (issue is null)
        {
            return NotFound();
        }
        if (issue.Entries.Count != Input.EntryCount)
        {
            (Slug, Title, EntryCount, CountChanged) = (issue.Slug, issue.Title, issue.Entries.Count, true);
            ModelState.Remove("Input.EntryCount");
            Input.EntryCount = issue.Entries.Count;
            return Page();
        }
        await db.SaveAuditedAsync(new ChangeNote(User.Identity!.Name!, $"Deleted issue {slug} with {issue.Entries.Count} entries"), () =>
        {
            db.Entries.RemoveRange(issue.Entries);
            db.Issues.Remove(issue);
        }, ct);
        return RedirectToPage("/Index", new { area = "Admin" });
    }

    public sealed class InputModel
    {
        /// <summary>How many entries the editor agreed to delete with the issue.</summary>
        public int EntryCount { get; set; }
    }
}
