using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Localization;
using NbsRoundup.Web.Localization;

namespace NbsRoundup.Web.Areas.Admin.Pages.Organisations;

/// <summary>Merges this organisation into another: first a summary of what will happen, then, confirmed, the merge.</summary>
public sealed class MergeModel(CatalogueDb db, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public Summary Source { get; private set; } = null!;
    /// <summary>Set once the editor has named the other organisation: what the merge will do.</summary>
    public Summary? Target { get; private set; }
    public int SharedEntries { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct) =>
        await SummarizeAsync(slug, ct) is { } source ? Show(source) : NotFound();

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken ct)
    {
        if (await SummarizeAsync(slug, ct) is not { } source)
        {
            return NotFound();
        }
        Source = source;
        var found = ModelState.IsValid ? await OrganisationLookup.FindAsync(db, Input.Target.Trim(), ct) : null;
        if (ModelState.IsValid && (found is null || found.Slug == slug))
        {
            ModelState.AddModelError("Input.Target", found is null ? t["No organisation has this name."] : t["Choose another organisation."]);
        }
        if (!ModelState.IsValid || found is null)
        {
            return Page();
        }
        if (!Input.Confirmed)
        {
            Target = await SummarizeAsync(found.Slug, ct);
            SharedEntries = await db.Entries.CountAsync(e => e.Organisations.Any(o => o.OrganisationId == source.Id) && e.Organisations.Any(o => o.OrganisationId == found.Id), ct);
            ModelState.Remove("Input.Target");
            Input.Target = found.Slug;
            return Page();
        }
        await MergeAsync(slug, found.Slug, ct);
        return RedirectToPage("/Organisations/Edit", new { area = "Admin", slug = found.Slug, saved = true });
    }

    private async Task MergeAsync(string sourceSlug, string targetSlug, CancellationToken ct)
    {
        var source = await db.Organisations.Include(o => o.Aliases).SingleAsync(o => o.Slug == sourceSlug, ct);
        var target = await db.Organisations.Include(o => o.Aliases).SingleAsync(o => o.Slug == targetSlug, ct);
        var entries = await db.Entries.Include(e => e.Organisations).ThenInclude(eo => eo.Organisation)
            .Where(e => e.Organisations.Any(o => o.OrganisationId == source.Id)).ToListAsync(ct);
        await db.SaveAuditedAsync(new ChangeNote(User.Identity!.Name!, $"Merged organisation {sourceSlug} into {targetSlug}"), () =>
        {
            source.MergeInto(target, entries);
            db.Organisations.Remove(source);
        }, ct);
    }

    private async Task<Summary?> SummarizeAsync(string slug, CancellationToken ct) =>
        await db.Organisations.AsNoTracking().Where(o => o.Slug == slug)
            .Select(o => new Summary(o.Id, o.Slug, o.Name, o.ShortName, o.Aliases.Select(a => a.Name).ToList(),
                db.EntryOrganisations.Count(eo => eo.OrganisationId == o.Id)))
            .FirstOrDefaultAsync(ct);

    private PageResult Show(Summary source)
    {
        Source = source;
        return Page();
    }

    public sealed record Summary(int Id, string Slug, string Name, string? ShortName, IReadOnlyList<string> Aliases, int Entries);

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Name the organisation to merge into.")]
        [StringLength(300, ErrorMessage = "At most 300 characters.")]
        public string Target { get; set; } = "";

        public bool Confirmed { get; set; }
    }
}
