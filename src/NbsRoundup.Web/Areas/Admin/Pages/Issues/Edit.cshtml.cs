using NbsRoundup.Web.Areas.Admin.Forms;

namespace NbsRoundup.Web.Areas.Admin.Pages.Issues;

public sealed class EditModel(CatalogueDb db) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string Slug { get; private set; } = "";
    public IReadOnlyList<ConflictRow> Conflict { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var issue = await LoadAsync(slug, ct);
        if (issue is null)
        {
            return NotFound();
        }
        Input.Fill(issue);
        Input.Version = issue.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken ct)
    {
        var issue = await LoadAsync(slug, ct);
        if (issue is null)
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await db.SaveAuditedAsync(new ChangeNote(User.Identity!.Name!, $"Edited issue {slug}"), issue, Input.Version, () => Input.ApplyTo(issue), ct);
        return result.Outcome switch
        {
            SaveOutcome.Gone => NotFound(),
            SaveOutcome.Conflict when (Conflict = ConflictRow.Show(result, Input, ModelState)).Count > 0 => Page(),
            _ => RedirectToPage("/Issues/Show", new { area = "Admin", slug, saved = true }),
        };
    }

    private async Task<Issue?> LoadAsync(string slug, CancellationToken ct)
    {
        Slug = slug;
        return await db.Issues.Include(i => i.SectionIntros).FirstOrDefaultAsync(i => i.Slug == slug, ct);
    }

    public sealed class InputModel : IssueInput, IVersionedInput
    {
        public Guid Version { get; set; }
    }
}
