using Microsoft.AspNetCore.Http.HttpResults;
using NbsRoundup.Search;
using NbsRoundup.Web.Caching;
using NbsRoundup.Web.Exports;
using NbsRoundup.Web.Reading;

namespace NbsRoundup.Web.Api;

/// <summary>`GET /api/issues` and `GET /api/issues/{slug}` (with its sections and entries).</summary>
public static class IssuesApi
{
    public static IEndpointRouteBuilder MapIssuesApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/issues").WithTags("Issues");
        group.MapGet("/", ListAsync).CachedAs(CachePolicies.Catalogue).WithName("ListIssues").WithSummary("Published issues, newest first.");
        group.MapGet("/{slug}", GetAsync).CachedAs(CachePolicies.Issue).WithName("GetIssue").WithSummary("One issue with its sections and entries, in newsletter order.");
        return endpoints;
    }

    private static async Task<Ok<List<IssueSummaryDto>>> ListAsync(HttpRequest request, CatalogueDb db, CancellationToken ct)
    {
        var baseUrl = QueryProblems.BaseUrl(request);
        var issues = await db.Issues.AsNoTracking().Published()
            .NewestFirst()
            .Select(i => new { i.Slug, i.Title, i.TitleEn, i.Publisher, i.Year, i.Month, i.Volume, i.Number, Count = i.Entries.Count(e => e.IsPublished) })
            .ToListAsync(ct);
        return TypedResults.Ok(issues.Select(i => new IssueSummaryDto(i.Slug, i.Title, i.TitleEn, i.Publisher, i.Year, i.Month, i.Volume, i.Number, i.Count,
            Paths.Absolute(baseUrl, Paths.Issue(i.Slug)))).ToList());
    }

    private static async Task<Results<Ok<IssueDto>, NotFound>> GetAsync(string slug, HttpRequest request, CatalogueDb db, CancellationToken ct)
    {
        var contents = await IssueContents.LoadAsync(db, slug, ct);
        if (contents is null)
        {
            return TypedResults.NotFound();
        }
        var baseUrl = QueryProblems.BaseUrl(request);
        var issue = contents.Issue;
        var sections = contents.Sections
            .Select(s => new IssueSectionDto(s.Section.Key, s.Section.NameZh, s.Section.NameEn, s.Introduction, s.IntroductionHtml,
                s.Entries.Select(e => EntryDto.From(e, baseUrl)).ToList()))
            .ToList();
        return TypedResults.Ok(new IssueDto(issue.Slug, issue.Title, issue.TitleEn, issue.Publisher, issue.Year, issue.Month, issue.Volume, issue.Number,
            issue.Introduction, issue.Rendered.Html, Paths.Absolute(baseUrl, Paths.Issue(issue.Slug)), sections));
    }
}
