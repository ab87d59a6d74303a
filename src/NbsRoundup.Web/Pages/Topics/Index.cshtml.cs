using Microsoft.AspNetCore.OutputCaching;
using NbsRoundup.Search;
using NbsRoundup.Web.Caching;

namespace NbsRoundup.Web.Pages.Topics;

/// <summary>The three topic vocabularies, each topic with its number of published entries.</summary>
[OutputCache(PolicyName = CachePolicies.Catalogue)]
public sealed class IndexModel(CatalogueDb db) : PageModel
{
    public IReadOnlyDictionary<string, int> Counts { get; private set; } = new Dictionary<string, int>();

    public async Task OnGetAsync(CancellationToken ct) => Counts = await TagCounts.TopicsAsync(db, ct);
}
