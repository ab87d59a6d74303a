using Microsoft.AspNetCore.Http.Extensions;
using NbsRoundup.Search;

namespace NbsRoundup.Web.Reading;

/// <summary>Addresses of result sets: every filter lives in the query string, so every result set can be shared.</summary>
public static class CatalogueLinks
{
    public static string To(string path, CatalogueQuery query, bool withPaging = true)
    {
        var builder = new QueryBuilder(query.ToParameters(withPaging));
        return path + builder.ToQueryString();
    }

    public static string Page(CatalogueQuery query) => To("/entries", query);

    public static string Narrow(CatalogueQuery query, Func<CatalogueQuery, CatalogueQuery> change) => Page(change(query) with { Page = 1 });
}
