using Microsoft.AspNetCore.OutputCaching;
using NbsRoundup.Web.Caching;
using NbsRoundup.Web.Reading;

namespace NbsRoundup.Web.Pages;

[OutputCache(PolicyName = CachePolicies.Catalogue)]
public sealed class IndexModel(CatalogueDb db) : PageModel
{
    public IReadOnlyList<IssueRow> Issues { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var issues = await db.Issues.AsNoTracking().Published()
            .NewestFirst()
            .Select(i => new { i.Id, i.Slug, i.Title, i.TitleEn, i.Year, i.Month, i.Volume, i.Number })
            .ToListAsync(ct);
        var counts = await db.Entries.AsNoTracking().Published()
            .GroupBy(e => new { e.IssueId, e.SectionId })
            .Select(g => new { g.Key.IssueId, g.Key.SectionId, Count = g.Count() })
            .ToListAsync(ct);
        Issues = issues.Select(i =>
        {
            var sections = Section.All
                .Select(s => new SectionCount(s.Key, s.NameZh, s.NameEn, counts.FirstOrDefault(c => c.IssueId == i.Id && c.SectionId == s.Id)?.Count ?? 0))
                .Where(s => s.Count > 0)
                .ToList();
            return new IssueRow(i.Slug, i.Title, i.TitleEn, Display.Edition(i.Year, i.Month, i.Volume, i.Number), sections, sections.Sum(s => s.Count));
        }).ToList();
    }

    public sealed record IssueRow(string Slug, string Title, string? TitleEn, string Edition, IReadOnlyList<SectionCount> Sections, int EntryCount);

    public sealed record SectionCount(string Key, string NameZh, string NameEn, int Count);
}
