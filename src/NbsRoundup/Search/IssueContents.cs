using Microsoft.EntityFrameworkCore;
using NbsRoundup.Catalogue;
using NbsRoundup.Data;
using NbsRoundup.Rendering;

namespace NbsRoundup.Search;

/// <summary>A published issue's own details, as readers see them.</summary>
public sealed record IssueHeading(string Slug, string Title, string? TitleEn, string? Publisher, int Year, int Month, int? Volume, int? Number, string Introduction)
{
    /// <summary>The introduction as stored when it was saved: HTML and plain text.</summary>
    public RenderedMarkdown Rendered { get; init; } = RenderedMarkdown.Empty;
}

/// <summary>One section of an issue: its introduction (Markdown, null when it has none) and its visible entries in order.</summary>
public sealed record IssueSection(Section Section, string? Introduction, IReadOnlyList<EntryRow> Entries)
{
    /// <summary>The introduction as stored when it was saved (empty when it has none).</summary>
    public string IntroductionHtml { get; init; } = "";
}

/// <summary>
/// A published issue as the newsletter prints it: its details, then each section that has an
/// introduction or visible entries, in newsletter order. The issue page and the API's issue read it here.
/// </summary>
public sealed record IssueContents(IssueHeading Issue, IReadOnlyList<IssueSection> Sections)
{
    /// <summary>The issue, or null when there is no published issue with this slug.</summary>
    public static Task<IssueContents?> LoadAsync(CatalogueDb db, string slug, CancellationToken ct) => LoadAsync(db, slug, draft: false, ct);

    /// <summary>
    /// With draft: the issue even when it is a draft, with the entries readers will see once it is published
    /// (its editors' "see it as readers do").
    /// </summary>
    public static async Task<IssueContents?> LoadAsync(CatalogueDb db, string slug, bool draft, CancellationToken ct)
    {
        var issues = db.Issues.AsNoTracking();
        var issue = await (draft ? issues : issues.Published())
            .Where(i => i.Slug == slug)
            .Select(i => new { i.Id, Heading = new IssueHeading(i.Slug, i.Title, i.TitleEn, i.Publisher, i.Year, i.Month, i.Volume, i.Number, i.Introduction), i.IntroductionHtml, i.IntroductionText })
            .FirstOrDefaultAsync(ct);
        if (issue is null)
        {
            return null;
        }
        var intros = await db.IssueSectionIntros.AsNoTracking()
            .Where(s => s.IssueId == issue.Id)
            .ToDictionaryAsync(s => s.SectionId, s => new { s.Markdown, s.Html }, ct);
        var visible = draft ? db.Entries.AsNoTracking().Where(e => e.IsPublished) : db.Entries.AsNoTracking().Published();
        var entries = await visible
            .Where(e => e.IssueId == issue.Id)
            .OrderBy(e => e.Section.Position).ThenBy(e => e.Position).ThenBy(e => e.Id)
            .Select(EntryRow.Projection)
            // Split: organisations, topics and places are three lists; joined in one query they would multiply, and
            // SQLite would materialise every entry-organisation link of the catalogue before joining.
            .AsSplitQuery()
            .ToListAsync(ct);
        var sections = Section.All
            .Select(s => new IssueSection(s, intros.GetValueOrDefault(s.Id)?.Markdown, entries.Where(e => e.SectionKey == s.Key).ToList())
            {
                IntroductionHtml = intros.GetValueOrDefault(s.Id)?.Html ?? "",
            })
            .Where(s => s.Entries.Count > 0 || s.Introduction is not null)
            .ToList();
        return new IssueContents(issue.Heading with { Rendered = new RenderedMarkdown(issue.IntroductionHtml, issue.IntroductionText) }, sections);
    }
}
