using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NbsRoundup.Auditing;
using NbsRoundup.Catalogue;
using NbsRoundup.Data;
using NbsRoundup.Importing;
using NbsRoundup.Rendering;
using NbsRoundup.Web.Areas.Admin.Forms;
using NbsRoundup.Web.Localization;
using NbsRoundup.Web.Reading;

namespace NbsRoundup.Web.Areas.Admin.Pages.Entries;

public sealed class EditModel(CatalogueDb db, IStringLocalizer<SharedResource> t) : PageModel, IEntryForm
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string Slug { get; private set; } = "";
    public string IssueSlug { get; private set; } = "";
    public bool Saved { get; private set; }
    public IReadOnlyList<string> Subheadings { get; private set; } = [];
    public string? DateReadAs { get; private set; }
    public string? PreviewHtml { get; private set; }
    public IReadOnlyList<ConflictRow> Conflict { get; private set; } = [];

    EntryInput IEntryForm.Input => Input;

    public async Task<IActionResult> OnGetAsync(string slug, bool saved, CancellationToken ct)
    {
        var entry = await LoadAsync(slug, ct);
        if (entry is null)
        {
            return NotFound();
        }
        Saved = saved;
        Input.Fill(entry);
        Input.Version = entry.Version;
        return Page();
    }

    /// <summary>Shows the summary as readers will see it; saves nothing.</summary>
    public async Task<IActionResult> OnPostPreviewAsync(string slug, CancellationToken ct)
    {
        if (await LoadAsync(slug, ct) is null)
        {
            return NotFound();
        }
        PreviewHtml = MarkdownRenderer.ToHtml(NewsletterMarkdown.Normalize(Input.Summary));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken ct)
    {
        var entry = await LoadAsync(slug, ct);
        if (entry is null)
        {
            return NotFound();
        }
        var content = Input.Read(entry.Issue, ModelState, t);
        if (content is null)
        {
            return Page();
        }
        if (entry.Version != Input.Version)
        {
            return ShowConflict(entry);
        }
        var before = entry.Describe();
        entry.Update(content with { SectionId = entry.SectionId, Position = entry.Position });
        if (content.SectionId != entry.SectionId)
        {
            await db.Entry(entry.Issue).Collection(i => i.Entries).LoadAsync(ct);
            entry.Issue.MoveTo(entry, content.SectionId);
        }
        entry.SetOrganisations(await OrganisationResolver.ResolveAsync(db, Input.OrganisationNames, ct));
        entry.SetDraft(Input.Draft);
        db.Entry(entry).Property(e => e.Version).OriginalValue = Input.Version;
        var changes = new ChangeSet(User.Identity!.Name!, $"Edited entry {slug}");
        changes.Record(FieldChange.Entry, slug, before, entry.Describe());
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
        return RedirectToPage("/Entries/Edit", new { area = "Admin", slug, saved = true });
    }

    private async Task<Entry?> LoadAsync(string slug, CancellationToken ct)
    {
        var entry = await db.Entries
            .Include(e => e.Issue)
            .Include(e => e.Organisations).ThenInclude(eo => eo.Organisation)
            .FirstOrDefaultAsync(e => e.Slug == slug, ct);
        if (entry is not null)
        {
            Slug = slug;
            IssueSlug = entry.Issue.Slug;
            DateReadAs = entry.Date is { } date ? Display.Date(date) : null;
            Subheadings = await db.Entries.AsNoTracking().Where(e => e.IssueId == entry.IssueId && e.Subheading != null)
                .Select(e => e.Subheading!).Distinct().ToListAsync(ct);
        }
        return entry;
    }

    private IActionResult ShowConflict(Entry current)
    {
        Conflict = ConflictRow.Between(Input.Describe(), current.Describe());
        if (Conflict.Count == 0)
        {
            // Someone else saved exactly what this editor typed: nothing is left to do.
            return RedirectToPage("/Entries/Edit", new { area = "Admin", slug = Slug, saved = true });
        }
        // The form now carries the saved version: saving again replaces it, knowingly.
        ModelState.Remove("Input.Version");
        Input.Version = current.Version;
        return Page();
    }

    public sealed class InputModel : EntryInput
    {
        public Guid Version { get; set; }
    }
}
