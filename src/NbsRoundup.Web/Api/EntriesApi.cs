using Microsoft.AspNetCore.Http.HttpResults;
using NbsRoundup.Search;
using NbsRoundup.Web.Exports;
using NbsRoundup.Web.Caching;

namespace NbsRoundup.Web.Api;

/// <summary>`GET /api/entries`: the catalogue query, exactly as the page takes it, as JSON.</summary>
public static class EntriesApi
{
    public static IEndpointRouteBuilder MapEntriesApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/entries", SearchAsync)
            .CachedAs(CachePolicies.Catalogue)
            .WithMetadata(new ReadsCatalogueQueryAttribute())
            .WithName("SearchEntries")
            .WithTags("Entries")
            .WithSummary("Published entries matching q, section, issue, organisation, from, to; sorted by date or relevance; paged.");
        return endpoints;
    }

    private static async Task<Results<Ok<EntriesPage>, ValidationProblem>> SearchAsync(
        HttpRequest request, CatalogueDb db, CancellationToken ct,
        string? q = null, string[]? section = null, string? issue = null, string? organisation = null,
        string? from = null, string? to = null, string? sort = null, string? page = null, string? pageSize = null)
    {
        // The typed parameters document the API; the query string itself is read the one way every entry point reads it.
        var (query, errors) = QueryProblems.Read(request);
        if (errors.Count > 0)
        {
            return QueryProblems.ValidationProblem(errors);
        }
        var result = await new CatalogueSearch(db).RunAsync(query, new CatalogueSearch.Options(Facets: false), ct);
        if (result.Errors.Count > 0)
        {
            return QueryProblems.ValidationProblem(result.Errors);
        }
        var baseUrl = QueryProblems.BaseUrl(request);
        return TypedResults.Ok(new EntriesPage(result.Total, query.Page, query.PageSize, result.Items.Select(i => EntryDto.From(i, baseUrl)).ToList()));
    }
}
