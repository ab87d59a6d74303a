using Microsoft.Extensions.Localization;
using NbsRoundup.Importing;
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
    public bool TagsSuggested { get; private set; }
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
        PreviewHtml = EntryForms.Preview(Input);
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
        var organisations = await OrganisationResolver.ResolveAsync(db, Input.OrganisationNames, ct);
        var (tags, suggested) = EntryTagSuggestions.FromForm(entry, Input.GivenTags, Input.ConfirmTags, content, organisations);
        if (content.SectionId != entry.SectionId)
        {
            // Moving to another section renumbers the entries of both.
            await db.Entry(entry.Issue).Collection(i => i.Entries).LoadAsync(ct);
        }
        var result = await db.SaveAuditedAsync(new ChangeNote(User.Identity!.Name!, $"Edited entry {slug}"), entry, Input.Version, () =>
        {
            entry.Update(content with { SectionId = entry.SectionId, Position = entry.Position });
            entry.Issue.MoveTo(entry, content.SectionId);
            entry.SetOrganisations(organisations);
            entry.SetTags(tags, suggested);
            entry.SetDraft(Input.Draft);
        }, ct);
        return result.Outcome switch
        {
            SaveOutcome.Gone => NotFound(),
            SaveOutcome.Conflict when (Conflict = ConflictRow.Show(result, Input, ModelState)).Count > 0 => Page(),
            _ => RedirectToPage("/Entries/Edit", new { area = "Admin", slug, saved = true }),
        };
    }

    private async Task<Entry?> LoadAsync(string slug, CancellationToken ct)
    {
        var entry = await db.Entries
            .Include(e => e.Issue)
            .Include(e => e.Organisations).ThenInclude(eo => eo.Organisation)
            .Include(e => e.Tags).AsSplitQuery()
            .FirstOrDefaultAsync(e => e.Slug == slug, ct);
        if (entry is not null)
        {
            Slug = slug;
            IssueSlug = entry.Issue.Slug;
            TagsSuggested = entry.HasSuggestedTags;
            DateReadAs = entry.Date is { } date ? Display.Date(date) : null;
            Subheadings = await EntryForms.SubheadingsAsync(db, entry.IssueId, ct);
        }
        return entry;
    }

    public sealed class InputModel : EntryInput, IVersionedInput
    {
        public Guid Version { get; set; }
    }
}
