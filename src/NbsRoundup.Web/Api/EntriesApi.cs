using Microsoft.AspNetCore.Http.HttpResults;
using NbsRoundup.Search;
using NbsRoundup.Web.Exports;
using NbsRoundup.Web.Caching;
using NbsRoundup.Web.Reading;

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
            .WithSummary("Published entries matching q, section, issue, organisation, from, to, topic, place; sorted by date or relevance; paged.")
            .WithDescription("q is expanded through the bilingual glossary into the other language (wetland also finds 湿地) unless exact=true; "
                + "entries matching the keywords as typed rank first, and expandedWith says what was added. topic (repeatable) takes topic keys or names "
                + "in either language, place (repeatable) ISO country codes, UN M49 region codes, global or their names; every one given must match, "
                + "and a region takes in the countries inside it.");
        endpoints.MapGet("/api/entries/{slug}", GetAsync)
            .CachedAs(CachePolicies.Entry)
            .WithName("GetEntry")
            .WithTags("Entries")
            .WithSummary("One published entry with its topics, places and up to five related entries from any issue.");
        return endpoints;
    }

    private static async Task<Results<Ok<EntriesPage>, ValidationProblem>> SearchAsync(
        HttpRequest request, CatalogueDb db, CancellationToken ct,
        string? q = null, string[]? section = null, string? issue = null, string? organisation = null,
        string? from = null, string? to = null, string? sort = null, string? page = null, string? pageSize = null,
        string[]? topic = null, string[]? place = null, string? exact = null)
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
        return TypedResults.Ok(new EntriesPage(result.Total, query.Page, query.PageSize, result.Items.Select(i => EntryDto.From(i, baseUrl)).ToList())
        {
            ExpandedWith = result.ExpandedWith,
        });
    }

    private static async Task<Results<Ok<EntryDetailDto>, NotFound>> GetAsync(string slug, HttpContext context, CatalogueDb db, CancellationToken ct)
    {
        var entry = await EntryDetails.LoadAsync(db, slug, ct);
        if (entry is null)
        {
            return TypedResults.NotFound();
        }
        var baseUrl = QueryProblems.BaseUrl(context.Request);
        CachePolicies.AlsoTagEntries(context, entry.Related.Select(r => r.Slug));
        return TypedResults.Ok(new EntryDetailDto(EntryDto.From(entry.Row, baseUrl),
            entry.Related.Select(r => new RelatedEntryDto(r.Slug, r.Title, r.IssueSlug, r.Date?.Iso, Paths.Absolute(baseUrl, Paths.Entry(r.Slug)))).ToList()));
    }
}
