using Microsoft.AspNetCore.OutputCaching;
using NbsRoundup.Discovery;
using NbsRoundup.Search;
using NbsRoundup.Web.Caching;
using NbsRoundup.Web.Reading;

namespace NbsRoundup.Web.Pages.Places;

/// <summary>One place: its entries (for a region, those of its countries too), newest first, with their map and a feed.</summary>
[OutputCache(PolicyName = CachePolicies.Catalogue)]
public sealed class ShowModel(CatalogueDb db) : PageModel
{
    public Place Place { get; private set; } = null!;
    public SearchResult Result { get; private set; } = null!;
    public MapView? Map { get; private set; }

    /// <summary>The regions the place lies in, innermost first.</summary>
    public IEnumerable<Place> Within => NbsRoundup.Discovery.Places.Within(Place.Code).Where(c => c != Place.Code)
        .Select(c => NbsRoundup.Discovery.Places.ByCode(c)!).OrderByDescending(p => NbsRoundup.Discovery.Places.Within(p.Code).Count);

    /// <summary>For a region, the places inside it that have entries here, with their counts.</summary>
    public IEnumerable<FacetCount> Inside => Result.Facets?.Places.Where(p => p.Key != Place.Code && NbsRoundup.Discovery.Places.IsWithin(p.Key!, Place.Code)) ?? [];

    public async Task<IActionResult> OnGetAsync(string? code, CancellationToken ct)
    {
        // Model binding makes a value of spaces null, and no place is called that.
        if (string.IsNullOrWhiteSpace(code))
        {
            return NotFound();
        }
        if (NbsRoundup.Discovery.Places.ByCode(code) is not { } place)
        {
            // /places/bz, /places/伯利兹 or /places/Belize lead to the place's own address.
            return NbsRoundup.Discovery.Places.Find(code) is { } named ? RedirectPermanent(Paths.Place(named.Code)) : NotFound();
        }
        Place = place;
        var result = await TaggedEntries.PageAsync(db, Request, new CatalogueQuery { Places = [place.Code] }, facets: true, ct);
        if (result is null)
        {
            return BadRequest();
        }
        Result = result;
        Map = result.Total > 0 && place.Kind != PlaceKind.Country ? Maps.Of(Maps.CountryCounts(result.Facets!.Places), Paths.Place) : null;
        return Page();
    }
}
