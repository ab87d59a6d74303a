using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Localization;
using NbsRoundup.Web.Areas.Admin.Forms;
using NbsRoundup.Web.Localization;

namespace NbsRoundup.Web.Areas.Admin.Pages.Issues;

public sealed class CreateModel(CatalogueDb db, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public void OnGet()
    {
        var now = DateTime.UtcNow;
        (Input.Year, Input.Month, Input.Draft) = (now.Year, now.Month, true);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var slug = Input.Slug.Trim();
        if (ModelState.IsValid && await db.Issues.AnyAsync(i => i.Slug == slug, ct))
        {
            ModelState.AddModelError("Input.Slug", t["Another issue already has this address."]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        await db.SaveAuditedAsync(new ChangeNote(User.Identity!.Name!, $"Created issue {slug}"), () =>
        {
            var issue = new Issue(slug, Input.Details);
            Input.ApplyTo(issue);
            db.Issues.Add(issue);
        }, ct);
        return RedirectToPage("/Issues/Show", new { area = "Admin", slug });
    }

    public sealed class InputModel : IssueInput
    {
        [Required(ErrorMessage = "Enter the issue's address, such as 2022-01.")]
        [Slug]
        public string Slug { get; set; } = "";
    }
}
