using Microsoft.Extensions.Localization;
using NbsRoundup.Search;
using NbsRoundup.Web.Localization;

namespace NbsRoundup.Web.Areas.Admin.Pages.WorkList;

/// <summary>The editors' work list: entries that still need something, by kind, each linked to its form; and the link checker's button.</summary>
public sealed class IndexModel(CatalogueDb db, LinkCheckRuns checks, IStringLocalizer<SharedResource> t) : PageModel
{
    public WorkListResult Work { get; private set; } = null!;
    public IReadOnlyList<(string Slug, string Title)> Issues { get; private set; } = [];
    public string? Issue { get; private set; }
    public WorkKind? Kind { get; private set; }
    public LinkCheckState? Check => checks.State;
    public string? Notice { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? issue, string? kind, bool started, CancellationToken ct)
    {
        if (!await LoadAsync(issue, kind, ct))
        {
            return NotFound();
        }
        Notice = started ? t["The link check has started; this page shows how far it has come."].Value : null;
        return Page();
    }

    /// <summary>Asks for a link check in the background (see LinkCheckRuns for why not in this request).</summary>
    public async Task<IActionResult> OnPostCheckLinksAsync(string? issue, CancellationToken ct)
    {
        if (issue is not null && !await db.Issues.AnyAsync(i => i.Slug == issue, ct))
        {
            return NotFound();
        }
        if (!checks.TryStart(issue, User.Identity!.Name!))
        {
            await LoadAsync(issue, null, ct);
            Notice = t["A link check is already running; wait until it has finished."];
            return Page();
        }
        return RedirectToPage("/WorkList/Index", new { area = "Admin", issue, started = true });
    }

    private async Task<bool> LoadAsync(string? issue, string? kind, CancellationToken ct)
    {
        Issue = string.IsNullOrEmpty(issue) ? null : issue;
        Kind = Enum.TryParse<WorkKind>(kind, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;
        if (kind is { Length: > 0 } && Kind is null)
        {
            return false;
        }
        Issues = (await db.Issues.AsNoTracking()
            .NewestFirst()
            .Select(i => new { i.Slug, i.Title }).ToListAsync(ct))
            .Select(i => (i.Slug, i.Title)).ToList();
        if (Issue is not null && Issues.All(i => i.Slug != Issue))
        {
            return false;
        }
        Work = await Search.WorkList.LoadAsync(db, Issue, Kind, ct);
        return true;
    }

    /// <summary>The kind's name as the page and its filter show it.</summary>
    public string KindName(WorkKind kind) => kind switch
    {
        WorkKind.AwaitedLink => t["Link awaited (link: #)"],
        WorkKind.MissingLink => t["No link"],
        WorkKind.BrokenLink => t["Broken link"],
        WorkKind.SuggestedTags => t["Suggested topics or places to confirm"],
        WorkKind.NoOrganisations => t["No organisation"],
        _ => t["Date kept from an impossible one"],
    };

    /// <summary>The kind as written in the address: awaitedlink, brokenlink ...</summary>
    public static string KindKey(WorkKind kind) => kind.ToString().ToLowerInvariant();
}
