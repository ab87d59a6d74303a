using NbsRoundup.Search;

namespace NbsRoundup.Web.Reading;

/// <summary>The pages of a result set and the address of each: the catalogue's, or a topic's or place's own.</summary>
public sealed record Pager(int Page, int PageCount, Func<int, string> Link)
{
    /// <summary>Pages of the catalogue: the same query, another page.</summary>
    public static Pager Of(SearchResult result) =>
        new(result.Query.Page, result.PageCount, page => CatalogueLinks.Page(result.Query with { Page = page }));

    /// <summary>Pages of a page of its own (`/topics/wetlands`): only the page number changes.</summary>
    public static Pager Of(SearchResult result, string path) =>
        new(result.Query.Page, result.PageCount, page => page == 1 ? path : CatalogueLinks.To(path, new CatalogueQuery { Page = page }));
}
