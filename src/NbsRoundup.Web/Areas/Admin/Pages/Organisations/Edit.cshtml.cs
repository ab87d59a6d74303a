using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NbsRoundup.Auditing;
using NbsRoundup.Catalogue;
using NbsRoundup.Data;
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
        if (organisation.Version != Input.Version)
        {
            return ShowConflict(organisation);
        }
        var before = organisation.Describe();
        organisation.Edit(Input.Name, Input.ShortName, Input.AliasList);
        db.Entry(organisation).Property(o => o.Version).OriginalValue = Input.Version;
        var changes = new ChangeSet(User.Identity!.Name!, $"Edited organisation {slug}");
        changes.Record(FieldChange.Organisation, slug, before, organisation.Describe());
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
        return RedirectToPage("/Organisations/Edit", new { area = "Admin", slug, saved = true });
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

    private IActionResult ShowConflict(Organisation current)
    {
        Conflict = ConflictRow.Between(Input.Describe(), current.Describe());
        if (Conflict.Count == 0)
        {
            return RedirectToPage("/Organisations/Edit", new { area = "Admin", slug = Slug, saved = true });
        }
        ModelState.Remove("Input.Version");
        Input.Version = current.Version;
        return Page();
    }

    public sealed class InputModel
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

        public AuditFields Describe() => new AuditFields().Add("name", Name.Trim()).Add("short", FormText.Blank(ShortName))
            .Add("aliases", string.Join("; ", AliasList));
    }
}
