using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Localization;
using NbsRoundup.Web.Areas.Admin.Forms;
using NbsRoundup.Web.Localization;

namespace NbsRoundup.Web.Areas.Admin.Pages.Organisations;

/// <summary>An organisation's name, short name and aliases; one name belongs to one organisation only.</summary>
public sealed class EditModel(CatalogueDb db, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string Slug { get; private set; } = "";
    public bool Saved { get; private set; }
    public IReadOnlyList<ConflictRow> Conflict { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, bool saved, CancellationToken ct)
    {
        var organisation = await LoadAsync(slug, ct);
        if (organisation is null)
        {
            return NotFound();
        }
        Saved = saved;
        (Input.Name, Input.ShortName, Input.Version) = (organisation.Name, organisation.ShortName, organisation.Version);
        Input.Aliases = string.Join("\n", organisation.Aliases.Select(a => a.Name));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken ct)
    {
        var organisation = await LoadAsync(slug, ct);
        if (organisation is null)
        {
            return NotFound();
        }
        await CheckNamesAreFreeAsync(organisation.Id, ct);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await db.SaveAuditedAsync(new ChangeNote(User.Identity!.Name!, $"Edited organisation {slug}"), organisation, Input.Version,
            () => organisation.Edit(Input.Name, Input.ShortName, Input.AliasList), ct);
        return result.Outcome switch
        {
            SaveOutcome.Gone => NotFound(),
            SaveOutcome.Conflict when (Conflict = ConflictRow.Show(result, Input, ModelState)).Count > 0 => Page(),
            _ => RedirectToPage("/Organisations/Edit", new { area = "Admin", slug, saved = true }),
        };
    }

    private async Task CheckNamesAreFreeAsync(int id, CancellationToken ct)
    {
        foreach (var name in new[] { Input.Name, Input.ShortName }.Concat(Input.AliasList).OfType<string>().Where(n => n.Trim().Length > 0))
        {
            if (await OrganisationLookup.FindAsync(db, name.Trim(), ct) is { } other && other.Id != id)
            {
                ModelState.AddModelError("Input.Aliases", t["'{0}' is already a name of {1}; merge the two organisations instead.", name.Trim(), other.Name]);
            }
        }
    }

    private async Task<Organisation?> LoadAsync(string slug, CancellationToken ct)
    {
        Slug = slug;
        return await db.Organisations.Include(o => o.Aliases).FirstOrDefaultAsync(o => o.Slug == slug, ct);
    }

    public sealed class InputModel : IVersionedInput
    {
        [Required(ErrorMessage = "Enter the name.")]
        [StringLength(300, ErrorMessage = "At most 300 characters.")]
        [SingleLine]
        public string Name { get; set; } = "";

        [StringLength(50, ErrorMessage = "At most 50 characters.")]
        [SingleLine]
        public string? ShortName { get; set; }

        /// <summary>One alias a line.</summary>
        [StringLength(10_000, ErrorMessage = "At most 10,000 characters.")]
        public string? Aliases { get; set; }

        public Guid Version { get; set; }

        public IReadOnlyList<string> AliasList => (Aliases ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

        public EntityFields Describe() => new EntityFields().Add("name", Name.Trim()).Add("short", FormText.Blank(ShortName))
            .Add("aliases", string.Join("; ", AliasList));
    }
}
