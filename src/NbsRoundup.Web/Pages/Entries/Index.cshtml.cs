using Microsoft.AspNetCore.OutputCaching;
using NbsRoundup.Search;
using NbsRoundup.Text;
using NbsRoundup.Web.Caching;
using NbsRoundup.Web.Exports;
using NbsRoundup.Web.Reading;

namespace NbsRoundup.Web.Pages.Entries;

/// <summary>The catalogue: every published entry, filtered by keywords, section, issue, organisation, dates, topics and places.</summary>
[OutputCache(PolicyName = CachePolicies.Catalogue)]
[ReadsCatalogueQuery]
public sealed class IndexModel(CatalogueDb db) : PageModel
{
    public SearchResult Result { get; private set; } = null!;
    public Timeline? Timeline { get; private set; }
    /// <summary>How many of the newest issues the issue field suggests.</summary>
    public const int SuggestedIssues = 36;

    public IReadOnlyList<IssueOption> Issues { get; private set; } = [];

    public CatalogueQuery Query => Result.Query;

    /// <summary>The map of the result set's countries (SVG), each narrowing the query; null without results.</summary>
    public MapView? Map { get; private set; }

    /// <summary>True when the keywords, searched exactly as typed, would have been expanded through the glossary.</summary>
    public bool CouldExpand { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var (query, errors) = QueryProblems.Read(Request);
        Result = errors.Count > 0 ? SearchResult.Invalid(query, errors) : await new CatalogueSearch(db).RunAsync(query, ct: ct);
        Timeline = Timeline.From(Result.Facets);
        Map = Maps.Narrowing(Result);
        CouldExpand = query.Exact && !NbsRoundup.Discovery.Glossary.Expand(query.Keywords).IsEmpty;
        // Suggestions, not a list of every issue: a <select> of all of them grew with the catalogue
        // (20,091 options and 164 ms a page at 1,000,000 entries). Any issue can be typed.
        Issues = await db.Issues.AsNoTracking().Published()
            .NewestFirst()
            .Take(SuggestedIssues)
            .Select(i => new IssueOption(i.Slug, i.Title))
            .ToListAsync(ct);
        if (Result.Errors.Count > 0)
        {
            // The form is shown again with what was asked and why it cannot be answered.
            HttpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return Page();
    }

    public string TitleHtml(EntryRow entry) => Highlighter.Highlight(entry.Title, Result.Keywords);

    public string? OriginalTitleHtml(EntryRow entry) => entry.OriginalTitle is null ? null : Highlighter.Highlight(entry.OriginalTitle, Result.Keywords);

    public string SnippetHtml(EntryRow entry) => Highlighter.Snippet(entry.SummaryText, Result.Keywords, 180);

    public sealed record IssueOption(string Slug, string Title);
}
