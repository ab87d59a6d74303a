using NbsRoundup.Search;

namespace NbsRoundup.Web.Reading;

/// <summary>The entries of a topic's or a place's page: newest first, a page at a time (`?page=2`).</summary>
public static class TaggedEntries
{
    /// <summary>One page of the entries the query names; null when the page number cannot be used.</summary>
    public static async Task<SearchResult?> PageAsync(CatalogueDb db, HttpRequest request, CatalogueQuery query, bool facets, CancellationToken ct)
    {
        var (paging, errors) = CatalogueQuery.Parse(name => name == "page" ? request.Query[name].OfType<string>().ToList() : []);
        if (errors.Count > 0)
        {
            return null;
        }
        var result = await new CatalogueSearch(db).RunAsync(query with { Page = paging.Page, Sort = CatalogueSort.Date }, new CatalogueSearch.Options(Facets: facets), ct);
        return result.Errors.Count > 0 ? null : result;
    }
}

/// <summary>A page of a topic's or place's entries and the address its pager links to.</summary>
public sealed record TaggedEntriesView(SearchResult Result, string Path);
