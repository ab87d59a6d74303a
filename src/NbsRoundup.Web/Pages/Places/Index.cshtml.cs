using Microsoft.AspNetCore.OutputCaching;
using NbsRoundup.Discovery;
using NbsRoundup.Search;
using NbsRoundup.Web.Caching;
using NbsRoundup.Web.Reading;

namespace NbsRoundup.Web.Pages.Places;

/// <summary>Every place with published entries, and the map of them: worldwide, by region, by country.</summary>
[OutputCache(PolicyName = CachePolicies.Catalogue)]
public sealed class IndexModel(CatalogueDb db) : PageModel
{
    public IReadOnlyDictionary<string, int> Counts { get; private set; } = new Dictionary<string, int>();
    public MapView Map { get; private set; } = null!;

    public IEnumerable<Place> Regions => NbsRoundup.Discovery.Places.Regions.Where(r => Counts.ContainsKey(r.Code)).OrderBy(Display.Name, StringComparer.CurrentCulture);

    public IEnumerable<Place> Countries => NbsRoundup.Discovery.Places.Countries.Where(c => Counts.ContainsKey(c.Code)).OrderBy(Display.Name, StringComparer.CurrentCulture);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Counts = await TagCounts.PlacesAsync(db, ct);
        Map = Maps.Of(Counts.Where(c => NbsRoundup.Discovery.Places.ByCode(c.Key)?.IsCountry == true).ToDictionary(), Paths.Place);
    }
}
