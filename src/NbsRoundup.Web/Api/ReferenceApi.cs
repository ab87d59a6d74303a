using Microsoft.AspNetCore.Http.HttpResults;
using NbsRoundup.Discovery;
using NbsRoundup.Search;
using NbsRoundup.Web.Caching;
using NbsRoundup.Web.Exports;
using NbsRoundup.Web.Reading;

namespace NbsRoundup.Web.Api;

/// <summary>`GET /api/sections` and `GET /api/organisations`, with counts of published entries.</summary>
public static class ReferenceApi
{
    public static IEndpointRouteBuilder MapReferenceApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/sections", SectionsAsync).CachedAs(CachePolicies.Catalogue).WithTags("Sections").WithName("ListSections").WithSummary("The sections, in newsletter order.");
        endpoints.MapGet("/api/organisations", OrganisationsAsync).CachedAs(CachePolicies.Catalogue).WithTags("Organisations").WithName("ListOrganisations")
            .WithSummary("Organisations named by published entries, with their aliases and the number of published entries naming them.");
        endpoints.MapGet("/api/topics", TopicsAsync).CachedAs(CachePolicies.Catalogue).WithTags("Topics").WithName("ListTopics")
            .WithSummary("The topics of the three vocabularies (ecosystems, societal challenges, approaches), in order, with the number of published entries tagged with each.");
        endpoints.MapGet("/api/places", PlacesAsync).CachedAs(CachePolicies.Catalogue).WithTags("Places").WithName("ListPlaces")
            .WithSummary("Global, the UN M49 regions and the countries that have published entries, with the number within each (a region counts its countries' entries).");
        return endpoints;
    }

    private static async Task<Ok<List<TopicSummaryDto>>> TopicsAsync(HttpRequest request, CatalogueDb db, CancellationToken ct)
    {
        var baseUrl = QueryProblems.BaseUrl(request);
        var counts = await TagCounts.TopicsAsync(db, ct);
        return TypedResults.Ok(Topics.All.Select(t => new TopicSummaryDto(t.Key, t.Group.Key, t.Chinese, t.English, counts.GetValueOrDefault(t.Key),
            Paths.Absolute(baseUrl, Paths.Topic(t.Key)))).ToList());
    }

    private static async Task<Ok<List<PlaceSummaryDto>>> PlacesAsync(HttpRequest request, CatalogueDb db, CancellationToken ct)
    {
        var baseUrl = QueryProblems.BaseUrl(request);
        var counts = await TagCounts.PlacesAsync(db, ct);
        return TypedResults.Ok(Places.All.Where(p => counts.ContainsKey(p.Code))
            .Select(p => new PlaceSummaryDto(p.Code, p.Kind.ToString().ToLowerInvariant(), p.Chinese, p.English, p.Parents, counts[p.Code],
                Paths.Absolute(baseUrl, Paths.Place(p.Code)))).ToList());
    }

    private static async Task<Ok<List<SectionDto>>> SectionsAsync(HttpRequest request, CatalogueDb db, CancellationToken ct)
    {
        var baseUrl = QueryProblems.BaseUrl(request);
        var counts = await db.Entries.AsNoTracking().Published().GroupBy(e => e.SectionId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return TypedResults.Ok(Section.All.Select(s => new SectionDto(s.Key, s.NameZh, s.NameEn, s.Position, counts.GetValueOrDefault(s.Id),
            Paths.Absolute(baseUrl, Paths.Section(s.Key)))).ToList());
    }

    private static async Task<Ok<List<OrganisationDto>>> OrganisationsAsync(HttpRequest request, CatalogueDb db, CancellationToken ct)
    {
        var baseUrl = QueryProblems.BaseUrl(request);
        var counts = await db.Entries.AsNoTracking().Published().SelectMany(e => e.Organisations).GroupBy(o => o.OrganisationId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var organisations = await db.Organisations.AsNoTracking().Published(db.Entries).OrderBy(o => o.Name)
            .Select(o => new { o.Id, o.Slug, o.Name, o.ShortName, Aliases = o.Aliases.Select(a => a.Name).ToList() })
            .ToListAsync(ct);
        return TypedResults.Ok(organisations.Select(o => new OrganisationDto(o.Slug, o.Name, o.ShortName, o.Aliases, counts.GetValueOrDefault(o.Id),
            Paths.Absolute(baseUrl, Paths.Organisation(o.Slug)))).ToList());
    }
}
