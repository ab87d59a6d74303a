using NbsRoundup.Discovery;
using NbsRoundup.Search;
using NbsRoundup.Web.Localization;

namespace NbsRoundup.Web.Reading;

/// <summary>A world map of entries per country (SVG) and its key as text: the shades and the counts each stands for.</summary>
public sealed record MapView(string Svg, IReadOnlyList<MapBin> Bins);

/// <summary>World maps of entries per country (Discovery.WorldMap), in the reader's language, linking where the page wants.</summary>
public static class Maps
{
    /// <summary>The map of a result set: each country with entries adds `place=XX` to the current query.</summary>
    public static MapView? Narrowing(SearchResult result) =>
        result.Facets is { } facets && result.Total > 0
            ? Of(CountryCounts(facets.Places), code => CatalogueLinks.Narrow(result.Query, q => q with { Places = [.. q.Places.Where(p => p != code), code] }))
            : null;

    /// <summary>
    /// A map of entries per country, each country with entries a link. Its key is the page's own
    /// text, not the SVG's: scaled to a phone's width, text in the SVG would be too small to read.
    /// </summary>
    public static MapView Of(IReadOnlyDictionary<string, int> counts, Func<string, string> href) =>
        new(WorldMap.Render(counts, href, WorldMapTexts.For(PortalLocalization.IsEnglish ? "en" : "zh"), legend: false),
            WorldMap.Bins(WorldMap.MaxShown(counts)));

    /// <summary>The countries of a places facet, by code.</summary>
    public static Dictionary<string, int> CountryCounts(IEnumerable<FacetCount> places) =>
        places.Where(p => p.Key is not null && Places.ByCode(p.Key)?.IsCountry == true).ToDictionary(p => p.Key!, p => p.Count, StringComparer.Ordinal);
}
