namespace NbsRoundup.Web.Caching;

/// <summary>
/// The output-cache policies of public pages, feeds and API responses, each named for the tags its
/// responses carry, and how a committed change (the library's CatalogueChange) maps to the tags it
/// makes stale: the catalogue as a whole always, and each entry, issue, section and organisation it names.
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
        (Catalogue, _ => [Catalogue]),
        (Issue, c => [Tag(Issue, Route(c, "slug"))]),
        (Entry, c => [Tag(Entry, Route(c, "slug"))]),
        (Section, c => [Tag(Section, Route(c, "key"))]),
        (Organisation, c => [Tag(Organisation, Route(c, "slug"))]),
    ];

    /// <summary>The tags of every cached answer a change makes stale.</summary>
    public static IEnumerable<string> StaleAfter(CatalogueChange change) =>
        new[] { Catalogue }
            .Concat(change.Entries.Select(s => Tag(Entry, s)))
            .Concat(change.Issues.Select(s => Tag(Issue, s)))
            .Concat(change.Sections.Select(s => Tag(Section, s)))
            .Concat(change.Organisations.Select(s => Tag(Organisation, s)));

    private static string Tag(string kind, string key) => kind + ":" + key;

    private const string ExtraTagsKey = "nbs-cache-also-tagged";

    /// <summary>
    /// Tags a response with entries it shows besides its own subject (an entry page's related
    /// entries): a change to any of them (a new title, a draft, a deletion) makes the response stale too.
    /// </summary>
    public static void AlsoTagEntries(HttpContext context, IEnumerable<string> slugs) =>
        context.Items[ExtraTagsKey] = slugs.Select(s => Tag(Entry, s)).ToList();

    /// <summary>The tags a handler added with <see cref="AlsoTagEntries"/>.</summary>
    internal static IEnumerable<string> AddedTags(HttpContext context) =>
        context.Items.TryGetValue(ExtraTagsKey, out var tags) && tags is IEnumerable<string> list ? list : [];

    private static string Route(HttpContext context, string name) => context.GetRouteValue(name) as string ?? "";
}
