using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NbsRoundup.Catalogue;
using NbsRoundup.Data;
using NbsRoundup.Search;
using NbsRoundup.Web.Exports;
using NbsRoundup.Web.Caching;

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
            .OrderByDescending(i => i.Year).ThenByDescending(i => i.Month).ThenByDescending(i => i.Id)
            .Select(i => new { i.Slug, i.Title, i.TitleEn, i.Publisher, i.Year, i.Month, i.Volume, i.Number, Count = i.Entries.Count(e => e.IsPublished) })
            .ToListAsync(ct);
        return TypedResults.Ok(issues.Select(i => new IssueSummaryDto(i.Slug, i.Title, i.TitleEn, i.Publisher, i.Year, i.Month, i.Volume, i.Number, i.Count,
            new Uri(baseUrl, "/issues/" + i.Slug).ToString())).ToList());
    }

    private static async Task<Results<Ok<IssueDto>, NotFound>> GetAsync(string slug, HttpRequest request, CatalogueDb db, CancellationToken ct)
    {
        var issue = await db.Issues.AsNoTracking().Published().Where(i => i.Slug == slug)
            .Select(i => new { i.Id, i.Slug, i.Title, i.TitleEn, i.Publisher, i.Year, i.Month, i.Volume, i.Number, i.Introduction })
            .FirstOrDefaultAsync(ct);
        if (issue is null)
        {
            return TypedResults.NotFound();
        }
        var baseUrl = QueryProblems.BaseUrl(request);
        var intros = await db.IssueSectionIntros.AsNoTracking().Where(s => s.IssueId == issue.Id).ToDictionaryAsync(s => s.SectionId, s => s.Markdown, ct);
        var entries = await db.Entries.AsNoTracking().Published().Where(e => e.IssueId == issue.Id)
            .OrderBy(e => e.Section.Position).ThenBy(e => e.Position).ThenBy(e => e.Id)
            .Select(EntryRow.Projection)
            .ToListAsync(ct);
        var sections = Section.All
            .Select(s => new IssueSectionDto(s.Key, s.NameZh, s.NameEn, intros.GetValueOrDefault(s.Id),
                entries.Where(e => e.SectionKey == s.Key).Select(e => EntryDto.From(e, baseUrl)).ToList()))
            .Where(s => s.Entries.Count > 0 || s.Introduction is not null)
            .ToList();
        return TypedResults.Ok(new IssueDto(issue.Slug, issue.Title, issue.TitleEn, issue.Publisher, issue.Year, issue.Month, issue.Volume, issue.Number,
            issue.Introduction, new Uri(baseUrl, "/issues/" + issue.Slug).ToString(), sections));
    }
}
