using Microsoft.AspNetCore.OutputCaching;
using NbsRoundup.Search;
using NbsRoundup.Web.Caching;
using NbsRoundup.Web.Reading;
using NbsRoundup.Web.Sharing;

namespace NbsRoundup.Web.Pages.Issues;

[OutputCache(PolicyName = CachePolicies.Issue)]
public sealed class ShowModel(CatalogueDb db) : PageModel
{
    public IssueHeader Issue { get; private set; } = null!;
    public IReadOnlyList<SectionBlock> Sections { get; private set; } = [];
    public SharingTags Sharing { get; private set; } = null!;

    /// <summary>True when the issue is a draft, shown to a signed-in editor.</summary>
    public bool IsDraft { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var contents = await IssueContents.LoadAsync(db, slug, ct);
        if (contents is null && Drafts.AreVisibleTo(HttpContext))
        {
            contents = await IssueContents.LoadAsync(db, slug, draft: true, ct);
            IsDraft = contents is not null;
        }
        if (contents is null)
        {
            return NotFound();
        }
        if (IsDraft)
        {
            Drafts.MarkResponse(Response);
        }
        var issue = contents.Issue;
        Issue = new IssueHeader(issue.Slug, issue.Title, issue.TitleEn, issue.Publisher,
            Display.Edition(issue.Year, issue.Month, issue.Volume, issue.Number), issue.Rendered.Html);
        Sharing = SharingTags.Article(issue.Title, issue.Rendered.Text);
        Sections = contents.Sections
            .Select(s => new SectionBlock(s.Section.Key, s.Section.NameZh, s.Section.NameEn,
                s.IntroductionHtml, SubheadingGroup.Of(s.Entries)))
            .ToList();
        return Page();
    }

    public sealed record IssueHeader(string Slug, string Title, string? TitleEn, string? Publisher, string Edition, string IntroductionHtml);

    public sealed record SectionBlock(string Key, string NameZh, string NameEn, string IntroHtml, IReadOnlyList<SubheadingGroup> Groups)
    {
        public int Count => Groups.Sum(g => g.Entries.Count);
    }
}
