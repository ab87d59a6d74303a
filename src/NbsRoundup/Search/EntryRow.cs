using System.Linq.Expressions;
using NbsRoundup.Catalogue;

namespace NbsRoundup.Search;

/// <summary>An organisation as a link.</summary>
public sealed record OrganisationRef(string Slug, string Name, string? ShortName);

/// <summary>
/// What pages, the API and exports show of an entry; one projection, one SQL query per list. The summary
/// comes as Markdown (the API's source), and as the HTML and plain text stored when it was saved: readers are
/// shown those, never a rendering made for them.
/// </summary>
public sealed record EntryRow(
    string Slug,
    string Title,
    string? OriginalTitle,
    string? Authors,
    string? Speaker,
    int? DateYear,
    int? DateMonth,
    int? DateDay,
    string? DateText,
    string? Link,
    string Summary,
    string SummaryHtml,
    string SummaryText,
    string? Subheading,
    int Position,
    string SectionKey,
    string SectionName,
    string SectionNameEn,
    int SectionPosition,
    string IssueSlug,
    string IssueTitle,
    int IssueYear,
    int IssueMonth,
    DateTime UpdatedAt,
    IReadOnlyList<OrganisationRef> Organisations)
{
    public static readonly Expression<Func<Entry, EntryRow>> Projection = e => new EntryRow(
        e.Slug, e.Title, e.OriginalTitle, e.Authors, e.Speaker,
        e.DateYear, e.DateMonth, e.DateDay, e.DateText, e.Link, e.Summary, e.SummaryHtml, e.SummaryText, e.Subheading, e.Position,
        e.Section.Key, e.Section.NameZh, e.Section.NameEn, e.Section.Position,
        e.Issue.Slug, e.Issue.Title, e.Issue.Year, e.Issue.Month, e.UpdatedAt,
        e.Organisations.OrderBy(o => o.Position)
            .Select(o => new OrganisationRef(o.Organisation.Slug, o.Organisation.Name, o.Organisation.ShortName))
            .ToList());

    public PartialDate? Date => DateYear is { } year && DateText is not null ? new PartialDate(year, DateMonth, DateDay, DateText) : null;

    public bool IsQuote => Speaker is not null;

    /// <summary>"en" for an English original title, "zh" for a Chinese one.</summary>
    public string OriginalTitleLang => OriginalTitle is not null && Names.HasCjk(OriginalTitle) ? "zh" : "en";
}

