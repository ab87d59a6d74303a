using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Localization;
using NbsRoundup.Importing;
using NbsRoundup.Search;
using NbsRoundup.Web.Localization;

namespace NbsRoundup.Web.Areas.Admin.Pages.Upload;

/// <summary>Upload a newsletter file and see what importing it would do; nothing is written here.</summary>
[RequestSizeLimit(MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
public sealed class IndexModel(CatalogueDb db, Uploads uploads, IStringLocalizer<SharedResource> t) : PageModel
{
    // Twice the file's own limit: a file a little over 1 MB gets a clear message below rather
    // than a bare 413 from the server; anything larger is cut off before it is read.
    public const int MaxRequestBytes = 2 * NewsletterReader.MaxBytes;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public ImportPlan? Plan { get; private set; }
    public string? Token { get; private set; }

    /// <summary>For each entry the file would add, entries the catalogue may already hold.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<Duplicate>> Duplicates { get; private set; } = new Dictionary<string, IReadOnlyList<Duplicate>>();

    public PlanView View(ImportPlan plan) => new(plan, Duplicates);

    public void OnGet()
    {
        // The form.
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var file = Input.File;
        if (file is not null && !Path.GetExtension(file.FileName).Equals(".md", StringComparison.OrdinalIgnoreCase))
        {
            ModelState.AddModelError("Input.File", t["Only newsletter files in Markdown, ending in .md, can be uploaded."]);
        }
        else if (file is not null && NewsletterImport.IsTooLarge(file.Length))
        {
            ModelState.AddModelError("Input.File", t["The file is larger than 1 MB, the most a newsletter file may be."]);
        }
        if (!ModelState.IsValid || file is null)
        {
            return Page();
        }
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var upload = new UploadedFile(Uploads.DisplayName(file.FileName), buffer.ToArray());
        (Plan, Token, Duplicates) = await uploads.PreviewAsync(db, upload, User.Identity!.Name!, UserId, ct);
        return Page();
    }

    private string UserId => User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)!.Value;

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Choose a newsletter file (.md).")]
        public IFormFile? File { get; set; }
    }
}
