using NbsRoundup.Data;

namespace NbsRoundup.Web.Caching;

/// <summary>
/// The output-cache policies of public pages, feeds and API responses, each named for the
/// tags its responses carry; a committed change evicts exactly the tags it names (see ChangeScope).
/// </summary>
public static class CachePolicies
{
    /// <summary>Lists, counts, the catalogue, exports, feeds, the API lists, the sitemap: any change may alter them.</summary>
    public const string Catalogue = "catalogue";
    public const string Issue = "issue";
    public const string Entry = "entry";
    public const string Section = "section";
    public const string Organisation = "organisation";

    public static IEnumerable<(string Name, Func<HttpContext, IEnumerable<string>> Tags)> All =>
    [
        (Catalogue, _ => [CatalogueChange.CatalogueTag]),
        (Issue, c => [CatalogueChange.IssueTag(Route(c, "slug"))]),
        (Entry, c => [CatalogueChange.EntryTag(Route(c, "slug"))]),
        (Section, c => [CatalogueChange.SectionTag(Route(c, "key"))]),
        (Organisation, c => [CatalogueChange.OrganisationTag(Route(c, "slug"))]),
    ];

    private static string Route(HttpContext context, string name) => context.GetRouteValue(name) as string ?? "";
}
