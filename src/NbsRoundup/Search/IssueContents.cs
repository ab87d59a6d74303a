using Microsoft.EntityFrameworkCore;
using NbsRoundup.Catalogue;
using NbsRoundup.Data;

namespace NbsRoundup.Search;

/// <summary>A published issue's own details, as readers see them.</summary>
public sealed record IssueHeading(string Slug, string Title, string? TitleEn, string? Publisher, int Year, int Month, int? Volume, int? Number, string Introduction);

/// <summary>One section of an issue: its introduction (Markdown, null when it has none) and its visible entries in order.</summary>
public sealed record IssueSection(Section Section, string? Introduction, IReadOnlyList<EntryRow> Entries);

/// <summary>
/// A published issue as the newsletter prints it: its details, then each section that has an
/// introduction or visible entries, in newsletter order. The issue page and the API's issue read it here.
/// </summary>
public sealed record IssueContents(IssueHeading Issue, IReadOnlyList<IssueSection> Sections)
{
    /// <summary>The issue, or null when there is no published issue with this slug.</summary>
    public static async Task<IssueContents?> LoadAsync(CatalogueDb db, string slug, CancellationToken ct)
    {
        var issue = await db.Issues.AsNoTracking().Published()
            .Where(i => i.Slug == slug)
            .Select(i => new { i.Id, Heading = new IssueHeading(i.Slug, i.Title, i.TitleEn, i.Publisher, i.Year, i.Month, i.Volume, i.Number, i.Introduction) })
            .FirstOrDefaultAsync(ct);
        if (issue is null)
        {
            return null;
        }
        var intros = await db.IssueSectionIntros.AsNoTracking()
            .Where(s => s.IssueId == issue.Id)
            .ToDictionaryAsync(s => s.SectionId, s => s.Markdown, ct);
        var entries = await db.Entries.AsNoTracking().Published()
            .Where(e => e.IssueId == issue.Id)
            .OrderBy(e => e.Section.Position).ThenBy(e => e.Position).ThenBy(e => e.Id)
            .Select(EntryRow.Projection)
            // Split, as CatalogueSearch.RowsAsync: as one query SQLite materialises every entry-organisation
            // link of the catalogue before joining, and the page took time in proportion to the catalogue.
            .AsSplitQuery()
            .ToListAsync(ct);
        var sections = Section.All
            .Select(s => new IssueSection(s, intros.GetValueOrDefault(s.Id), entries.Where(e => e.SectionKey == s.Key).ToList()))
            .Where(s => s.Entries.Count > 0 || s.Introduction is not null)
            .ToList();
        return new IssueContents(issue.Heading, sections);
    }
}
