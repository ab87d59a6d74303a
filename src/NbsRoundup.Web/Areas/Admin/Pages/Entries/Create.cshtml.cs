using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Localization;
using NbsRoundup.Importing;
using NbsRoundup.Web.Areas.Admin.Forms;
using NbsRoundup.Web.Localization;

namespace NbsRoundup.Web.Areas.Admin.Pages.Entries;

public sealed class CreateModel(CatalogueDb db, EntryAssistant assistant, IStringLocalizer<SharedResource> t) : PageModel, IEntryForm
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string IssueSlug { get; private set; } = "";
    public string IssueTitle { get; private set; } = "";
    public IReadOnlyList<string> Subheadings { get; private set; } = [];
    public string? DateReadAs => null;
    public bool TagsSuggested => false;
    public string? PreviewHtml { get; private set; }
    public EntryNotes Notes { get; private set; } = new();

    EntryInput IEntryForm.Input => Input;

    public async Task<IActionResult> OnGetAsync(string issue, string? section, CancellationToken ct)
    {
        if (await LoadAsync(issue, ct) is not { } target)
        {
            return NotFound();
        }
        var chosen = Section.All.FirstOrDefault(s => s.Key == section) ?? Section.All[0];
        Input.SectionKey = chosen.Key;
        // A new entry goes to the end of its section, where readers see it under the last sub-heading.
        Input.Subheading = await LastSubheadingAsync(target, chosen, ct);
        Input.SubheadingOf = chosen.Key;
        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync(string issue, CancellationToken ct)
    {
        if (await LoadAsync(issue, ct) is null)
        {
            return NotFound();
        }
        PreviewHtml = EntryForms.Preview(Input);
        return Page();
    }

    /// <summary>Fills the fields from the link field's address or DOI; saves nothing.</summary>
    public async Task<IActionResult> OnPostFillAsync(string issue, CancellationToken ct)
    {
        if (await LoadAsync(issue, ct) is null)
        {
            return NotFound();
        }
        Notes = await assistant.FillAsync(Input, null, ModelState, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string issue, CancellationToken ct)
    {
        var target = await LoadAsync(issue, ct);
        if (target is null)
        {
            return NotFound();
        }
        await FollowSectionAsync(target, ct);
        var content = Input.Read(target, ModelState, t);
        var slug = await SlugAsync(content, ct);
        if (content is null || slug is null)
        {
            return Page();
        }
        Notes = await assistant.CheckAsync(Input, target, null, findDuplicates: true, ct);
        if (EntryAssistant.HoldBack(Input, Notes, ModelState))
        {
            return Page();
        }
        var organisations = await OrganisationResolver.ResolveAsync(db, Input.OrganisationNames, ct);
        var (tags, suggested) = EntryTagSuggestions.Decide(Input.GivenTags, content, organisations);
        await db.Entry(target).Collection(i => i.Entries).LoadAsync(ct);
        await db.SaveAuditedAsync(new ChangeNote(User.Identity!.Name!, $"Created entry {slug} in issue {issue}"), () =>
        {
            var entry = target.AppendEntry(slug, content);
            entry.SetOrganisations(organisations);
            entry.SetTags(tags, suggested);
            entry.SetDraft(Input.Draft);
        }, ct);
        return RedirectToPage("/Issues/Show", null, new { area = "Admin", slug = issue }, slug);
    }

    /// <summary>
    /// The sub-heading the form filled in belongs to the section it was opened for: when the editor chose
    /// another section and left it as it was, the entry takes the new section's instead.
    /// </summary>
    private async Task FollowSectionAsync(Issue issue, CancellationToken ct)
    {
        if (Input.SubheadingOf is { } of && of != Input.SectionKey
            && Section.All.FirstOrDefault(s => s.Key == of) is { } opened && Section.All.FirstOrDefault(s => s.Key == Input.SectionKey) is { } chosen
            && FormText.Blank(Input.Subheading) == await LastSubheadingAsync(issue, opened, ct))
        {
            Input.Subheading = await LastSubheadingAsync(issue, chosen, ct);
            Input.SubheadingOf = chosen.Key;
            ModelState.Remove("Input.Subheading");
            ModelState.Remove("Input.SubheadingOf");
        }
    }

    private Task<string?> LastSubheadingAsync(Issue issue, Section section, CancellationToken ct) =>
        db.Entries.AsNoTracking().Where(e => e.IssueId == issue.Id && e.SectionId == section.Id)
            .OrderByDescending(e => e.Position).Select(e => e.Subheading).FirstOrDefaultAsync(ct);

    /// <summary>The slug the editor gave, or one made from the title; null (with a message) when it is taken.</summary>
    private async Task<string?> SlugAsync(EntryContent? content, CancellationToken ct)
    {
        if (FormText.Blank(Input.Slug) is { } given)
        {
            if (await db.Entries.AnyAsync(e => e.Slug == given, ct))
            {
                ModelState.AddModelError("Input.Slug", t["Another entry already has this address."]);
                return null;
            }
            return given;
        }
        if (content is null)
        {
            return null;
        }
        var made = Names.Slugify(content.OriginalTitle ?? content.Title, "e");
        var slug = made;
        for (var n = 2; await db.Entries.AnyAsync(e => e.Slug == slug, ct); n++)
        {
            slug = $"{made}-{n}";
        }
        return slug;
    }

    private async Task<Issue?> LoadAsync(string slug, CancellationToken ct)
    {
        var issue = await db.Issues.FirstOrDefaultAsync(i => i.Slug == slug, ct);
        if (issue is not null)
        {
            (IssueSlug, IssueTitle) = (issue.Slug, issue.Title);
            Subheadings = await EntryForms.SubheadingsAsync(db, issue.Id, ct);
        }
        return issue;
    }

    public sealed class InputModel : EntryInput
    {
        [StringLength(100, ErrorMessage = "At most 100 characters.")]
        [Slug]
        public string? Slug { get; set; }

        /// <summary>The section whose sub-heading the form filled in.</summary>
        [StringLength(50)]
        public string? SubheadingOf { get; set; }
    }
}
