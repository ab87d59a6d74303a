using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NbsRoundup.Auditing;
using NbsRoundup.Catalogue;
using NbsRoundup.Data;
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
        if (issue.Version != Input.Version)
        {
            return ShowConflict(issue);
        }
        var before = issue.Describe();
        Input.ApplyTo(issue);
        db.Entry(issue).Property(i => i.Version).OriginalValue = Input.Version;
        var changes = new ChangeSet(User.Identity!.Name!, $"Edited issue {slug}");
        changes.Record(FieldChange.Issue, slug, before, issue.Describe());
        if (!changes.IsEmpty)
        {
            db.ChangeSets.Add(changes);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return ShowConflict((await LoadAsync(slug, ct))!);
        }
        return RedirectToPage("/Issues/Show", new { area = "Admin", slug, saved = true });
    }

    private async Task<Issue?> LoadAsync(string slug, CancellationToken ct)
    {
        Slug = slug;
        return await db.Issues.Include(i => i.SectionIntros).FirstOrDefaultAsync(i => i.Slug == slug, ct);
    }

    private IActionResult ShowConflict(Issue current)
    {
        Conflict = ConflictRow.Between(Input.Describe(), current.Describe());
        if (Conflict.Count == 0)
        {
            // Someone else saved exactly what this editor typed: nothing is left to do.
            return RedirectToPage("/Issues/Show", new { area = "Admin", slug = Slug, saved = true });
        }
        // The form now carries the saved version: saving again replaces it, knowingly.
        ModelState.Remove("Input.Version");
        Input.Version = current.Version;
        return Page();
    }

    public sealed class InputModel : IssueInput
    {
        public Guid Version { get; set; }
    }
}
