namespace NbsRoundup.Web.Areas.Admin.Pages.Issues;

/// <summary>One issue as editors see it: every entry, drafts included, with buttons to order them.</summary>
public sealed class ShowModel(CatalogueDb db) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public Header Issue { get; private set; } = null!;
    public IReadOnlyList<Row> Entries { get; private set; } = [];
    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, bool saved, CancellationToken ct)
    {
        Saved = saved;
        var issue = await db.Issues.AsNoTracking().Where(i => i.Slug == slug)
            .Select(i => new Header(i.Slug, i.Title, i.Year, i.Month, i.IsPublished))
            .FirstOrDefaultAsync(ct);
        if (issue is null)
        {
            return NotFound();
        }
        Issue = issue;
        Entries = await db.Entries.AsNoTracking().Where(e => e.Issue.Slug == slug)
            .OrderBy(e => e.Section.Position).ThenBy(e => e.Position).ThenBy(e => e.Id)
            .Select(e => new Row(e.Slug, e.Title, e.SectionId, e.Subheading, e.IsPublished, e.DateText, e.Tags.Any(t => t.IsSuggested)))
            .ToListAsync(ct);
        return Page();
    }

    public Task<IActionResult> OnPostMoveUpAsync(string slug, CancellationToken ct) =>
        ChangeAsync(slug, $"Moved entry {Input.Entry} up", (issue, entry) => entry is not null && issue.MoveUp(entry), ct);

    public Task<IActionResult> OnPostMoveDownAsync(string slug, CancellationToken ct) =>
        ChangeAsync(slug, $"Moved entry {Input.Entry} down", (issue, entry) => entry is not null && issue.MoveDown(entry), ct);

    public Task<IActionResult> OnPostMoveToAsync(string slug, CancellationToken ct) =>
        ChangeAsync(slug, $"Moved entry {Input.Entry} to section {Input.Section}",
            (issue, entry) => entry is not null && Section.All.FirstOrDefault(s => s.Key == Input.Section) is { } section && issue.MoveTo(entry, section.Id), ct);

    public Task<IActionResult> OnPostPublishAsync(string slug, CancellationToken ct) =>
        ChangeAsync(slug, $"Published issue {slug}", (issue, _) => Toggle(issue, draft: false), ct);

    public Task<IActionResult> OnPostUnpublishAsync(string slug, CancellationToken ct) =>
        ChangeAsync(slug, $"Made issue {slug} a draft", (issue, _) => Toggle(issue, draft: true), ct);

    private static bool Toggle(Issue issue, bool draft)
    {
        var changed = issue.IsPublished == draft;
        issue.SetDraft(draft);
        return changed;
    }

    /// <summary>Applies one change to the issue or one of its entries, with its audit record, and comes back here.</summary>
    private async Task<IActionResult> ChangeAsync(string slug, string description, Func<Issue, Entry?, bool> change, CancellationToken ct)
    {
        var issue = await db.Issues.Include(i => i.Entries).FirstOrDefaultAsync(i => i.Slug == slug, ct);
        if (issue is null)
        {
            return NotFound();
        }
        var entry = issue.Entries.FirstOrDefault(e => e.Slug == Input.Entry);
        if (Input.Entry is not null && entry is null)
        {
            return NotFound();
        }
        await db.SaveAuditedAsync(new ChangeNote(User.Identity!.Name!, description), () => change(issue, entry), ct);
        return RedirectToPage("/Issues/Show", null, new { area = "Admin", slug }, entry?.Slug);
    }

    public sealed record Header(string Slug, string Title, int Year, int Month, bool IsPublished);

    // HasSuggestedTags: some of its topics or places were suggested by the portal and await an editor.
    public sealed record Row(string Slug, string Title, int SectionId, string? Subheading, bool IsPublished, string? DateText, bool HasSuggestedTags);

    public sealed class InputModel
    {
        /// <summary>The entry to move.</summary>
        public string? Entry { get; set; }

        /// <summary>The key of the section to move it to.</summary>
        public string? Section { get; set; }
    }
}
