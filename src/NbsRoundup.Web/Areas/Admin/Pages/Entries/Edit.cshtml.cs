using Microsoft.Extensions.Localization;
using NbsRoundup.Importing;
using NbsRoundup.Web.Areas.Admin.Forms;
using NbsRoundup.Web.Localization;
using NbsRoundup.Web.Reading;

namespace NbsRoundup.Web.Areas.Admin.Pages.Entries;

public sealed class EditModel(CatalogueDb db, EntryAssistant assistant, IStringLocalizer<SharedResource> t) : PageModel, IEntryForm
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string Slug { get; private set; } = "";
    public string IssueSlug { get; private set; } = "";
    public bool IsPublished { get; private set; }
    public bool Saved { get; private set; }
    public IReadOnlyList<string> Subheadings { get; private set; } = [];
    public string? DateReadAs { get; private set; }
    public string? PreviewHtml { get; private set; }
    public bool TagsSuggested { get; private set; }
    public IReadOnlyList<ConflictRow> Conflict { get; private set; } = [];
    public EntryNotes Notes { get; private set; } = new();

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
        // A date kept from one that does not exist (an import's warning) is shown where it can be put right.
        Notes.DateWarning = Input.DateWarning(entry.Issue, t);
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

    /// <summary>Fills the fields from the link field's address or DOI; saves nothing.</summary>
    public async Task<IActionResult> OnPostFillAsync(string slug, CancellationToken ct)
    {
        if (await LoadAsync(slug, ct) is null)
        {
            return NotFound();
        }
        Notes = await assistant.FillAsync(Input, slug, ModelState, ct);
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
        // Warnings about what this save changes: an entry that already had them is not held back again.
        var sameItem = content.Link == entry.Link && content.Title == entry.Title && content.OriginalTitle == entry.OriginalTitle;
        Notes = await assistant.CheckAsync(Input, entry.Issue, slug, findDuplicates: !sameItem, ct);
        if (FormText.Blank(Input.Date) == entry.DateText)
        {
            Notes.DateWarning = null;
        }
        if (EntryAssistant.HoldBack(Input, Notes, ModelState))
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
        var subheadingTyped = content.Subheading != entry.Subheading;
        var result = await db.SaveAuditedAsync(new ChangeNote(User.Identity!.Name!, $"Edited entry {slug}"), entry, Input.Version, () =>
        {
            entry.Update(content with { SectionId = entry.SectionId, Position = entry.Position });
            if (entry.Issue.MoveTo(entry, content.SectionId) && subheadingTyped)
            {
                // Moved to another section: it lands under that section's last sub-heading, unless the editor gave one.
                entry.Update(content with { SectionId = entry.SectionId, Position = entry.Position });
            }
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
            IsPublished = entry.IsPublished && entry.Issue.IsPublished;
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
