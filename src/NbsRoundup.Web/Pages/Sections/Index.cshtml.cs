using Microsoft.AspNetCore.OutputCaching;
using NbsRoundup.Web.Caching;

namespace NbsRoundup.Web.Pages.Sections;

[OutputCache(PolicyName = CachePolicies.Catalogue)]
public sealed class IndexModel(CatalogueDb db) : PageModel
{
    public IReadOnlyList<Row> Sections { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var counts = await db.Entries.AsNoTracking().Published()
            .GroupBy(e => e.SectionId)
            .Select(g => new { SectionId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(c => c.SectionId, c => c.Count, ct);
        Sections = Section.All.Select(s => new Row(s.Key, s.NameZh, s.NameEn, counts.GetValueOrDefault(s.Id))).ToList();
    }

    public sealed record Row(string Key, string NameZh, string NameEn, int Count);
}
