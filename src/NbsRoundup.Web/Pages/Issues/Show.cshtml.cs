using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using NbsRoundup.Catalogue;
using NbsRoundup.Data;
using NbsRoundup.Rendering;
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

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var issue = await db.Issues.AsNoTracking().Published()
            .Where(i => i.Slug == slug)
            .Select(i => new { i.Id, i.Slug, i.Title, i.TitleEn, i.Publisher, i.Year, i.Month, i.Volume, i.Number, i.Introduction })
            .FirstOrDefaultAsync(ct);
        if (issue is null)
        {
            return NotFound();
        }
        var intros = await db.IssueSectionIntros.AsNoTracking()
            .Where(s => s.IssueId == issue.Id)
            .ToDictionaryAsync(s => s.SectionId, s => s.Markdown, ct);
        var entries = await db.Entries.AsNoTracking().Published()
            .Where(e => e.IssueId == issue.Id)
            .OrderBy(e => e.Section.Position).ThenBy(e => e.Position).ThenBy(e => e.Id)
            .Select(EntryRow.Projection)
            .ToListAsync(ct);

        Issue = new IssueHeader(issue.Slug, issue.Title, issue.TitleEn, issue.Publisher,
            Display.Edition(issue.Year, issue.Month, issue.Volume, issue.Number), MarkdownRenderer.ToHtml(issue.Introduction));
        Sharing = SharingTags.Article(issue.Title, issue.Introduction);
        Sections = Section.All
            .Select(s => new SectionBlock(s.Key, s.NameZh, s.NameEn,
                MarkdownRenderer.ToHtml(intros.GetValueOrDefault(s.Id, "")),
                SubheadingGroup.Of(entries.Where(e => e.SectionKey == s.Key))))
            .Where(s => s.Groups.Count > 0 || s.IntroHtml.Length > 0)
            .ToList();
        return Page();
    }

    public sealed record IssueHeader(string Slug, string Title, string? TitleEn, string? Publisher, string Edition, string IntroductionHtml);

    public sealed record SectionBlock(string Key, string NameZh, string NameEn, string IntroHtml, IReadOnlyList<SubheadingGroup> Groups)
    {
        public int Count => Groups.Sum(g => g.Entries.Count);
    }
}
