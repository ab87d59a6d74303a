using Microsoft.Extensions.Localization;
using NbsRoundup.Importing;
using NbsRoundup.Search;
using NbsRoundup.Web.Localization;

namespace NbsRoundup.Web.Areas.Admin.Pages.Upload;

/// <summary>
/// Imports the previewed file, in one transaction; on any error nothing is written. A token applies
/// once, and only to the issue as it was previewed: when it has changed since (applied already, or
/// edited), nothing is imported and the page shows a fresh preview of the file against it.
/// </summary>
[RequestSizeLimit(4 * NewsletterReader.MaxBytes)]
public sealed class ApplyModel(CatalogueDb db, Uploads uploads, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public ImportPlan? Plan { get; private set; }
    /// <summary>The token of a fresh preview, when the issue changed since the first.</summary>
    public string? Token { get; private set; }

    /// <summary>For each entry a fresh preview would add, entries the catalogue may already hold.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<Duplicate>> Duplicates { get; private set; } = PlanView.NoDuplicates;

    public PlanView View(ImportPlan plan) => new(plan, Duplicates);

    public IActionResult OnGet() => RedirectToPage("/Upload/Index", new { area = "Admin" });

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var userId = User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)!.Value;
        if (uploads.Unprotect(Input.Token, userId) is not { } upload)
        {
            ModelState.AddModelError("", t["This preview has expired or was changed. Nothing was imported; please upload the file again."]);
            return Page();
        }
        if (!await Uploads.IsCurrentAsync(db, upload, ct))
        {
            ModelState.AddModelError("", t["The issue has changed since this preview, or the file was imported already. Nothing was imported; below is what importing the file would do now."]);
            (Plan, Token, Duplicates) = await uploads.PreviewAsync(db, upload, User.Identity!.Name!, userId, ct);
            return Page();
        }
        Plan = await NewsletterImport.RunAsync(db, upload.Bytes, upload.Name, dryRun: false, User.Identity!.Name!, ct);
        return Plan.HasErrors || Plan.IssueSlug is null
            ? Page()
            : RedirectToPage("/Issues/Show", new { area = "Admin", slug = Plan.IssueSlug, saved = true });
    }

    public sealed class InputModel
    {
        public string? Token { get; set; }
    }
}
